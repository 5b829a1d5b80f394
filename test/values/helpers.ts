// Test support for the values analysis: corpus chart pairs committed to a real git repo and loaded through
// GitSnapshot, and override files built from YAML text with real line numbers.
import { isSeq, isMap as isYamlMap, LineCounter, type Node, parseDocument } from 'yaml';
import { chartContext } from '../../src/core/model/chart-context.js';
import type {
  ChartChange,
  ChartConfig,
  Config,
  LoadedChart,
  OverrideFile,
  OverrideKey,
} from '../../src/core/model/model.js';
import { DEFAULT_FREE_FORM_KEYS } from '../../src/core/model/model.js';
import { loadChart } from '../../src/core/repo/chart-loader.js';
import { GitSnapshot } from '../../src/core/repo/git-snapshot.js';
import type { ChartContext } from '../../src/core/rules/rule.js';
import type { KeyPath } from '../../src/core/values/key-path.js';
import { CORPUS_DIR, corpusChart, TestRepo } from '../support/git-repo.js';

export { CORPUS_DIR };

export interface ChartPair {
  name: string;
  base: LoadedChart;
  head: LoadedChart;
}

/**
 * Commits a corpus pair's old chart, then its new chart, at charts/<name> of one repo (like a real bump) and loads
 * both sides. One repo serves every pair a test file asks for; call cleanup() in afterAll.
 */
export class CorpusCharts {
  private repo?: TestRepo;
  private readonly pairs = new Map<string, Promise<ChartPair>>();
  private queue: Promise<unknown> = Promise.resolve();

  load(pair: string): Promise<ChartPair> {
    let loaded = this.pairs.get(pair);
    if (!loaded) {
      // Commits are serialised: they share one working tree.
      loaded = this.queue.then(() => this.commitPair(pair));
      this.queue = loaded.catch(() => undefined);
      this.pairs.set(pair, loaded);
    }
    return loaded;
  }

  private async commitPair(pair: string): Promise<ChartPair> {
    this.repo ??= new TestRepo('cg-values-');
    const repo = this.repo;
    const name = pair.replace(/-\d+\.\d+\.\d+-to-\d+\.\d+\.\d+$/, '');
    const dir = `charts/${pair}`;
    repo.copy(corpusChart(pair, 'old'), dir);
    const baseSha = repo.commit(`${name} old`);
    repo.copy(corpusChart(pair, 'new'), dir);
    const headSha = repo.commit(`${name} new`);
    const snapshots = [new GitSnapshot(repo.dir, baseSha, baseSha), new GitSnapshot(repo.dir, headSha, headSha)];
    const [base, head] = await Promise.all(snapshots.map((s) => loadChart(s, dir)));
    for (const s of snapshots) s.close();
    if (!base || !head) throw new Error(`corpus pair ${pair} did not load`);
    return { name, base, head };
  }

  cleanup(): void {
    this.repo?.cleanup();
  }
}

/**
 * An override file from YAML text, with each leaf key's 1-based line. Leaves follow Helm's merge: a list is one
 * key, an empty map is one key, null is one key.
 */
export function overrideFile(path: string, text: string, source: OverrideKey['source'] = 'file'): OverrideFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const file: OverrideFile = { path, values: {}, keys: [], skipped: [] };
  if (doc.errors.length > 0) {
    file.error = { file: path, line: doc.errors[0].linePos?.[0].line, message: `${path} is not valid YAML` };
    return file;
  }
  file.values = (doc.toJS() ?? {}) as Record<string, unknown>;
  const visit = (node: Node | null, path: KeyPath, line: number) => {
    if (isYamlMap(node) && node.items.length > 0) {
      for (const pair of node.items) {
        const keyNode = pair.key as Node;
        const keyLine = keyNode.range ? lineCounter.linePos(keyNode.range[0]).line : line;
        visit(pair.value as Node | null, [...path, String((keyNode as { value?: unknown }).value)], keyLine);
      }
      return;
    }
    const value =
      node === null ? null : isSeq(node) || isYamlMap(node) ? node.toJSON() : (node as { toJSON(): unknown }).toJSON();
    file.keys.push({ path, value, file: file.path, line, source });
  };
  visit(doc.contents as Node | null, [], 1);
  return file;
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    path: '.github/chart-guard.yaml',
    lockfile: 'helm-freeze.yaml',
    values: [],
    freeFormKeys: [...DEFAULT_FREE_FORM_KEYS],
    rules: {},
    apiVersions: [],
    charts: {},
    set: [],
    environments: [],
    render: { enabled: false, timeoutSeconds: 60, proofRenders: 8 },
    acceptances: '.github/chart-guard-accepted.yaml',
    acceptanceMaxDays: 180,
    policyLines: {},
    redact: { keys: [], replace: false },
    problems: [],
    ...overrides,
  };
}

const emptyChartConfig: ChartConfig = { values: [], set: [], rules: {} };

/** A ChartContext for a bump of a loaded pair with the given head-side override files and code-set keys. */
export function bumpContext(
  pair: ChartPair | { name: string; base?: LoadedChart; head?: LoadedChart },
  overrides: OverrideFile[],
  codeSet: OverrideKey[] = [],
  config: Config = testConfig(),
): ChartContext {
  const change: ChartChange = {
    name: pair.name,
    dir: pair.head?.dir ?? pair.base?.dir ?? '',
    change: pair.base && pair.head ? 'bumped' : pair.head ? 'added' : 'removed',
    semverChange: pair.base && pair.head ? 'major' : null,
  };
  return chartContext({
    change,
    base: pair.base,
    head: pair.head,
    overrides,
    baseOverrides: [],
    codeSet,
    chartConfig: emptyChartConfig,
    config,
  });
}
