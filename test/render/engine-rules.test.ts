import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartContext as rulesView } from '../../src/core/chart-context.js';
import { defaultConfig } from '../../src/core/config.js';
import type { ChartChange, Config, LoadedChart } from '../../src/core/model.js';
import { findHelm } from '../../src/core/render/helm.js';
import {
  type RenderJob,
  type RenderOutcome,
  refusedSymlinksBySide,
  renderAll,
} from '../../src/core/render/renderer.js';
import type { RenderPair } from '../../src/core/render/types.js';
import { GitSnapshot } from '../../src/core/repo/git-snapshot.js';
import { renderFailed } from '../../src/core/rules/render-failed.js';
import { renderSkipped, renderSkippedOf } from '../../src/core/rules/render-skipped.js';
import type { ChartContext, ChartRule } from '../../src/core/rules/rule.js';
import { runChartRules, runRepoRules } from '../../src/core/rules/run.js';
import { symlinkRefused } from '../../src/core/rules/symlink-refused.js';
import { splitRemedy } from '../../src/format/describe.js';
import { corpusChart, HELM_BINARIES, TestRepo } from '../support/git-repo.js';

// Real renders of small real charts feed the rules, through the same runner the review uses.
const repo = new TestRepo('cg-engine-rules-');
const outside = mkdtempSync(join(tmpdir(), 'cg-engine-rules-outside-'));
const outcomes = new Map<string, RenderOutcome>();

const strictTemplate =
  'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: rel-strict\ndata:\n  name: {{ required "configName is required" .Values.configName }}\n';

beforeAll(async () => {
  writeFileSync(join(outside, 'secret.txt'), 'secret');
  repo
    .copy(corpusChart('prometheus-kafka-exporter-2.18.0-to-3.0.0', 'old'), 'charts/kafka-exporter')
    .write('charts/strict/Chart.yaml', 'apiVersion: v2\nname: strict\nversion: 1.0.0\n')
    .write('charts/strict/templates/cm.yaml', strictTemplate);
  symlinkSync(join(outside, 'secret.txt'), join(repo.dir, 'charts/strict/secret.txt'));
  const base = new GitSnapshot(repo.dir, 'base', repo.commit('base'));
  repo.copy(corpusChart('prometheus-kafka-exporter-2.18.0-to-3.0.0', 'new'), 'charts/kafka-exporter');
  const head = new GitSnapshot(repo.dir, 'head', repo.commit('head'));
  const helm = await findHelm(HELM_BINARIES.v4);
  const job = (key: string, snapshot: GitSnapshot, over: Partial<RenderJob> = {}): RenderJob => ({
    key,
    snapshot,
    chartDir: 'charts/strict',
    chartName: 'strict',
    releaseName: 'rel',
    namespace: 'demo',
    values: [{ configName: 'x' }],
    ...over,
  });
  const kafka = { chartDir: 'charts/kafka-exporter', chartName: 'prometheus-kafka-exporter' };
  const rendered = await renderAll(
    [
      job('strict-ok', head),
      job('strict-broken', head, {
        values: [],
        valuesSources: [],
        kubeVersion: '1.28',
        apiVersions: ['monitoring.coreos.com/v1', 'v1'],
      }),
      job('strict-base', base),
      job('kafka-base-1.24', base, { ...kafka, values: [], kubeVersion: '1.24' }),
      job('kafka-head-1.24', head, { ...kafka, values: [], kubeVersion: '1.24' }),
      job('kafka-base-1.18', base, { ...kafka, values: [], kubeVersion: '1.18' }),
      job('kafka-head-1.30', head, { ...kafka, values: [], kubeVersion: '1.30' }),
    ],
    { helm },
  );
  for (const [key, outcome] of rendered) outcomes.set(key, outcome);
  const skipped = await renderAll([job('strict-skipped', head)], { skipReason: 'rendering is disabled' });
  outcomes.set('strict-skipped', skipped.get('strict-skipped')!);
  base.close();
  head.close();
});

afterAll(() => {
  repo.cleanup();
  rmSync(outside, { recursive: true, force: true });
});

const config: Config = defaultConfig();

function loaded(dir: string, name: string, version: string): LoadedChart {
  return {
    dir,
    metadata: { name, version, annotations: {}, dependencies: [] },
    chartYamlPath: `${dir}/Chart.yaml`,
    ownDefaults: {},
    defaults: {},
    templateReads: [],
    crds: [],
    problems: [],
  };
}

