// Override keys accepted only on weak evidence (a free-form name with no such map, a template reading a map above the
// key, a `with` scope) are proven ignored by rendering the head again without them: end to end through review(), with
// the real helm 3 and helm 4, on the purpose-built charts of test/fixtures/ignored-keys (see its README.md).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/core/pipeline/lint.js';
import { review } from '../../src/core/pipeline/review.js';
import { GitSnapshot } from '../../src/core/repo/git-snapshot.js';
import type { Finding, Report } from '../../src/core/report/report.js';
import { HELM_BINARIES, PROJECT_DIR, TestRepo } from '../support/git-repo.js';

const FIXTURE = join(PROJECT_DIR, 'test/fixtures/ignored-keys');
const CHARTS = { store: ['1.0.0', '1.1.0'], app: ['1.0.0', '2.0.0'], web: ['1.0.0', '2.0.0'] } as const;
type ChartName = keyof typeof CHARTS;

const lockfile = (names: readonly ChartName[], side: 0 | 1) =>
  [
    'charts:',
    ...names.flatMap((name) => [`  - name: ${name}`, `    version: ${CHARTS[name][side]}`, '    repo_name: example']),
    'repos:',
    '  - name: example',
    '    url: https://charts.example.invalid',
    'destinations:',
    '  - name: default',
    '    path: ./charts',
    '',
  ].join('\n');

/** A repository whose head commit bumps `names`, with values/<chart>.yaml as override files. */
async function reviewBump(
  names: readonly ChartName[],
  helm: string,
  config = '',
): Promise<{ report: Report; repo: TestRepo }> {
  const repo = new TestRepo('cg-ignored-keys-');
  repo.write('.github/chart-guard.yaml', `values: ["values/{chart}.yaml"]\n${config}`);
  for (const name of names) {
    repo.copy(join(FIXTURE, `${name}-${CHARTS[name][0]}`, name), `charts/${name}`);
    repo.copy(join(FIXTURE, 'values', `${name}.yaml`), `values/${name}.yaml`);
  }
  repo.write('helm-freeze.yaml', lockfile(names, 0));
  const baseSha = repo.commit('base');
  for (const name of names) repo.copy(join(FIXTURE, `${name}-${CHARTS[name][1]}`, name), `charts/${name}`);
  repo.write('helm-freeze.yaml', lockfile(names, 1));
  const headSha = repo.commit('bump');
  const report = await review({
    repoDir: repo.dir,
    base: new GitSnapshot(repo.dir, 'main~1', baseSha),
    head: new GitSnapshot(repo.dir, 'main', headSha),
    helm,
    concurrency: 2,
  });
  return { report, repo };
}

const OVERRIDE_RULES = new Set(['override-key-removed', 'override-key-unknown', 'override-proof-incomplete']);
const overrideFindings = (report: Report, chart: ChartName): Finding[] =>
  report.charts.find((c) => c.name === chart)?.findings.filter((f) => OVERRIDE_RULES.has(f.rule)) ?? [];
const summary = (findings: Finding[]) => findings.map((f) => [f.rule, f.path, f.file, f.line]);

