// Reads that count (issue 19 §1-3), end to end through review() on the charts of test/fixtures/reads (see its
// README.md), with the real helm 3 and helm 4 and with rendering off: a key is read when a template reads it, when a
// string default the chart passes through tpl reads it (loki's `loki.config`), or when the render proof shows that
// removing it changes the output; a values.schema.json never makes a key read (postgresql 12.5.1's stale schema).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { review } from '../../src/core/pipeline/review.js';
import { GitSnapshot } from '../../src/core/repo/git-snapshot.js';
import type { Finding, Report } from '../../src/core/report/report.js';
import { allRules } from '../../src/core/rules/index.js';
import { HELM_BINARIES, PROJECT_DIR, TestRepo } from '../support/git-repo.js';
import { oneChartLockfile } from '../support/lockfile.js';

const FIXTURE = join(PROJECT_DIR, 'test/fixtures/reads');
const repos: TestRepo[] = [];
afterAll(() => {
  for (const repo of repos) repo.cleanup();
});

/** A repository whose head commit bumps `chart` from `from` to `to`, values/<chart>.yaml unchanged. */
function bumpRepo(chart: string, from: string, to: string): { repo: TestRepo; base: string; head: string } {
  const repo = new TestRepo('cg-reads-');
  repos.push(repo);
  repo
    .write('.github/chart-guard.yaml', 'kubernetes: "1.29"\nvalues: ["values/{chart}.yaml"]\n')
    .copy(join(FIXTURE, `${chart}-${from}`, chart), `charts/${chart}`)
    .copy(join(FIXTURE, 'values', `${chart}.yaml`), `values/${chart}.yaml`)
    .write('helm-freeze.yaml', oneChartLockfile(chart, from));
  const base = repo.commit('base');
  repo.remove(`charts/${chart}`);
  repo
    .copy(join(FIXTURE, `${chart}-${to}`, chart), `charts/${chart}`)
    .write('helm-freeze.yaml', oneChartLockfile(chart, to));
  return { repo, base, head: repo.commit('bump') };
}

async function reviewBump(chart: string, from: string, to: string, helm: string | null): Promise<Report> {
  const { repo, base, head } = bumpRepo(chart, from, to);
  return review({
    repoDir: repo.dir,
    base: new GitSnapshot(repo.dir, 'main~1', base),
    head: new GitSnapshot(repo.dir, 'main', head),
    helm,
    concurrency: 2,
  });
}

const all = (report: Report): Finding[] => [...report.findings, ...report.charts.flatMap((c) => c.findings)];
const summary = (findings: Finding[]) =>
  findings.map((f) => [f.rule, f.severity, f.path ?? '', f.file ?? '', f.line ?? 0]);
const messageOf = (report: Report, rule: string, path: string) =>
  all(report).find((f) => f.rule === rule && f.path === path)?.message ?? '';

const RENDERS = [...Object.entries(HELM_BINARIES), ['off (helm: null, as --no-render)', null] as const];

describe.each(RENDERS)('loki 5.41.0 -> 6.0.0: values read through tpl, helm %s', (_, helm) => {
  let report: Report;
  beforeAll(async () => {
    report = await reviewBump('loki', '5.41.0', '6.0.0', helm);
  }, 120_000);

  it('loki.limits_config.* is read by the loki.config string the chart passes through tpl: not reported', () => {
    // before: `loki.limits_config.enforce_metric_name` override-key-removed (error) and
    // `loki.limits_config.retention_period` override-key-unknown "no template reads it", though the render holds both
    const paths = all(report).map((f) => f.path);
    expect(paths).not.toContain('loki.limits_config.enforce_metric_name');
    expect(paths).not.toContain('loki.limits_config.retention_period');
  });

  it('the key nothing reads is still reported, and nothing else changed', () => {
    expect(summary(all(report))).toEqual([
      ...(helm === null ? [['render-skipped', 'warning', '', '', 0]] : []),
      ['major-upgrade-notes', 'notice', '', 'helm-freeze.yaml', 3],
      ['override-key-unknown', 'warning', 'loki.limitsConfig.retention_period', 'values/loki.yaml', 10],
    ]);
    expect(messageOf(report, 'override-key-unknown', 'loki.limitsConfig.retention_period')).toContain(
      'no template reads it',
    );
    expect(report.verdict).not.toBe('fail');
  });
});