function context(
  name: string,
  dir: string,
  versions: [string, string],
  renders: { base?: string; head?: string },
): ChartContext {
  const pick = (key?: string) => (key ? outcomes.get(key) : undefined);
  const pair: RenderPair = { base: pick(renders.base)?.result, head: pick(renders.head)?.result };
  const change: ChartChange = { name, dir, change: 'bumped', semverChange: 'major' };
  return rulesView({
    change,
    base: loaded(dir, name, versions[0]),
    head: loaded(dir, name, versions[1]),
    overrides: [],
    baseOverrides: [],
    codeSet: [],
    chartConfig: { values: [], set: [], rules: {} },
    config,
    renders: pair,
    refusedSymlinks: refusedSymlinksBySide({ base: pick(renders.base), head: pick(renders.head) }),
  });
}

const strict = (renders: { base?: string; head?: string }) =>
  context('strict', 'charts/strict', ['1.0.0', '1.0.0'], renders);
const kafka = (renders: { base?: string; head?: string }) =>
  context('kafka-exporter', 'charts/kafka-exporter', ['2.18.0', '3.0.0'], renders);
const run = (rule: ChartRule, ctx: ChartContext) => runChartRules([rule], ctx).findings;

describe('render-failed', () => {
  it('reports a head that helm cannot render, at the template line helm names', () => {
    const [finding, ...rest] = run(renderFailed, strict({ base: 'strict-base', head: 'strict-broken' }));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule: 'render-failed', severity: 'error', chart: 'strict' });
    expect(finding.message).toContain('the new version (1.0.0) of strict');
    expect(finding.message).toContain('configName is required');
    expect(finding).toMatchObject({ file: 'charts/strict/templates/cm.yaml', line: 6 });
    expect(finding.remedy).toContain('helm template rel charts/strict --namespace demo --include-crds');
    // the command on lines of its own, the long API version list on a continuation line: one shell block
    expect(splitRemedy(finding.remedy!).slice(-1)).toEqual([
      {
        kind: 'commands',
        text: 'helm template rel charts/strict --namespace demo --include-crds --kube-version 1.28.0 \\\n  --api-versions monitoring.coreos.com/v1,v1',
      },
    ]);
  });

  it('is silent when both versions render', () => {
    expect(run(renderFailed, strict({ base: 'strict-base', head: 'strict-ok' }))).toEqual([]);
  });

  it('leaves a head refused for its kubeVersion to kube-version-unsupported: it is rendered without --kube-version', () => {
    const refused = outcomes.get('kafka-head-1.24')!;
    expect(refused.kubeVersionRefused).toContain('incompatible with Kubernetes v1.24.0');
    expect(refused.result.status).toBe('ok');
    expect(run(renderFailed, kafka({ base: 'kafka-base-1.24', head: 'kafka-head-1.24' }))).toEqual([]);
  });

  it('still compares when the old version already refused the target: both sides render', () => {
    expect(outcomes.get('kafka-base-1.18')!.result.status).toBe('ok');
    expect(run(renderFailed, kafka({ base: 'kafka-base-1.18', head: 'kafka-head-1.30' }))).toEqual([]);
  });
});

describe('render-skipped', () => {
  const runOnce = (...contexts: ChartContext[]) =>
    runRepoRules([renderSkipped], {
      config: defaultConfig(),
      head: { path: 'helm-freeze.yaml', charts: [], repos: [], destinations: [], problems: [] },
      renderSkipped: renderSkippedOf(contexts),
    }).findings;

  it('warns once for the run that the render-based checks did not run, naming the charts and why', () => {
    const skipped = strict({ head: 'strict-skipped' });
    const other = { ...skipped, change: { ...skipped.change, name: 'other' } };
    const findings = runOnce(skipped, other);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'render-skipped', severity: 'warning' });
    expect(findings[0].message).toContain('rendering is disabled');
    expect(findings[0].message).toContain('2 charts (strict, other)');
  });

  it('is silent when the renders ran, even when one failed', () => {
    expect(runOnce(strict({ base: 'strict-base', head: 'strict-broken' }))).toEqual([]);
  });
});

describe('symlink-refused', () => {
  it('reports a link out of the chart once, even when both versions hold it', () => {
    const findings = run(symlinkRefused, strict({ base: 'strict-base', head: 'strict-ok' }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: 'symlink-refused',
      severity: 'error',
      file: 'charts/strict/secret.txt',
      after: join(outside, 'secret.txt'),
    });
    expect(findings[0].message).toContain('an absolute path');
  });

  it('is silent for a chart without such links', () => {
    expect(run(symlinkRefused, kafka({ base: 'kafka-base-1.24', head: 'kafka-head-1.30' }))).toEqual([]);
  });
});