describe.each([
  ['helm 3', HELM_BINARIES.v3],
  ['helm 4', HELM_BINARIES.v4],
])('weakly accepted override keys, proven with %s', (_label, helm) => {
  let report: Report;
  let repo: TestRepo;
  beforeAll(async () => {
    ({ report, repo } = await reviewBump(['store', 'app', 'web'], helm));
  });
  afterAll(() => repo.cleanup());

  it('renders every chart', () => {
    expect(report.charts.map((c) => [c.name, c.render.status])).toEqual([
      ['store', 'ok'],
      ['app', 'ok'],
      ['web', 'ok'],
    ]);
  });

  it('reports labels under a map the chart does not have, not the annotations the same scope reads', () => {
    const findings = overrideFindings(report, 'store');
    expect(summary(findings)).toEqual([
      ['override-key-unknown', 'primary.persistence.labels.team', 'values/store.yaml', 7],
    ]);
    expect(findings[0].message).toContain('removing it does not change the rendered manifests');
  });

  it('reports a dropped config tree once, as removed, and keeps the labels map a template reads whole', () => {
    const findings = overrideFindings(report, 'app');
    expect(summary(findings)).toEqual([['override-key-removed', 'config', 'values/app.yaml', 2]]);
    expect(findings[0].message).toContain('removing it does not change the rendered manifests');
    expect(findings[0].message).toContain('`config.logLevel`, `config.extra.retries`');
  });

  it('reports keys under a with scope that nothing reads (a templated value too), not the ones it reads', () => {
    // controller.paused: false renders like no controller.paused at all, but `if .paused` reads it: never reported
    const findings = overrideFindings(report, 'web');
    expect(summary(findings)).toEqual([
      ['override-key-removed', 'controller.oldFlag', 'values/web.yaml', 4],
      ['override-key-unknown', 'controller.clusterName', 'values/web.yaml', 5],
    ]);
  });

  it('counts the extra renders in stats', () => {
    // Without the keys, then with other values for the keys that passed:
    // store: all, repeat, annotations, labels | labels;
    // app: all, repeat, half, commonLabels, config.extra, config.logLevel | config.*;
    // web: all, repeat, clusterName+oldFlag, paused (replicas then follows) | all three, clusterName+oldFlag (paused
    // follows) | clusterName+oldFlag removed once more, since the set shrank
    expect(report.stats?.proofRenders).toBe(5 + 7 + 7);
    expect(report.stats?.renders).toBe(6);
    expect(report.stats?.proofRenderMs).toBeGreaterThan(0);
  });
});

describe('the extra-render cap', () => {
  it('stops the search, keeps the unproven keys accepted and says so', async () => {
    const { report, repo } = await reviewBump(['web'], HELM_BINARIES.v4, 'render: { proofRenders: 2 }\n');
    try {
      const findings = overrideFindings(report, 'web');
      expect(summary(findings)).toEqual([['override-proof-incomplete', 'controller.replicas', 'values/web.yaml', 3]]);
      expect(findings[0].severity).toBe('notice');
      expect(findings[0].message).toContain('cap of 2 extra render(s)');
      expect(findings[0].message).toContain(
        '`controller.clusterName`, `controller.oldFlag`, `controller.paused`, `controller.replicas`',
      );
      expect(report.stats?.proofRenders).toBe(2);
    } finally {
      repo.cleanup();
    }
  });

  it('proofRenders: 0 turns the proof off: keys a template reads through a map above stay accepted, keys nothing reads are reported', async () => {
    const { report, repo } = await reviewBump(['store', 'app'], HELM_BINARIES.v4, 'render: { proofRenders: 0 }\n');
    try {
      // primary.persistence.labels.team: `with .Values.primary.persistence` reads the map above it
      expect(overrideFindings(report, 'store')).toEqual([]);
      // config.*: only the free-form name `config` vouched for it, and no template of 2.0.0 reads it (issue 19 §3)
      const app = overrideFindings(report, 'app');
      expect(summary(app)).toEqual([['override-key-removed', 'config', 'values/app.yaml', 2]]);
      expect(app[0].message).not.toContain('removing it does not change the rendered manifests');
      expect(report.stats?.proofRenders).toBe(0);
    } finally {
      repo.cleanup();
    }
  });
});

describe('lint proves weakly accepted keys too', () => {
  it('reports the keys a with scope never reads as unknown, not the one it reads', async () => {
    const repo = new TestRepo('cg-ignored-keys-lint-');
    try {
      repo
        .write('.github/chart-guard.yaml', 'values: ["values/{chart}.yaml"]\n')
        .copy(join(FIXTURE, 'web-2.0.0', 'web'), 'charts/web')
        .copy(join(FIXTURE, 'values', 'web.yaml'), 'values/web.yaml')
        .write('helm-freeze.yaml', lockfile(['web'], 1));
      const sha = repo.commit('web');
      const report = await lint({
        repoDir: repo.dir,
        head: new GitSnapshot(repo.dir, 'HEAD', sha),
        helm: HELM_BINARIES.v3,
      });
      expect(summary(overrideFindings(report, 'web'))).toEqual([
        ['override-key-unknown', 'controller.oldFlag', 'values/web.yaml', 4],
        ['override-key-unknown', 'controller.clusterName', 'values/web.yaml', 5],
      ]);
      expect(report.stats?.proofRenders).toBe(7);
    } finally {
      repo.cleanup();
    }
  });
});
