// Acceptance entries matched against findings: identity, environments, expiry (pure; end to end in
// test/review/acceptances.test.ts).
import { describe, expect, it } from 'vitest';
import { acceptanceOutcome, acceptFindings, parseAcceptances } from '../../src/core/acceptances/acceptances.js';
import { findingFingerprint, findingIdentity } from '../../src/core/acceptances/finding-identity.js';
import type { Finding } from '../../src/core/report/report.js';
import { ruleHooks } from '../../src/core/rules/index.js';

const TODAY = new Date('2026-06-01T23:59:00Z');
const parse = (text: string) =>
  parseAcceptances(text, 'accepted.yaml', { today: TODAY, maxDays: 180, hooks: ruleHooks });

const removed = (extra: Partial<Finding> = {}): Finding =>
  ({
    rule: 'override-key-removed',
    severity: 'error',
    chart: 'db',
    message: 'gone in 2.0.0',
    file: 'values/db.yaml',
    line: 4,
    path: 'master.persistence.size',
    ...extra,
  }) as Finding;

describe('finding identity', () => {
  it('stays the same when lines, messages and API versions move', () => {
    const sts = (apiVersion: string, line: number, message: string): Finding => ({
      rule: 'statefulset-replaced',
      severity: 'error',
      chart: 'db',
      message,
      file: 'charts/db/templates/sts.yaml',
      line,
      resource: { apiVersion, kind: 'StatefulSet', namespace: 'data', name: 'db' },
    });
    const a = sts('apps/v1beta2', 3, 'in 1.0.0');
    const b = sts('apps/v1', 30, 'in 2.0.0');
    expect(findingIdentity(a)).toEqual(findingIdentity(b));
    expect(findingFingerprint(a)).toBe(findingFingerprint(b));
    expect(findingIdentity(a)).toEqual({
      rule: 'statefulset-replaced',
      chart: 'db',
      resource: 'StatefulSet/db',
      file: 'charts/db/templates/sts.yaml',
    });
    expect(findingFingerprint(removed())).not.toBe(findingFingerprint(removed({ path: 'primary.persistence.size' })));
    expect(findingFingerprint(removed({ environments: ['aws'] }))).not.toBe(findingFingerprint(removed()));
  });
});

describe('matching', () => {
  const entry = (more: string) =>
    parse(
      `- rule: override-key-removed\n  chart: db\n  key: master.persistence.size\n${more}  reason: r\n  expires: 2026-06-01\n`,
    ).entries;

  it('accepts, through the expiry day, a finding of the rule, chart and key', () => {
    const matched = new Map();
    const [finding] = acceptFindings([removed({ line: 99 })], entry(''), { today: TODAY }, matched);
    expect(finding.accepted).toEqual({ reason: 'r', expires: '2026-06-01', file: 'accepted.yaml', line: 1 });
    const next = new Date('2026-06-02T00:00:00Z');
    const later = new Map();
    expect(acceptFindings([removed()], entry(''), { today: next }, later)[0].accepted).toBeUndefined();
    expect(acceptanceOutcome(entry(''), later, next).expired.map((e) => e.source.line)).toEqual([1]);
  });

  it('splits a finding that holds in several environments when only some are accepted', () => {
    const matched = new Map();
    const entries = entry('  environments: [aws]\n');
    const out = acceptFindings([removed({ environments: ['aws', 'gcp'] })], entries, { today: TODAY }, matched);
    expect(out.map((f) => [f.environments, f.accepted?.line])).toEqual([
      [['aws'], 1],
      [['gcp'], undefined],
    ]);
    expect(acceptanceOutcome(entries, matched, TODAY).stale).toEqual([]);
  });

  it('an environment selector does not match a finding of the one implicit environment', () => {
    const matched = new Map();
    const entries = entry('  environments: [aws]\n');
    expect(acceptFindings([removed()], entries, { today: TODAY }, matched)[0].accepted).toBeUndefined();
    expect(acceptanceOutcome(entries, matched, TODAY).stale).toHaveLength(1);
  });

  it('marks entries the base lacks as added; an unchanged entry is not', () => {
    const entries = entry('');
    const same = acceptFindings([removed()], entries, { today: TODAY, baseEntries: entry('') }, new Map());
    expect(same[0].accepted?.added).toBeUndefined();
    const renewed = parse(
      '- rule: override-key-removed\n  chart: db\n  key: master.persistence.size\n  reason: r\n  expires: 2026-05-01\n',
    ).entries;
    const added = acceptFindings([removed()], entries, { today: TODAY, baseEntries: renewed }, new Map());
    expect(added[0].accepted?.added).toBe(true);
  });

  it('an entry without chart matches only findings without one', () => {
    const entries = parse(
      '- rule: override-key-removed\n  key: master.persistence.size\n  reason: r\n  expires: 2026-06-01\n',
    ).entries;
    expect(acceptFindings([removed()], entries, { today: TODAY }, new Map())[0].accepted).toBeUndefined();
  });
});

describe('parsing', () => {
  it('reports a file that is not a list, and malformed values, with lines', () => {
    expect(parse('rule: x\n').problems.map((p) => [p.line, p.message])).toEqual([
      [1, 'the acceptances file must be a list of entries (- rule: ..., reason: ..., expires: ...)'],
    ]);
    const text = '- rule: resource-removed\n  reason: r\n  expires: 2026-02-30\n  environments: [1]\n  owner: me\n';
    expect(parse(text).problems.map((p) => [p.line, p.message])).toEqual([
      [
        5,
        'unknown key "owner" in an acceptance (known: rule, chart, key, resource, file, environments, reason, expires)',
      ],
      [3, 'expires must be a date like 2027-01-31 (got "2026-02-30")'],
      [4, 'environments must be a list of environment names'],
    ]);
    expect(parse('').entries).toEqual([]);
  });
});
