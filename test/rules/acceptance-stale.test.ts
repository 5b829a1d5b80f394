import { describe, expect, it } from 'vitest';
import type { AcceptanceEntry } from '../../src/core/acceptances/acceptances.js';
import { acceptanceStale } from '../../src/core/rules/acceptance-stale.js';
import { repoContext } from './support/contexts.js';

const entry: AcceptanceEntry = {
  rule: 'statefulset-replaced',
  chart: 'db',
  resource: 'StatefulSet/db-master',
  reason: 'data is backed up',
  expires: '2099-01-01',
  source: { file: '.github/chart-guard-accepted.yaml', line: 7 },
};

describe('acceptance-stale', () => {
  it('reports an acceptance in force that matches no finding, at its entry', () => {
    const ctx = repoContext({ acceptances: { expired: [], stale: [entry], matched: new Map() } });
    expect(acceptanceStale.check(ctx)).toEqual([
      expect.objectContaining({
        message:
          'the acceptance of statefulset-replaced in db, resource StatefulSet/db-master matches no finding of this run',
        file: '.github/chart-guard-accepted.yaml',
        line: 7,
      }),
    ]);
  });

  it('is silent when every acceptance matched', () => {
    const ctx = repoContext({ acceptances: { expired: [], stale: [], matched: new Map([[entry, 1]]) } });
    expect(acceptanceStale.check(ctx)).toEqual([]);
  });
});
