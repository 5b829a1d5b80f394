// Environments end to end (test/fixtures/environments/README.md): one chart bumped, deployed to two groups of
// clusters with their own override files and Kubernetes versions, reviewed and linted through the pipeline with
// helm 3 and 4. Each finding names exactly the environments it holds in.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/core/pipeline/lint.js';
import { review } from '../../src/core/pipeline/review.js';
import { GitSnapshot } from '../../src/core/repo/git-snapshot.js';
import type { Finding, Report } from '../../src/core/report/report.js';
import { renderText } from '../../src/format/text.js';
import { HELM_BINARIES, PROJECT_DIR, TestRepo } from '../support/git-repo.js';
import { oneChartLockfile } from '../support/lockfile.js';

const FIXTURE = join(PROJECT_DIR, 'test/fixtures/environments');

const lockfile = (version: string) => oneChartLockfile('web', version);

const byRule = (report: Report, rule: Finding['rule']) => report.charts[0].findings.filter((f) => f.rule === rule);

describe.each(Object.entries(HELM_BINARIES))('environments (helm %s)', (_major, helm) => {
  const repo = new TestRepo('cg-environments-');
  let base: string;
  let head: string;
  let report: Report;

  // another config on both sides (the base's policy is never narrowed: a head-only config would add to it)
  const reviewWith = (config: string | undefined) => {
    const withConfig = (sha: string) => {
      if (config === undefined) return sha;
      repo.git('checkout', '-q', '--detach', sha);
      repo.write('.github/chart-guard.yaml', config);
      return repo.commit('config');
    };
    return review({
      repoDir: repo.dir,
      base: new GitSnapshot(repo.dir, 'base', withConfig(base)),
      head: new GitSnapshot(repo.dir, 'head', withConfig(head)),
      helm,
      concurrency: 2,
    });
  };

  beforeAll(async () => {
    for (const folder of ['values', 'envs', '.github']) repo.copy(join(FIXTURE, 'repo', folder), folder);
    repo.write('helm-freeze.yaml', lockfile('1.0.0'));
    repo.copy(join(FIXTURE, 'base/web'), 'charts/web');
    base = repo.commit('web 1.0.0');
    repo.write('helm-freeze.yaml', lockfile('2.0.0')).copy(join(FIXTURE, 'head/web'), 'charts/web');
    head = repo.commit('web 2.0.0');
    report = await reviewWith(undefined);
  });
  afterAll(() => repo.cleanup());

  it('lists the environments with their resolved settings', () => {
    expect(report.environments).toEqual([
      {
        name: 'aws',
        values: ['values/{chart}.yaml', 'envs/aws/{chart}.yaml'],
        kubernetesVersion: '1.29-1.31',
        apiVersions: [],
        set: [],
      },
      {
        name: 'gcp',
        values: ['values/{chart}.yaml', 'envs/gcp/{chart}.yaml'],
        kubernetesVersion: '1.24',
        apiVersions: [],
        set: [],
      },
    ]);
    expect(report.charts[0].environments).toEqual([
      { name: 'aws', overrideFiles: ['values/web.yaml', 'envs/aws/web.yaml'], render: { status: 'ok' } },
      { name: 'gcp', overrideFiles: ['values/web.yaml', 'envs/gcp/web.yaml'], render: { status: 'ok' } },
    ]);
  });

  it('attributes the selector change to aws only: only its values set the component label', () => {
    const selector = byRule(report, 'immutable-field-changed');
    expect(selector.map((f) => [f.resource?.kind, f.path, f.environments])).toEqual([
      ['Deployment', 'spec.selector.matchLabels', ['aws']],
    ]);
  });

  it('attributes the kubeVersion refusal to gcp only: its clusters run 1.24', () => {
    const refused = byRule(report, 'kube-version-unsupported');
    expect(refused.map((f) => f.environments)).toEqual([['gcp']]);
    expect(refused[0].message).toContain('1.24');
  });

  it('reports a key removed from the shared file once, naming both environments', () => {
    const removed = byRule(report, 'override-key-removed');
    expect(removed.map((f) => [f.file, f.path, f.environments])).toEqual([
      ['values/web.yaml', 'legacyPort', ['aws', 'gcp']],
    ]);
  });

  it('proves a key of the shared file ignored in each environment, and reports it once for both', () => {
    const ignored = byRule(report, 'override-key-unknown');
    expect(ignored.map((f) => [f.file, f.path, f.environments])).toEqual([
      ['values/web.yaml', 'podAnnotations.team', ['aws', 'gcp']],
    ]);
  });

  it('names no environment on findings about the chart itself', () => {
    const notes = byRule(report, 'major-upgrade-notes');
    expect(notes).toHaveLength(1);
    expect(notes[0].environments).toBeUndefined();
  });

  it('tags each finding with its environments in the text output', () => {
    const text = renderText(report, { color: false });
    expect(text).toMatch(/error \(aws\): .*\[immutable-field-changed\]/);
    expect(text).toMatch(/error \(gcp\): .*\[kube-version-unsupported\]/);
    expect(text).toMatch(/error \(aws, gcp\): .*\[override-key-removed\]/);
  });

  it('without environments layers every file into one render: no finding names an environment', async () => {
    const single = await reviewWith('values: ["values/{chart}.yaml", "envs/*/{chart}.yaml"]\nkubernetes: "1.31"\n');
    expect(single.environments).toBeUndefined();
    expect(single.charts[0].findings.every((f) => f.environments === undefined)).toBe(true);
    expect(single.charts[0].environments).toBeUndefined();
  });

  it('renders identical environment inputs once', async () => {
    const one = await reviewWith('values: ["values/{chart}.yaml"]\nkubernetes: "1.31"\n');
    const two = await reviewWith(
      'values: ["values/{chart}.yaml"]\nkubernetes: "1.31"\nenvironments:\n  eu: {}\n  us: {}\n',
    );
    expect(one.stats?.renders).toBe(2); // base and head
    expect(two.stats?.renders).toBe(one.stats?.renders);
    // the proof of the ignored podAnnotations key is shared too
    expect(one.stats?.proofRenders).toBeGreaterThan(0);
    expect(two.stats?.proofRenders).toBe(one.stats?.proofRenders);
    // the same findings, each naming both environments (or none, for the chart's own)
    const strip = (r: Report) => r.charts[0].findings.map(({ environments: _, ...f }) => f);
    expect(strip(two)).toEqual(strip(one));
    for (const finding of two.charts[0].findings) {
      expect(finding.environments ?? ['eu', 'us']).toEqual(['eu', 'us']);
    }
  });

  it('reports an environment whose patterns match no file as config-invalid, with its line', async () => {
    const typo = await reviewWith(
      'environments:\n  aws:\n    values: ["envs/aws/{chart}.yaml"]\n  azure:\n    values: ["envs/azure/{chart}.yaml"]\n    kubernetes: "1.30"\n    region: westeurope\n',
    );
    expect(typo.findings.map((f) => [f.rule, f.file, f.line, f.message])).toEqual([
      [
        'config-invalid',
        '.github/chart-guard.yaml',
        7,
        'unknown key in environments.azure "region" (known: values, set, kubernetes, apiVersions, templates, ring, charts)',
      ],
      [
        'config-invalid',
        '.github/chart-guard.yaml',
        5,
        'environment "azure": its values patterns (envs/azure/{chart}.yaml) match no file for any chart',
      ],
      // azure has a target and aws none: the API checks did not run in aws (issue 20)
      [
        'kube-version-unset',
        undefined,
        undefined,
        'No Kubernetes version is set for aws: the API checks (api-removed, api-deprecated) and the kubeVersion check (kube-version-unsupported) did not run there.',
      ],
    ]);
    expect(typo.findings.every((f) => f.environments === undefined)).toBe(true);
  });

  it('lints per environment too', async () => {
    const linted = await lint({ repoDir: repo.dir, head: new GitSnapshot(repo.dir, 'head', head), helm });
    expect(byRule(linted, 'kube-version-unsupported').map((f) => f.environments)).toEqual([['gcp']]);
    expect(linted.charts[0].environments?.map((e) => e.name)).toEqual(['aws', 'gcp']);
  });
});
