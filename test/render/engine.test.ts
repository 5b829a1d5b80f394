import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  findHelm,
  HELM_NOT_FOUND,
  type HelmBinary,
  isKubeVersionFailure,
  locateHelm,
  trimHelmError,
} from '../../src/core/render/helm.js';
import { materialiseChart } from '../../src/core/render/materialise.js';
import { type RenderJob, refusedSymlinksBySide, renderAll } from '../../src/core/render/renderer.js';
import type { Manifest } from '../../src/core/render/types.js';
import { GitSnapshot } from '../../src/core/repo/git-snapshot.js';
import type { Snapshot } from '../../src/core/repo/snapshot.js';
import { WorktreeSnapshot } from '../../src/core/repo/worktree-snapshot.js';
import { createLimiter } from '../../src/core/runtime/concurrency.js';
import { corpusChart, HELM_BINARIES, TestRepo } from '../support/git-repo.js';

// One repository for the whole file: three corpus charts, a chart with a required value, and a chart with symlinks.
const repo = new TestRepo('cg-engine-');
const outsideDir = mkdtempSync(join(tmpdir(), 'cg-engine-outside-'));
const SECRET = 'TOP-SECRET-MARKER-7f3a';
let git: GitSnapshot;
let worktree: WorktreeSnapshot;

