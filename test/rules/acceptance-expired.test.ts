import { describe, expect, it } from 'vitest';
import type { AcceptanceEntry } from '../../src/core/acceptances/acceptances.js';
import { acceptanceExpired } from '../../src/core/rules/acceptance-expired.js';
import { repoContext } from './support/contexts.js';

const entry: AcceptanceEntry = {
  rule: 'override-key-removed',
  chart: 'db',
  key: 'master.persistence.size',
  reason: 'migrated by hand',
  expires: '2026-01-31',
  source: { file: '.github/chart-guard-accepted.yaml', line: 3 },
};

describe('acceptance-expired', () => {
  it('reports each expired acceptance at its entry, naming what it accepted', () => {
    const ctx = repoContext({ acceptances: { expired: [entry], stale: [], matched: new Map() } });
    expect(acceptanceExpired.check(ctx)).toEqual([
      expect.objectContaining({
        message:
          'the acceptance of override-key-removed in db, key master.persistence.size expired on 2026-01-31: its findings count again',
        file: '.github/chart-guard-accepted.yaml',
        line: 3,
      }),
    ]);
  });

  it('is silent without an acceptance step or expired entries', () => {
    expect(acceptanceExpired.check(repoContext())).toEqual([]);
    expect(
      acceptanceExpired.check(repoContext({ acceptances: { expired: [], stale: [entry], matched: new Map() } })),
    ).toEqual([]);
  });
});
