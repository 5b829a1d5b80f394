// Keys a hostile or careless chart can hold: "", __proto__, constructor, toString, backticks. Helm treats them as
// ordinary map keys, so chart-guard must too: no crash, no prototype lookups, findings that name them exactly.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { review } from '../../src/core/pipeline/review.js';
import { GitSnapshot } from '../../src/core/repo/git-snapshot.js';
import type { Report } from '../../src/core/report/report.js';
import { formatKeyPath, type KeyPath, parseKeyPath } from '../../src/core/values/key-path.js';
import { renderComment } from '../../src/format/markdown.js';
import { corpusChart, HELM_BINARIES, TestRepo } from '../support/git-repo.js';
import { oneChartLockfile } from '../support/lockfile.js';

const BLACKBOX = 'prometheus-blackbox-exporter-9.8.0-to-10.0.0';
const CHART_DIR = 'charts/prometheus-blackbox-exporter';

const lockfile = (version: string) =>
  oneChartLockfile('prometheus-blackbox-exporter', version, {
    name: 'prometheus-community',
    url: 'https://prometheus-community.github.io/helm-charts',
  });

/** blackbox 9.8.0 -> 10.0.0 (which removes extraEnvFromSecret), with `extraDefaults` appended to the new values.yaml. */
async function bump(
  extraDefaults: string,
  override: string,
  helm: string | null,
  extra: { config?: string; schema?: string } = {},
): Promise<Report> {
  const repo = new TestRepo('cg-keys-');
  try {
    repo
      .write('helm-freeze.yaml', lockfile('9.8.0'))
      .copy(corpusChart(BLACKBOX, 'old'), CHART_DIR)
      .write('values/prometheus-blackbox-exporter.yaml', override)
      .write('.github/chart-guard.yaml', `values:\n  - values/{chart}.yaml\n${extra.config ?? ''}`);
    const base = repo.commit('blackbox 9.8.0');
    const newValues = readFileSync(join(corpusChart(BLACKBOX, 'new'), 'values.yaml'), 'utf8');
    repo
      .write('helm-freeze.yaml', lockfile('10.0.0'))
      .copy(corpusChart(BLACKBOX, 'new'), CHART_DIR)
      .write(`${CHART_DIR}/values.yaml`, `${newValues}\n${extraDefaults}`);
    if (extra.schema) repo.write(`${CHART_DIR}/values.schema.json`, extra.schema);
    const head = repo.commit('blackbox 10.0.0');
    const snapshots = [new GitSnapshot(repo.dir, 'base', base), new GitSnapshot(repo.dir, 'head', head)];
    try {
      return await review({ repoDir: repo.dir, base: snapshots[0], head: snapshots[1], helm });
    } finally {
      await Promise.all(snapshots.map((s) => s.close()));
    }
  } finally {
    repo.cleanup();
  }
}

const rulesOf = (report: Report) => report.charts.flatMap((c) => c.findings).map((f) => f.rule);
const findingsOf = (report: Report, rule: string) =>
  report.charts.flatMap((c) => c.findings).filter((f) => f.rule === rule);

describe('key paths', () => {
  it('read back every path they print, empty keys and escapes included', () => {
    const paths: KeyPath[] = [
      [''],
      ['', ''],
      ['a', ''],
      ['', 'a'],
      ['a', '', 'b'],
      ['a', 0, ''],
      ['a', '', 0],
      ['__proto__', 'constructor'],
      ['a.b', 'c[0]', 'd\\'],
      ['a`b', '``'],
      ['list', 0, 1, 'x'],
    ];
    for (const path of paths) expect(parseKeyPath(formatKeyPath(path))).toEqual(path);
  });
});

describe('a new chart whose values.yaml holds odd keys', () => {
  let report: Report;
  beforeAll(async () => {
    report = await bump(
      ['"": ""', '__proto__:', '  polluted: true', 'constructor:', '  name: c', '"a`b": 1', ''].join('\n'),
      [
        'extraEnvFromSecret:',
        '  - probe-credentials',
        '"": "x"',
        '__proto__:',
        '  polluted: false',
        'constructor:',
        '  name: d',
        '"a`b": 2',
        'toString: 1',
        '"x`y": 1',
        'hasOwnProperty:',
        '  x: 1',
        '',
      ].join('\n'),
      HELM_BINARIES.v3,
      {
        // code-set keys with examples are merged into the render values and the schema check
        config:
          'charts:\n  prometheus-blackbox-exporter:\n    set: { "__proto__.fromCode": 1, "constructor.fromCode": 2 }\n',
        // a schema makes the override files merge over the defaults (mergeValues) before validation
        schema: JSON.stringify({ type: 'object', properties: { constructor: { type: 'object' } } }),
      },
    );
  }, 60_000);

  it('still reports the removed override key, and fails the review', () => {
    expect(rulesOf(report)).not.toContain('rule-crashed');
    expect(findingsOf(report, 'override-key-removed').map((f) => f.path)).toEqual(['extraEnvFromSecret']);
    expect(report.verdict).toBe('fail');
    expect(report.diagnostics).toBeUndefined();
  });

  it('treats keys the defaults declare as known, and names of Object.prototype as unknown', () => {
    expect(
      findingsOf(report, 'override-key-unknown')
        .map((f) => f.path)
        .sort(),
    ).toEqual(['__proto__.fromCode', 'constructor.fromCode', 'hasOwnProperty.x', 'toString', 'x`y']);
  });

  it('shows a key with a backtick as one code span, in the message and the comment', () => {
    const [finding] = findingsOf(report, 'override-key-unknown').filter((f) => f.path === 'x`y');
    expect(finding.message).toMatch(/^``x`y`` is in neither/);
    expect(renderComment(report, { marker: '<!-- m -->' })).toContain('``x`y`` is in neither');
  });

  it('never touches Object.prototype', () => {
    const plain = {} as Record<string, unknown>;
    expect([plain.polluted, plain.fromCode]).toEqual([undefined, undefined]);
  });

  it('renders the chart with those values', () => {
    expect(report.charts[0].render).toEqual({ status: 'ok' });
    expect(rulesOf(report)).not.toContain('override-schema-violation');
  });
});

describe('an override file with 130k unknown keys', () => {
  let report: Report;
  beforeAll(async () => {
    const keys = Array.from({ length: 130_000 }, (_, i) => `unknownKey${i}: 1`).join('\n');
    report = await bump('', `extraEnvFromSecret:\n  - probe-credentials\n${keys}\n`, null);
  }, 120_000);

  it('reports every key and the removed one, without a crash', () => {
    expect(rulesOf(report)).not.toContain('rule-crashed');
    expect(findingsOf(report, 'override-key-removed')).toHaveLength(1);
    expect(findingsOf(report, 'override-key-unknown')).toHaveLength(130_000);
    expect(report.verdict).toBe('fail');
  });

  it('formats the report as a bounded comment', () => {
    const body = renderComment(report, { marker: '<!-- m -->' });
    expect(body.length).toBeLessThan(70_000);
    expect(body).toContain('extraEnvFromSecret');
  });
});
