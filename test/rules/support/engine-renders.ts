// Real renders of small real charts (a strict chart needing a value, with a link out of it; kafka-exporter 2 -> 3)
// for render-failed, render-skipped and symlink-refused; a test file calls useEngineRenders() once.
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { defaultConfig } from '../../../src/core/config/config.js';
import { chartContext as rulesView } from '../../../src/core/model/chart-context.js';
import type { ChartChange, Config } from '../../../src/core/model/model.js';
import { findHelm } from '../../../src/core/render/helm.js';
import {
  type RenderJob,
  type RenderOutcome,
  refusedSymlinksBySide,
  renderAll,
} from '../../../src/core/render/renderer.js';
import type { RenderPair } from '../../../src/core/render/types.js';
import { GitSnapshot } from '../../../src/core/repo/git-snapshot.js';
import type { ChartContext, ChartRule } from '../../../src/core/rules/rule.js';
import { runChartRules } from '../../../src/core/rules/run.js';
import { corpusChart, HELM_BINARIES, TestRepo } from '../../support/git-repo.js';
import { loadedChart } from './contexts.js';

// Real renders of small real charts feed the rules, through the same runner the review uses.
const repo = new TestRepo('cg-engine-rules-');
export const outside = mkdtempSync(join(tmpdir(), 'cg-engine-rules-outside-'));
export const outcomes = new Map<string, RenderOutcome>();

const strictTemplate =
  'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: rel-strict\ndata:\n  name: {{ required "configName is required" .Values.configName }}\n';

export function useEngineRenders(): void {
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
}

const config: Config = defaultConfig();

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
    base: loadedChart(dir, { name, version: versions[0] }),
    head: loadedChart(dir, { name, version: versions[1] }),
    overrides: [],
    baseOverrides: [],
    codeSet: [],
    chartConfig: { values: [], set: [], rules: {} },
    config,
    renders: pair,
    refusedSymlinks: refusedSymlinksBySide({ base: pick(renders.base), head: pick(renders.head) }),
  });
}

export const strict = (renders: { base?: string; head?: string }) =>
  context('strict', 'charts/strict', ['1.0.0', '1.0.0'], renders);
export const kafka = (renders: { base?: string; head?: string }) =>
  context('kafka-exporter', 'charts/kafka-exporter', ['2.18.0', '3.0.0'], renders);
export const run = (rule: ChartRule, ctx: ChartContext) => runChartRules([rule], ctx).findings;
