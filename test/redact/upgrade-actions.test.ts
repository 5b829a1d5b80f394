// The runbook quotes names, files and labels from the renders: a credential that reached one (a label set from a
// password, say) is hidden there like everywhere else in the report.
import { expect, it } from 'vitest';
import { CredentialMatcher, REDACTED } from '../../src/core/redact/credentials.js';
import { redactChartReport } from '../../src/core/redact/redact.js';
import { createRedactor } from '../../src/core/redact/redact-text.js';
import type { ChartReport } from '../../src/core/report/report.js';

it('redacts every string of upgradeActions, keeping field names and numbers', () => {
  const secret = 'Tr0ub4dor-3x7';
  const chart: ChartReport = {
    name: 'web',
    dir: 'charts/web',
    change: 'bumped',
    from: '1.0.0',
    to: '2.0.0',
    semverChange: 'major',
    overrideFiles: [],
    render: { status: 'ok' },
    valuesDiff: { added: [], removed: [], changed: [] },
    findings: [],
    needsReinstall: false,
    upgradeActions: [
      {
        release: 'web',
        namespace: 'default',
        order: 1,
        dependsOn: [],
        reinstall: false,
        crdsToApply: [],
        orphanDeletes: [],
        backups: [],
        upgrade: 'helm upgrade web charts/web --namespace default',
        steps: [
          {
            phase: 'after',
            description: `Delete the old pods (token=${secret}).`,
            commands: [`kubectl delete pods -n default -l 'token=${secret}'`],
          },
        ],
      },
    ],
  };
  const [actions] = redactChartReport(chart, createRedactor([secret], new CredentialMatcher())).upgradeActions ?? [];
  expect(actions.steps[0].commands).toEqual([`kubectl delete pods -n default -l 'token=${REDACTED}'`]);
  expect(actions.steps[0].description).toBe(`Delete the old pods (token=${REDACTED}).`);
  expect(actions.order).toBe(1);
  expect(JSON.stringify(actions)).not.toContain(secret);
});
