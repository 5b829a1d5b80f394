// §3 of issue 10: inputs that would make a review weaker without a word now say so. Real git, real helm.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nearest } from '../../src/core/input/nearest.js';
import { lint } from '../../src/core/pipeline/lint.js';
import { review } from '../../src/core/pipeline/review.js';
import { fetchCommand } from '../../src/core/repo/fetch-advice.js';
import { GitSnapshot } from '../../src/core/repo/git-snapshot.js';
import { allFindings, type Report } from '../../src/core/report/report.js';
import { renderComment } from '../../src/format/markdown.js';
import { HELM_BINARIES, PROJECT_DIR, TestRepo } from '../support/git-repo.js';

const FIXTURE = join(PROJECT_DIR, 'test/fixtures/preexisting');

const lockfile = (version: string, names = ['web']) =>
  [
    'charts:',
    ...names.flatMap((name) => [`  - name: ${name}`, `    version: ${version}`, '    repo_name: example']),
    'repos:',
    '  - name: example',
    '    url: https://charts.example.com',
    'destinations:',
    '  - name: default',
    '    path: ./charts',
    '',
  ].join('\n');

const of = (report: Report, rule: string) => allFindings(report).filter((f) => f.rule === rule);

/** Two charts (web and api, the same chart in two folders) bumped 1.0.0 -> 1.1.0, with the given config. */
function bumpRepo(config: string): { repo: TestRepo; base: GitSnapshot; head: GitSnapshot } {
  const repo = new TestRepo('cg-weakening-');
  repo
    .write('helm-freeze.yaml', lockfile('1.0.0', ['web', 'api']))
    .copy(join(FIXTURE, 'base/web'), 'charts/web')
    .copy(join(FIXTURE, 'base/web'), 'charts/api')
    .copy(join(FIXTURE, 'repo/values'), 'values')
    .write('values/api.yaml', 'replicaCount: 3\n')
    .write('.github/chart-guard.yaml', config);
  const base = repo.commit('1.0.0');
  repo
    .write('helm-freeze.yaml', lockfile('1.1.0', ['web', 'api']))
    .copy(join(FIXTURE, 'head/web'), 'charts/web')
    .copy(join(FIXTURE, 'head/web'), 'charts/api');
  const head = repo.commit('1.1.0');
  return { repo, base: new GitSnapshot(repo.dir, base, base), head: new GitSnapshot(repo.dir, head, head) };
}

describe('values patterns that match no file', () => {
  const { repo, base, head } = bumpRepo('kubernetes: "1.29"\nvalues:\n  - values/{chart}.yml\n');
  afterAll(() => repo.cleanup());

  it('warns once per pattern, naming it and the nearest existing paths (config and --values)', async () => {
    const report = await review({
      repoDir: repo.dir,
      base,
      head,
      values: ['vaules/{chart}.yaml'],
      helm: HELM_BINARIES.v4,
    });
    const unmatched = of(report, 'values-pattern-unmatched');
    expect(unmatched).toHaveLength(2);
    const [fromConfig, fromFlag] = unmatched;
    expect(fromConfig).toMatchObject({
      severity: 'warning',
      file: '.github/chart-guard.yaml',
      after: 'values/{chart}.yml',
    });
    expect(fromConfig.message).toContain('"values/{chart}.yml" (values) matches no file for any chart');
    expect(fromConfig.message).toMatch(/Nearest existing paths: values\/(web|api)\.yaml, values\/(web|api)\.yaml/);
    expect(fromFlag.message).toContain('"vaules/{chart}.yaml" (--values)');
    expect(fromFlag.message).toContain('values/');
    // the override checks indeed did not run: no override finding for web's keys
    expect(of(report, 'override-key-unknown')).toEqual([]);
  });

  it('is silent for a pattern that matches a file for some chart', async () => {
    const report = await review({ repoDir: repo.dir, base, head, values: ['values/{chart}.yaml'], helm: null });
    expect(of(report, 'values-pattern-unmatched').map((f) => f.after)).toEqual(['values/{chart}.yml']);
  });

  it('reports a per-chart pattern that matches nothing, in a lint too', async () => {
    repo.write('.github/chart-guard.yaml', 'kubernetes: "1.29"\ncharts:\n  web:\n    values: [envs/web.yaml]\n');
    const sha = repo.commit('per-chart pattern');
    const report = await lint({ repoDir: repo.dir, head: new GitSnapshot(repo.dir, sha, sha), helm: null });
    expect(of(report, 'values-pattern-unmatched')).toMatchObject([
      { path: 'charts.web.values', after: 'envs/web.yaml' },
    ]);
  });
});