describe.each(RENDERS)('postgresql 8.9.8 -> 12.5.1: a stale values.schema.json, helm %s', (_, helm) => {
  let report: Report;
  beforeAll(async () => {
    report = await reviewBump('postgresql', '8.9.8', '12.5.1', helm);
  }, 120_000);

  it('persistence.size, which 12.5.1 only lists in its schema, is reported: the disk would drop to 8Gi', () => {
    // before: not reported (the schema accepted it)
    expect(messageOf(report, 'override-key-removed', 'persistence.size')).toBe(
      "`persistence.size` was in postgresql 8.9.8's defaults and is gone from 12.5.1: Helm will silently ignore it. Did you mean `primary.persistence.size`?",
    );
  });

  it('resources.requests.*, listed in the schema only, are reported once at the removed map', () => {
    // before: not reported (the schema accepted them; without helm the free-form name `resources` did too)
    const proven = helm === null ? '' : ' (removing it does not change the rendered manifests)';
    expect(messageOf(report, 'override-key-removed', 'resources')).toBe(
      `\`resources\` was in postgresql 8.9.8's defaults and is gone from 12.5.1: Helm will silently ignore it${proven} (set here: \`resources.requests.memory\`, \`resources.requests.cpu\`).`,
    );
  });

  it('and nothing else changed', () => {
    expect(summary(all(report))).toEqual([
      ...(helm === null ? [['render-skipped', 'warning', '', '', 0]] : []),
      ['major-upgrade-notes', 'notice', '', 'helm-freeze.yaml', 3],
      ['override-key-removed', 'error', 'postgresqlUsername', 'values/postgresql.yaml', 2],
      ['override-key-removed', 'error', 'postgresqlDatabase', 'values/postgresql.yaml', 3],
      ['override-key-removed', 'error', 'persistence.size', 'values/postgresql.yaml', 5],
      ['override-key-removed', 'error', 'resources', 'values/postgresql.yaml', 8],
      // the 8.x StatefulSet name (<release>-postgresql) is not 12.x's (<release>): a real finding of this bump
      ...(helm === null
        ? []
        : [['statefulset-replaced', 'error', '', 'charts/postgresql/templates/primary/statefulset.yaml', 2]]),
    ]);
    expect(report.verdict).toBe('fail');
  });
});

describe.each(Object.entries(HELM_BINARIES))('the render proof never contradicts the render, helm %s', (_, helm) => {
  it('a key printed in a leaf that differs on every render (a generated secret in the same file) is read', async () => {
    // appini's app.ini holds `SECRET_KEY = <randAlphaNum>` and every setting: the whole file is left out of the
    // comparison, so removing settings.retention_period looks like no change, yet the render prints it
    const report = await reviewBump('appini', '1.0.0', '1.1.0', helm);
    expect(summary(all(report))).toEqual([]);
    expect(report.stats?.proofRenders).toBeGreaterThan(0);
  });
});

describe('the render-skipped report when rendering is off', () => {
  it('names every check that did not run', async () => {
    const report = await reviewBump('postgresql', '8.9.8', '12.5.1', null);
    const skipped = all(report).filter((f) => f.rule === 'render-skipped');
    expect(skipped).toHaveLength(1);
    const renderRules = allRules.filter(
      (rule) => rule.scope === 'chart' && rule.needs.renders && rule.modes.includes('review'),
    );
    expect(renderRules.length).toBeGreaterThan(5);
    for (const rule of renderRules) expect(skipped[0].message).toContain(`\`${rule.id}\``);
    expect(skipped[0].message).toContain('the render proof of override keys');
    expect(skipped[0].message).toContain('rendering is disabled (--no-render or render.enabled: false)');
  });
});