beforeAll(() => {
  repo
    .copy(corpusChart('alertmanager-1.25.0-to-1.26.0', 'new'), 'charts/alertmanager')
    .copy(corpusChart('sealed-secrets-1.5.12-to-1.5.13', 'new'), 'charts/sealed-secrets')
    .copy(corpusChart('prometheus-kafka-exporter-2.18.0-to-3.0.0', 'new'), 'charts/kafka-exporter')
    .write('charts/strict/Chart.yaml', 'apiVersion: v2\nname: strict\nversion: 1.0.0\n')
    .write(
      'charts/strict/templates/cm.yaml',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ required "configName is required" .Values.configName }}\n',
    )
    .write('charts/linked/Chart.yaml', 'apiVersion: v2\nname: linked\nversion: 1.0.0\n')
    .write('charts/linked/files/inside.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: inside\n')
    .write('secret.yaml', `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: leaked\ndata:\n  x: ${SECRET}\n`);
  writeFileSync(
    join(outsideDir, 'abs.yaml'),
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: leaked-abs\ndata:\n  x: ${SECRET}\n`,
  );
  const link = (target: string, path: string) => {
    mkdirSync(dirname(join(repo.dir, path)), { recursive: true });
    symlinkSync(target, join(repo.dir, path));
  };
  link('../files/inside.yaml', 'charts/linked/templates/inside.yaml'); // stays in the chart: followed
  link('../../../secret.yaml', 'charts/linked/templates/outside.yaml'); // leaves the chart
  link(join(outsideDir, 'abs.yaml'), 'charts/linked/templates/absolute.yaml'); // absolute
  link('outside.yaml', 'charts/linked/templates/chained.yaml'); // in-chart link to a refused link
  const sha = repo.commit('charts');
  git = new GitSnapshot(repo.dir, 'main', sha);
  worktree = new WorktreeSnapshot(repo.dir);
});

afterAll(() => {
  git?.close();
  repo.cleanup();
  rmSync(outsideDir, { recursive: true, force: true });
});

const job = (over: Partial<RenderJob> & Pick<RenderJob, 'chartDir' | 'chartName'>): RenderJob => ({
  key: over.key ?? over.chartDir,
  snapshot: git,
  releaseName: 'rel',
  namespace: 'demo',
  values: [],
  ...over,
});

const find = (manifests: Manifest[], kind: string, name: string) =>
  manifests.find((m) => m.ref.kind === kind && m.ref.name === name);

/** A helm wrapper that logs "start <ns>" / "end <ns>" per template run, optionally sleeping first. */
function loggingHelm(real: HelmBinary, sleepSeconds = 0): { helm: HelmBinary; log: () => string[][] } {
  const dir = mkdtempSync(join(tmpdir(), 'cg-helm-wrapper-'));
  const logFile = join(dir, 'runs.log');
  const script = join(dir, 'helm');
  writeFileSync(
    script,
    [
      '#!/bin/sh',
      `if [ "$1" = template ]; then echo "start $(date +%s%N)" >> '${logFile}'; sleep ${sleepSeconds}; fi`,
      `'${real.path}' "$@"`,
      'rc=$?',
      `if [ "$1" = template ]; then echo "end $(date +%s%N)" >> '${logFile}'; fi`,
      'exit $rc',
    ].join('\n'),
  );
  chmodSync(script, 0o755);
  return {
    helm: { ...real, path: script },
    log: () => {
      try {
        return readFileSync(logFile, 'utf8')
          .trim()
          .split('\n')
          .filter(Boolean)
          .map((l) => l.split(' '));
      } catch {
        return [];
      }
    },
  };
}

describe.each(Object.entries(HELM_BINARIES))('render engine with helm %s', (label, path) => {
  let helm: HelmBinary;
  beforeAll(async () => {
    helm = (await findHelm(path))!;
  });

  it('finds the binary and reads its version', () => {
    expect(helm.major).toBe(label === 'v3' ? 3 : 4);
    expect(helm.version).toMatch(/^v\d+\.\d+\.\d+/);
  });

  it('renders a corpus chart from a git commit', async () => {
    const outcome = (
      await renderAll([job({ chartDir: 'charts/alertmanager', chartName: 'alertmanager' })], { helm })
    ).get('charts/alertmanager')!;
    expect(outcome.result.status).toBe('ok');
    expect(outcome.result.manifests.map((m) => `${m.ref.kind}/${m.ref.name}`).sort()).toEqual([
      'ConfigMap/rel-alertmanager',
      'Service/rel-alertmanager',
      'Service/rel-alertmanager-headless',
      'ServiceAccount/rel-alertmanager',
      'StatefulSet/rel-alertmanager',
    ]);
    expect(outcome.result.command).toBe('helm template --namespace demo --include-crds -- rel charts/alertmanager');
    expect(outcome.result.durationMs).toBeGreaterThan(0);
  });

  it('renders the working tree the same as the commit it matches', async () => {
    const outcomes = await renderAll(
      [
        job({ key: 'git', chartDir: 'charts/alertmanager', chartName: 'alertmanager' }),
        job({ key: 'worktree', snapshot: worktree, chartDir: 'charts/alertmanager', chartName: 'alertmanager' }),
      ],
      { helm },
    );
    expect(outcomes.get('worktree')!.result.status).toBe('ok');
    expect(outcomes.get('worktree')!.result.manifests.map((m) => m.object)).toEqual(
      outcomes.get('git')!.result.manifests.map((m) => m.object),
    );
  });

  it('passes override values in order, the later file winning', async () => {
    const outcomes = await renderAll(
      [
        job({
          key: 'one',
          chartDir: 'charts/alertmanager',
          chartName: 'alertmanager',
          values: [{ persistence: { labels: { team: 'x' } } }],
          valuesSources: ['values/alertmanager.yaml'],
        }),
        job({
          key: 'two',
          chartDir: 'charts/alertmanager',
          chartName: 'alertmanager',
          values: [{ persistence: { labels: { team: 'x' } } }, { persistence: { labels: { team: 'y' } } }],
        }),
      ],
      { helm },
    );
    const vctLabels = (key: string) => {
      const sts = find(outcomes.get(key)!.result.manifests, 'StatefulSet', 'rel-alertmanager')!;
      const spec = sts.object.spec as { volumeClaimTemplates: { metadata: { labels?: Record<string, string> } }[] };
      return spec.volumeClaimTemplates[0].metadata.labels;
    };
    expect(vctLabels('one')).toEqual({ team: 'x' });
    expect(vctLabels('two')).toEqual({ team: 'y' });
    expect(outcomes.get('one')!.result.command).toBe(
      'helm template --namespace demo --include-crds -f values/alertmanager.yaml -- rel charts/alertmanager',
    );
  });

  it('includes the crds/ folder, marked as such', async () => {
    const outcome = (
      await renderAll([job({ chartDir: 'charts/sealed-secrets', chartName: 'sealed-secrets' })], { helm })
    ).get('charts/sealed-secrets')!;
    const crd = outcome.result.manifests.find((m) => m.ref.kind === 'CustomResourceDefinition');
    expect(crd?.ref.name).toBe('sealedsecrets.bitnami.com');
    expect(crd?.fromCrdsDir).toBe(true);
    expect(find(outcome.result.manifests, 'Deployment', 'rel-sealed-secrets')?.fromCrdsDir).toBe(false);
  });

  it("records when a chart's kubeVersion excludes --kube-version, and renders it without, so the other checks still run", async () => {
    const outcomes = await renderAll(
      [
        job({
          key: '1.24',
          chartDir: 'charts/kafka-exporter',
          chartName: 'prometheus-kafka-exporter',
          kubeVersion: '1.24',
        }),
        job({
          key: '1.25',
          chartDir: 'charts/kafka-exporter',
          chartName: 'prometheus-kafka-exporter',
          kubeVersion: '1.25',
        }),
      ],
      { helm },
    );
    const refused = outcomes.get('1.24')!;
    expect(refused.kubeVersionRefused).toBe(
      'chart requires kubeVersion: >=1.25.0-0 which is incompatible with Kubernetes v1.24.0',
    );
    expect(refused.result.status).toBe('ok');
    expect(refused.result.manifests.map((m) => m.ref.kind)).toContain('Deployment');
    expect(refused.result.command).not.toContain('--kube-version');
    expect(outcomes.get('1.25')!.result.status).toBe('ok');
    expect(outcomes.get('1.25')!.kubeVersionRefused).toBeUndefined();
    expect(outcomes.get('1.25')!.result.command).toContain('--kube-version 1.25.0');
  });

  it("fails a broken render with helm's own message, trimmed", async () => {
    const outcomes = await renderAll(
      [
        job({ key: 'missing', chartDir: 'charts/strict', chartName: 'strict' }),
        job({ key: 'given', chartDir: 'charts/strict', chartName: 'strict', values: [{ configName: 'cfg' }] }),
      ],
      { helm },
    );
    const failed = outcomes.get('missing')!;
    expect(failed.result.status).toBe('failed');
    expect(failed.failureKind).toBe('helm');
    expect(failed.result.reason).toContain('configName is required');
    expect(failed.result.reason).toContain('strict/templates/cm.yaml');
    expect(failed.result.reason).not.toMatch(/^Error:|--debug|\n/);
    expect(outcomes.get('given')!.result.manifests.map((m) => m.ref.name)).toEqual(['cfg']);
  });

  it('runs helm once for identical jobs', async () => {
    const counting = loggingHelm(helm);
    const same = { chartDir: 'charts/alertmanager', chartName: 'alertmanager', values: [{ replicaCount: 2 }] };
    const outcomes = await renderAll(
      [
        job({ key: 'a', ...same }),
        job({ key: 'b', ...same, values: [{ replicaCount: 2 }], valuesSources: ['other.yaml'] }),
        job({ key: 'c', ...same, values: [{ replicaCount: 3 }] }),
      ],
      { helm: counting.helm },
    );
    expect(counting.log().filter(([what]) => what === 'start')).toHaveLength(2);
    expect(outcomes.get('a')).toBe(outcomes.get('b'));
    expect(outcomes.get('a')!.sharedBy).toBe(2);
    expect(outcomes.get('c')!.sharedBy).toBe(1);
  });

  it('refuses symlinks that leave the chart folder and never reads their targets', async () => {
    for (const snapshot of [git, worktree] as Snapshot[]) {
      const outcome = (
        await renderAll([job({ snapshot, chartDir: 'charts/linked', chartName: 'linked' })], { helm })
      ).get('charts/linked')!;
      expect(outcome.result.status).toBe('ok');
      expect(outcome.result.manifests.map((m) => m.ref.name)).toEqual(['inside']);
      expect(JSON.stringify(outcome.result.manifests)).not.toContain(SECRET);
      expect(outcome.refusedSymlinks).toEqual([
        { path: 'charts/linked/templates/absolute.yaml', target: join(outsideDir, 'abs.yaml'), reason: 'absolute' },
        { path: 'charts/linked/templates/chained.yaml', target: 'outside.yaml', reason: 'outside-chart' },
        { path: 'charts/linked/templates/outside.yaml', target: '../../../secret.yaml', reason: 'outside-chart' },
      ]);
      expect(refusedSymlinksBySide({ head: outcome }).map((l) => l.side)).toEqual(['head', 'head', 'head']);
    }
  });

  it('never runs more helm processes at once than the concurrency allows', async () => {
    const timed = loggingHelm(helm, 0.3);
    const jobs = [1, 2, 3, 4].map((n) =>
      job({ key: String(n), chartDir: 'charts/strict', chartName: 'strict', values: [{ configName: `c${n}` }] }),
    );
    const outcomes = await renderAll(jobs, { helm: timed.helm, concurrency: 2 });
    expect([...outcomes.values()].every((o) => o.result.status === 'ok')).toBe(true);
    const { events, peak } = peakConcurrency(timed.log());
    expect(events).toHaveLength(8);
    expect(peak).toBe(2);
  });

  it('shares one pool of helm slots across renderAll calls (a review renders chart by chart)', async () => {
    const timed = loggingHelm(helm, 0.3);
    const slots = createLimiter(2);
    const chartJobs = (chart: string) =>
      [1, 2].map((n) =>
        job({
          key: `${chart}${n}`,
          chartDir: 'charts/strict',
          chartName: 'strict',
          values: [{ configName: `${chart}${n}` }],
        }),
      );
    const calls = await Promise.all(
      ['a', 'b', 'c'].map((chart) => renderAll(chartJobs(chart), { helm: timed.helm, helmSlots: slots })),
    );
    expect(calls.flatMap((m) => [...m.values()]).every((o) => o.result.status === 'ok')).toBe(true);
    const { events, peak } = peakConcurrency(timed.log());
    expect(events).toHaveLength(12);
    expect(peak).toBe(2);
  });

  it('reports a render that outlives the timeout', async () => {
    const slow = loggingHelm(helm, 5);
    const started = Date.now();
    const outcome = (
      await renderAll([job({ chartDir: 'charts/strict', chartName: 'strict' })], {
        helm: slow.helm,
        timeoutSeconds: 0.3,
      })
    ).get('charts/strict')!;
    expect(outcome.result.status).toBe('failed');
    expect(outcome.failureKind).toBe('timeout');
    expect(outcome.result.reason).toContain('did not finish within');
    expect(Date.now() - started).toBeLessThan(4000);
  });
});

describe('render engine without helm', () => {
  it('skips every job with the reason', async () => {
    const outcomes = await renderAll([job({ chartDir: 'charts/alertmanager', chartName: 'alertmanager' })], {});
    const outcome = outcomes.get('charts/alertmanager')!;
    expect(outcome.result.status).toBe('skipped');
    expect(outcome.result.reason).toBe(HELM_NOT_FOUND);
    expect(outcome.result.manifests).toEqual([]);
  });

  it('says why when no usable helm is found', async () => {
    const savedPath = process.env.PATH;
    try {
      process.env.PATH = outsideDir;
      expect(await findHelm()).toBeUndefined();
      expect((await locateHelm()).problem).toBe(HELM_NOT_FOUND);
      process.env.PATH = `${outsideDir}:${dirname(HELM_BINARIES.v4)}`;
      expect((await findHelm())?.path).toBe(HELM_BINARIES.v4);
    } finally {
      process.env.PATH = savedPath;
    }
    expect((await locateHelm(join(outsideDir, 'nope'))).problem).toContain('not an executable file');
    expect((await locateHelm(join(outsideDir, 'abs.yaml'))).problem).toContain('not an executable file');
  });

  it('removes its temp folders', async () => {
    const tmpRoot = mkdtempSync(join(tmpdir(), 'cg-engine-tmp-'));
    const helm = (await findHelm(HELM_BINARIES.v4))!;
    await renderAll([job({ chartDir: 'charts/strict', chartName: 'strict', values: [{ configName: 'x' }] })], {
      helm,
      tmpRoot,
    });
    expect(readdirSync(tmpRoot)).toEqual([]);
    rmSync(tmpRoot, { recursive: true, force: true });
  });
});

describe('chart materialisation', () => {
  it('writes the chart files byte for byte and keeps links that stay inside', async () => {
    const target = mkdtempSync(join(tmpdir(), 'cg-materialise-'));
    try {
      const result = await materialiseChart(git, 'charts/linked', join(target, 'linked'));
      expect(readFileSync(join(target, 'linked/templates/inside.yaml'), 'utf8')).toContain('name: inside');
      expect(readdirSync(join(target, 'linked/templates')).sort()).toEqual(['inside.yaml']);
      expect(result.refusedSymlinks.map((l) => l.path)).toHaveLength(3);
      const kafka = await materialiseChart(git, 'charts/kafka-exporter', join(target, 'kafka'));
      expect(kafka.files).toBeGreaterThan(50);
      expect(readFileSync(join(target, 'kafka/charts/kafka/charts/zookeeper/Chart.yaml'))).toEqual(
        readFileSync(join(repo.dir, 'charts/kafka-exporter/charts/kafka/charts/zookeeper/Chart.yaml')),
      );
    } finally {
      rmSync(target, { recursive: true, force: true });
    }
  });
});

describe('helm error messages', () => {
  it('keeps the error, drops the debug hint and joins helm 4 continuation lines', () => {
    const v4 =
      'level=INFO msg="warning: skipped value"\nError: brk/templates/a.yaml:2:10\n  executing "brk/templates/a.yaml" at <.Values.x.y>:\n    nil pointer evaluating interface {}.y\n\nUse --debug flag to render out invalid YAML\n';
    expect(trimHelmError(v4)).toBe(
      'brk/templates/a.yaml:2:10 executing "brk/templates/a.yaml" at <.Values.x.y>: nil pointer evaluating interface {}.y',
    );
  });

  it('tells a kubeVersion refusal from other failures', () => {
    expect(
      isKubeVersionFailure('chart requires kubeVersion: >=1.25.0-0 which is incompatible with Kubernetes v1.24.0'),
    ).toBe(true);
    expect(isKubeVersionFailure('execution error at (strict/templates/cm.yaml:4:9): config.name is required')).toBe(
      false,
    );
  });
});

/** How many helm processes ran at once at most, from a logging helm's start/end events (ns timestamps). */
function peakConcurrency(log: string[][]): { events: string[][]; peak: number } {
  const events = [...log].sort((a, b) => Number(BigInt(a[1]) - BigInt(b[1])) || (a[0] === 'end' ? -1 : 1));
  let running = 0;
  let peak = 0;
  for (const [what] of events) {
    running += what === 'start' ? 1 : -1;
    peak = Math.max(peak, running);
  }
  return { events, peak };
}