describe('no Kubernetes version anywhere', () => {
  const { repo, base, head } = bumpRepo('values:\n  - values/{chart}.yaml\n');
  let report: Report;
  beforeAll(async () => {
    report = await review({ repoDir: repo.dir, base, head, helm: HELM_BINARIES.v3 });
  });
  afterAll(() => repo.cleanup());

  it('is one notice for the run, and the API checks indeed found nothing', () => {
    expect(of(report, 'kube-version-unset')).toMatchObject([{ severity: 'notice' }]);
    expect(of(report, 'api-removed')).toEqual([]); // the v1beta1 PDB and CronJob go unchecked
  });

  it('is said in the comment header', () => {
    const comment = renderComment(report, { marker: 'm' });
    const header = comment.split('\n').slice(0, 6).join('\n');
    expect(header).toContain('No Kubernetes version is set: the API and kubeVersion checks did not run.');
  });

  it('is silent once a version is given (flag)', async () => {
    const again = await review({ repoDir: repo.dir, base, head, kubernetesVersion: '1.29', helm: null });
    expect(of(again, 'kube-version-unset')).toEqual([]);
  });
});

describe('config keys that name nothing', () => {
  const config = [
    'kubernetes: "1.29"',
    'failOnExistng: true',
    'charts:',
    '  wbe:',
    '    releaseName: web-prod',
    '  charts/api:',
    '    releaseName: api',
    '',
  ].join('\n');
  const { repo, base, head } = bumpRepo(config);
  afterAll(() => repo.cleanup());

  it('are config-invalid with file, line and "did you mean"', async () => {
    const report = await review({ repoDir: repo.dir, base, head, helm: null });
    const problems = of(report, 'config-invalid');
    const chartKey = problems.find((f) => f.message.includes('charts.wbe'));
    expect(chartKey).toMatchObject({ file: '.github/chart-guard.yaml', line: 4 });
    expect(chartKey?.message).toContain('did you mean "web"?');
    const topKey = problems.find((f) => f.message.includes('failOnExistng'));
    expect(topKey).toMatchObject({ line: 2 });
    expect(topKey?.message).toContain('did you mean "failOnExisting"?');
    // a chart folder is a valid key
    expect(problems.filter((f) => f.message.includes('charts/api'))).toEqual([]);
    expect(nearest('fail-on-existing', ['failOnExisting', 'freeFormKeys'])).toEqual(['failOnExisting']);
  });
});

describe('helm', () => {
  const { repo, base, head } = bumpRepo('kubernetes: "1.29"\nvalues:\n  - values/{chart}.yaml\n');
  afterAll(() => repo.cleanup());

  it('absent or disabled: render-skipped once for the run, naming every chart', async () => {
    const report = await review({ repoDir: repo.dir, base, head, helm: null });
    const skipped = of(report, 'render-skipped');
    expect(skipped).toHaveLength(1);
    expect(skipped[0].chart).toBeUndefined();
    expect(skipped[0].message).toContain('2 charts (web, api)');
  });

  it('a named path that is not a runnable helm stops the run, naming the path', async () => {
    const notHelm = join(repo.dir, 'values/web.yaml');
    await expect(review({ repoDir: repo.dir, base, head, helm: notHelm })).rejects.toThrow(notHelm);
    await expect(review({ repoDir: repo.dir, base, head, helm: '/bin/true' })).rejects.toThrow(
      /helm \/bin\/true: .*did not run as helm/,
    );
  });

  it('render.helm in the config is held to the same rule', async () => {
    repo.write('.github/chart-guard.yaml', 'kubernetes: "1.29"\nrender:\n  helm: /no/such/helm\n');
    const sha = repo.commit('config names a helm');
    await expect(lint({ repoDir: repo.dir, head: new GitSnapshot(repo.dir, sha, sha) })).rejects.toThrow(
      '/no/such/helm',
    );
  });
});

describe('git fetch advice', () => {
  it.each([
    ['origin/main', 'git fetch origin main'],
    ['refs/remotes/upstream/release-1', 'git fetch upstream release-1'],
    ['main', 'git fetch origin main'],
    ['refs/heads/main', 'git fetch origin main'],
    ['0123abcd', 'git fetch origin 0123abcd'],
  ])('%s -> %s', (ref, command) => {
    expect(fetchCommand(ref)).toBe(command);
  });
});
