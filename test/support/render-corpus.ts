// Renders chart folders (corpus pairs or tiny charts written by a test) with the real helm v4 binary and parses
// the output with parseManifests, giving the RenderPair and ChartContext the render-based rules read.
// Renders are cached per test file (each test file gets its own module instance).

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { defaultConfig } from '../../src/core/config/config.js';
import { chartContext as rulesView } from '../../src/core/model/chart-context.js';
import type { ChartChange, Config, KubeTarget, LoadedChart } from '../../src/core/model/model.js';
import { parseManifests } from '../../src/core/render/manifests.js';
import type { RenderPair, RenderResult } from '../../src/core/render/types.js';
import type { ChartContext } from '../../src/core/rules/rule.js';
import { corpusChart, HELM_BINARIES } from './git-repo.js';

export const RELEASE = 'rel';
export const NAMESPACE = 'demo';

export interface RenderOptions {
  /** --set flags, e.g. ["runAsStatefulSet=true"]. */
  set?: string[];
  /** --kube-version, e.g. "1.24.0". */
  kubeVersion?: string;
  /** --api-versions, e.g. ["policy/v1beta1/PodSecurityPolicy"]. */
  apiVersions?: string[];
}

const cache = new Map<string, RenderResult>();

/** `helm template rel <dir> --namespace demo --include-crds [--set ...]`, parsed. */
export function renderChartDir(dir: string, options: RenderOptions = {}): RenderResult {
  const args = ['template', RELEASE, dir, '--namespace', NAMESPACE, '--include-crds'];
  for (const set of options.set ?? []) args.push('--set', set);
  if (options.kubeVersion) args.push('--kube-version', options.kubeVersion);
  for (const api of options.apiVersions ?? []) args.push('--api-versions', api);
  const key = args.join('\0');
  const cached = cache.get(key);
  if (cached) return cached;
  const chartName = (parse(readFileSync(join(dir, 'Chart.yaml'), 'utf8')) as { name: string }).name;
  const started = Date.now();
  const output = execFileSync(HELM_BINARIES.v4, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const { manifests, problems } = parseManifests(output, chartName);
  if (problems.length) throw new Error(`unparsable render of ${dir}: ${problems.join('; ')}`);
  const result: RenderResult = {
    status: 'ok',
    manifests,
    releaseName: RELEASE,
    namespace: NAMESPACE,
    command: `helm ${args.join(' ')}`,
    durationMs: Date.now() - started,
  };
  cache.set(key, result);
  return result;
}

export interface PairOptions extends RenderOptions {
  /** --set flags for the old side only / new side only (added to `set`). */
  baseSet?: string[];
  headSet?: string[];
}

/** Renders both sides of a corpus pair, e.g. renderCorpusPair('mariadb-7.10.4-to-8.0.0'). */
export function renderCorpusPair(pair: string, options: PairOptions = {}): RenderPair {
  return {
    base: renderChartDir(corpusChart(pair, 'old'), { set: [...(options.set ?? []), ...(options.baseSet ?? [])] }),
    head: renderChartDir(corpusChart(pair, 'new'), { set: [...(options.set ?? []), ...(options.headSet ?? [])] }),
  };
}

export interface ContextOptions {
  kube?: KubeTarget;
  /** Repo-relative chart folder (default charts/<name>). */
  dir?: string;
  /** The new chart's defaults, for rules that look up values keys. */
  headDefaults?: Record<string, unknown>;
  overrideFiles?: string[];
}

function loadedChart(dir: string, defaults: Record<string, unknown>): LoadedChart {
  return {
    dir,
    metadata: { annotations: {}, dependencies: [] },
    chartYamlPath: `${dir}/Chart.yaml`,
    ownDefaults: defaults,
    defaults,
    templateReads: [],
    crds: [],
    problems: [],
  };
}

/** The ChartContext of a bumped chart with the given renders, as the rule runner builds it. */
export function chartContext(name: string, renders: RenderPair, options: ContextOptions = {}): ChartContext {
  const dir = options.dir ?? `charts/${name}`;
  const change: ChartChange = { name, dir, change: 'bumped', semverChange: 'major' };
  const config: Config = { ...defaultConfig(), ...(options.kube ? { kubernetes: options.kube } : {}) };
  return rulesView({
    change,
    base: loadedChart(dir, {}),
    head: loadedChart(dir, options.headDefaults ?? {}),
    overrides: (options.overrideFiles ?? []).map((path) => ({ path, values: {}, keys: [], skipped: [] })),
    baseOverrides: [],
    codeSet: [],
    chartConfig: { values: [], set: [], rules: {} },
    config,
    ...(options.kube ? { kube: options.kube } : {}),
    renders,
  });
}

/** The corpus pair's ChartContext, with the new chart's values.yaml as its defaults. */
export function corpusContext(pair: string, options: PairOptions & ContextOptions = {}): ChartContext {
  const name = pair.replace(/-\d+\.\d+\.\d+-to-\d+\.\d+\.\d+$/, '');
  const headDefaults = parse(readFileSync(join(corpusChart(pair, 'new'), 'values.yaml'), 'utf8')) ?? {};
  return chartContext(name, renderCorpusPair(pair, options), { headDefaults, ...options });
}

/** Writes a tiny chart (Chart.yaml + the given files) to a temp folder; returns its path. */
export function writeChart(name: string, files: Record<string, string>, version = '1.0.0'): string {
  const root = mkdtempSync(join(tmpdir(), 'cg-render-'));
  const dir = join(root, name);
  const all = { 'Chart.yaml': `apiVersion: v2\nname: ${name}\nversion: ${version}\n`, ...files };
  for (const [path, content] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

export function removeChart(dir: string): void {
  rmSync(dirname(dir), { recursive: true, force: true });
}

/** Renders two tiny charts written from file maps and returns their ChartContext. */
export function tinyPairContext(
  name: string,
  base: Record<string, string>,
  head: Record<string, string>,
  options: ContextOptions = {},
): ChartContext {
  const baseDir = writeChart(name, base, '1.0.0');
  const headDir = writeChart(name, head, '2.0.0');
  try {
    return chartContext(name, { base: renderChartDir(baseDir), head: renderChartDir(headDir) }, options);
  } finally {
    removeChart(baseDir);
    removeChart(headDir);
  }
}
