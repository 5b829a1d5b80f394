// The helm upgrade a remedy names (rules/analysis/helm-upgrade-command.ts, the runbook's definition too): the command
// as written, run with helm template in place of helm upgrade against a real chart, helm 3 and 4; a chart with a
// templated override file gets words pointing at the runbook instead of a command helm cannot run.
import { afterAll, describe, expect, it } from 'vitest';
import type { OverrideFile } from '../../../src/core/model/model.js';
import { remedyUpgrade, TEMPLATED_UPGRADE } from '../../../src/core/rules/analysis/helm-upgrade-command.js';
import type { ChartContext } from '../../../src/core/rules/rule.js';
import { asHelmTemplate, runAsWritten } from '../../support/commands-as-written.js';
import { HELM_BINARIES, TestRepo } from '../../support/git-repo.js';
import { tinyPairContext } from '../../support/render-corpus.js';

/** A ConfigMap that shows the code-set values, and fails unless the domain filters are a list. */
const CONFIG_MAP = `apiVersion: v1
kind: ConfigMap
metadata:
  name: web
data:
  password: {{ .Values.auth.rootPassword | quote }}
  greeting: {{ .Values.greeting | quote }}
  {{- if not (kindIs "slice" .Values.domainFilters) }}{{ fail "domainFilters is not a list" }}{{ end }}
  domains: {{ .Values.domainFilters | join "," | quote }}
`;
const CHART = {
  'templates/cm.yaml': CONFIG_MAP,
  'values.yaml': 'auth:\n  rootPassword: unset\ndomainFilters: []\ngreeting: hi\n',
};

const file = (path: string, values: Record<string, unknown>, renderedWith?: string): OverrideFile => ({
  path,
  values,
  keys: [],
  skipped: [],
  ...(renderedWith ? { renderedWith } : {}),
});

const base = tinyPairContext('web', CHART, CHART);
/** The list set for every chart (top-level `set`), the password for this chart (`charts.web.set`). */
const ctx: ChartContext = {
  ...base,
  overrides: [file('values/web.yaml', { greeting: 'hello' })],
  codeSet: [
    { path: ['auth', 'rootPassword'], value: 'example', file: '.github/chart-guard.yaml', line: 9, source: 'config' },
  ],
  config: { ...base.config, set: [{ path: ['domainFilters'], example: ['example.com'], line: 3 }] },
};

describe('the helm upgrade of a remedy', () => {
  const repo = new TestRepo('cg-remedy-upgrade-');
  repo.write('charts/web/Chart.yaml', 'apiVersion: v2\nname: web\nversion: 2.0.0\n');
  for (const [path, text] of Object.entries(CHART)) repo.write(`charts/web/${path}`, text);
  repo.write('values/web.yaml', 'greeting: hello\n');
  afterAll(() => repo.cleanup());

  it('is the runbook command: override files, --set of a scalar and --set-json of a list, from variables', () => {
    expect(remedyUpgrade(ctx, ctx.renders!.head!)).toBe(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: shell variables, not a template
      '`helm upgrade rel charts/web --namespace demo -f values/web.yaml --set-json "domainFilters=${DOMAINFILTERS}" --set "auth.rootPassword=${AUTH_ROOTPASSWORD}"`',
    );
  });

  it.each(Object.entries(HELM_BINARIES))('runs as written with helm template (helm %s)', (_major, helm) => {
    const command = remedyUpgrade(ctx, ctx.renders!.head!).slice(1, -1);
    const env = { DOMAINFILTERS: '["example.com","example.org"]', AUTH_ROOTPASSWORD: 'root' };
    const run = runAsWritten(asHelmTemplate(command), repo.dir, helm, env);
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    expect(run.stdout).toContain('password: "root"');
    expect(run.stdout).toContain('greeting: "hello"');
    expect(run.stdout).toContain('domains: "example.com,example.org"');
  });

  it('sends a chart with a templated override file to the runbook, whose plan folder holds the rendered copy', () => {
    const templated = { ...ctx, overrides: [...ctx.overrides, file('values/web.j2.yaml', { greeting: 'hey' }, 'ctx')] };
    expect(remedyUpgrade(templated, ctx.renders!.head!)).toBe(TEMPLATED_UPGRADE);
    const unrendered = { ...ctx, overrides: [file('values/web.j2.yaml', { greeting: '{{ greeting }}' })] };
    expect(remedyUpgrade(unrendered, ctx.renders!.head!)).toBe(TEMPLATED_UPGRADE);
  });
});
