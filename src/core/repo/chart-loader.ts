// Loads a vendored chart folder from a snapshot: metadata, defaults as .Values sees them, schema, README, CRDs,
// and the key paths its templates read. Subcharts come from charts/ as folders or .tgz archives, recursively.
//
// Defaults include every subchart, enabled or not. Helm drops disabled dependencies before the final coalesce
// (pkg/chartutil/dependencies.go, processDependencyEnabled), but the condition is itself a value a user may
// flip in an override (kafka.enabled: true), so keys of a disabled subchart are keys a user can rightly set.

import { satisfies, validRange } from 'semver';
import { jsonDepth, READ_MAX_DEPTH } from '../input/yaml-input.js';
import type { ChartMetadata, CrdSource, InputProblem, LoadedChart } from '../model/model.js';
import { isMap, type KeyPath, ownValue, setOwn } from '../values/key-path.js';
import { depthMessage, HELM_MAX_FILE_BYTES } from '../values/yaml-bounds.js';
import { archiveSource, type ChartSource, compareStrings, snapshotSource, subSource } from './chart-sources.js';
import { chartMetadata, dependencies, jsonErrorLine, type ParsedYaml, parseYaml } from './chart-yaml.js';
import { type Snapshot, unsafeEntriesUnder } from './snapshot.js';
import { addRead, addTplReads, callsTpl, sortedReads, templateReads } from './template-reads.js';
import { ArchiveTooLargeError } from './tgz.js';
import { describeUnsafeEntries } from './tree-path.js';

export interface LoadOptions {
  /**
   * The major version of the helm that renders: helm 4 merges every YAML document of a values.yaml, later over
   * earlier (pkg/chart/loader LoadValues); helm 3 reads the first. Default 4.
   */
  helmMajor?: number;
  /** The run's memo of parsed YAML texts (chart-yaml.ts), shared by every chart it loads; none parses afresh. */
  parsedYaml?: ParsedYaml;
}

/** Loads the chart in `dir` (repo-relative), or undefined when the folder has no Chart.yaml. */
export async function loadChart(
  snapshot: Snapshot,
  dir: string,
  options: LoadOptions = {},
): Promise<LoadedChart | undefined> {
  const root = dir.replace(/\/+$/, '').replace(/^\.\/?/, '');
  const source = await snapshotSource(snapshot, root);
  const chart = await loadFrom(source, true, {
    allDocuments: (options.helmMajor ?? 4) >= 4,
    parsedYaml: options.parsedYaml,
  });
  if (!chart) return undefined;
  const unsafe = await unsafeEntriesUnder(snapshot, root);
  if (unsafe.length > 0) {
    // chart-file-invalid reports it; renders refuse the folder (render/materialise.ts)
    chart.problems.unshift({
      file: source.display('Chart.yaml'),
      message: `The chart folder ${root} was refused: ${describeUnsafeEntries(unsafe)}, and chart-guard writes nothing of it.`,
    });
  }
  return {
    dir: root,
    metadata: chart.metadata,
    chartYamlPath: source.display('Chart.yaml'),
    ownDefaults: chart.ownDefaults,
    defaults: chart.defaults,
    schema: chart.schema,
    schemaPath: chart.schemaPath,
    templateReads: sortedReads(chart.reads),
    readme: chart.readme,
    crds: chart.crds,
    templates: chart.templates,
    problems: chart.problems,
  };
}

interface ChartTree {
  metadata: ChartMetadata;
  ownDefaults: Record<string, unknown>;
  defaults: Record<string, unknown>;
  schema?: unknown;
  schemaPath?: string;
  readme?: string;
  crds: CrdSource[];
  templates: CrdSource[];
  /** Formatted key path -> key path, for dedup. */
  reads: Map<string, KeyPath>;
  problems: InputProblem[];
  isLibrary: boolean;
  /** A template of the chart or of one of its subcharts calls tpl (template-reads.ts addTplReads). */
  callsTpl: boolean;
}

const TEMPLATE_FILE = /^templates\/.+\.(tpl|ya?ml|txt)$/;
const CRD_FILE = /^crds\/.+\.(ya?ml|json)$/;
const README_FILE = /^readme\.md$/i;

interface ReadMode {
  /** Merge every document of values.yaml (helm 4) instead of reading the first (helm 3). */
  allDocuments: boolean;
  parsedYaml?: ParsedYaml;
}

async function loadFrom(source: ChartSource, top: boolean, mode: ReadMode): Promise<ChartTree | undefined> {
  const chartYaml = await source.read('Chart.yaml');
  if (!chartYaml) return undefined;
  const problems: InputProblem[] = [];
  source = withSizeLimit(source, problems);
  const chartText = chartYaml.toString('utf8');
  const rawChart = parseYaml(chartText, source.display('Chart.yaml'), problems, false, mode.parsedYaml);
  const metadata = chartMetadata(isMap(rawChart) ? rawChart : {});
  const type = isMap(rawChart) && typeof rawChart.type === 'string' ? rawChart.type : 'application';

  // apiVersion v1 charts (Helm 2 layout) list dependencies in requirements.yaml.
  if (metadata.dependencies.length === 0 && source.files.includes('requirements.yaml')) {
    const text = (await source.read('requirements.yaml'))?.toString('utf8') ?? '';
    const requirements = parseYaml(text, source.display('requirements.yaml'), problems, false, mode.parsedYaml);
    if (isMap(requirements)) metadata.dependencies = dependencies(requirements.dependencies);
  }

  const valuesText = (await source.read('values.yaml'))?.toString('utf8');
  const parsedValues =
    valuesText === undefined
      ? {}
      : parseYaml(valuesText, source.display('values.yaml'), problems, mode.allDocuments, mode.parsedYaml);
  const ownDefaults = isMap(parsedValues) ? parsedValues : {};
  if (parsedValues !== undefined && parsedValues !== null && !isMap(parsedValues)) {
    problems.push({ file: source.display('values.yaml'), line: 1, message: 'values.yaml is not a map of keys' });
  }

  const tree: ChartTree = {
    metadata,
    ownDefaults,
    defaults: structuredClone(ownDefaults),
    crds: [],
    templates: [],
    reads: new Map(),
    problems,
    isLibrary: type === 'library',
    callsTpl: false,
  };

  const reads: Promise<void>[] = [];
  for (const file of source.files) {
    if (TEMPLATE_FILE.test(file)) {
      reads.push(
        source.read(file).then((b) => {
          if (!b) return;
          const text = b.toString('utf8');
          for (const read of templateReads(text)) addRead(tree.reads, read);
          if (callsTpl(text)) tree.callsTpl = true;
          // kept for the line of the object a finding names (render/template-lines.ts); helpers (.tpl) emit none
          if (!file.endsWith('.tpl'))
            tree.templates.push({ file: source.display(file), content: text, helmPaths: [file] });
        }),
      );
    } else if (CRD_FILE.test(file)) {
      reads.push(
        source.read(file).then((b) => {
          if (b) tree.crds.push({ file: source.display(file), content: b.toString('utf8'), helmPaths: [file] });
        }),
      );
    } else if (top && README_FILE.test(file) && tree.readme === undefined) {
      reads.push(
        source.read(file).then((b) => {
          if (b) tree.readme = b.toString('utf8');
        }),
      );
    } else if (top && file === 'values.schema.json') {
      reads.push(source.read(file).then((b) => b && readSchema(tree, b, source.display(file))));
    }
  }
  const subcharts = loadSubcharts(source, problems, mode);
  await Promise.all(reads);
  tree.crds.sort((a, b) => compareStrings(a.file, b.file));
  const loadedSubcharts = await subcharts;
  if (loadedSubcharts.some((sub) => sub.tree.callsTpl)) tree.callsTpl = true;
  // the chart's own string defaults passed through tpl, read before the subcharts' defaults and reads join
  if (tree.callsTpl) addTplReads(tree.defaults, tree.reads);
  attachSubcharts(tree, loadedSubcharts);
  return tree;
}

function readSchema(tree: ChartTree, content: Buffer, file: string): void {
  tree.schemaPath = file;
  try {
    const schema: unknown = JSON.parse(content.toString('utf8'));
    // Schema walks recurse: a schema nested past what chart-guard reads is a problem, not a stack overflow.
    if (jsonDepth(schema) > READ_MAX_DEPTH) {
      tree.problems.push({ file, line: 1, message: `invalid JSON schema: ${depthMessage(READ_MAX_DEPTH)}` });
      return;
    }
    tree.schema = schema;
  } catch (e) {
    const message = (e as Error).message;
    tree.problems.push({
      file,
      line: jsonErrorLine(content.toString('utf8'), message),
      message: `invalid JSON: ${message}`,
    });
  }
}

/**
 * helm refuses a chart holding a file over its per-file limit (HELM_MAX_FILE_BYTES): such a file is reported with
 * helm's words and not read, so a huge values.yaml costs no parse time.
 */
function withSizeLimit(source: ChartSource, problems: InputProblem[]): ChartSource {
  return {
    ...source,
    read: async (path) => {
      const content = await source.read(path);
      if (!content || content.length <= HELM_MAX_FILE_BYTES) return content;
      problems.push({
        file: source.display(path),
        message: `chart file "${path}" is larger than the maximum file size ${HELM_MAX_FILE_BYTES} (${content.length} bytes): helm refuses the chart`,
      });
      return undefined;
    },
  };
}

interface LoadedSubchart {
  tree: ChartTree;
  /** Folder name or archive file name, for messages. */
  origin: string;
}

/** Every chart under charts/: folders holding a Chart.yaml, and .tgz archives. */
async function loadSubcharts(source: ChartSource, problems: InputProblem[], mode: ReadMode): Promise<LoadedSubchart[]> {
  const folders = new Set<string>();
  const archives: string[] = [];
  for (const file of source.files) {
    if (!file.startsWith('charts/')) continue;
    const rest = file.slice('charts/'.length);
    const slash = rest.indexOf('/');
    if (slash < 0) {
      if (rest.endsWith('.tgz')) archives.push(file);
    } else if (rest.slice(slash + 1) === 'Chart.yaml') {
      folders.add(rest.slice(0, slash));
    }
  }
  const loaded = await Promise.all([
    ...[...folders].map(async (name) => {
      const tree = await loadFrom(subSource(source, `charts/${name}`), false, mode);
      return tree && { tree, origin: `charts/${name}` };
    }),
    ...archives.map(async (file) => {
      const content = await source.read(file);
      if (!content) return undefined;
      try {
        const tree = await loadFrom(await archiveSource(source.display(file), content), false, mode);
        if (!tree) problems.push({ file: source.display(file), message: 'chart archive has no Chart.yaml' });
        return tree && { tree, origin: file };
      } catch (e) {
        // helm's loader refuses the same archive, so helm template fails on it too
        const message =
          e instanceof ArchiveTooLargeError
            ? `chart archive too large: ${e.message}; helm refuses to load it`
            : `cannot read chart archive: ${(e as Error).message}`;
        problems.push({ file: source.display(file), message });
        return undefined;
      }
    }),
  ]);
  return loaded.filter((s): s is LoadedSubchart => s !== undefined);
}

/**
 * Coalesces subchart defaults into the parent the way Helm does (pkg/chart/common/util/coalesce.go): the parent's
 * values under the subchart's key win over the subchart's own defaults, and globals flow down with the parent
 * winning; we also lift subchart globals up into the top `global` so `global.*` overrides are seen as known.
 */
function attachSubcharts(parent: ChartTree, subcharts: LoadedSubchart[]): void {
  const used = new Set<LoadedSubchart>();
  const attach = (key: string, sub: LoadedSubchart) => {
    used.add(sub);
    const { global: subGlobal, ...subValues } = sub.tree.defaults;
    const parentValue = ownValue(parent.defaults, key);
    setOwn(parent.defaults, key, isMap(parentValue) ? coalesce(parentValue, subValues) : structuredClone(subValues));
    if (isMap(subGlobal)) {
      const parentGlobal = parent.defaults.global;
      parent.defaults.global = isMap(parentGlobal) ? coalesce(parentGlobal, subGlobal) : structuredClone(subGlobal);
    }
    for (const read of sub.tree.reads.values()) {
      // Globals are shared by every chart in the tree; a library chart's other reads are made in its caller's
      // context (bitnami common's helpers get .Values passed in), so they cannot be placed under a key.
      if (read[0] === 'global') addRead(parent.reads, read);
      else if (!sub.tree.isLibrary) addRead(parent.reads, [key, ...read]);
    }
    const names = [...new Set([key, sub.tree.metadata.name ?? key])];
    for (const crd of sub.tree.crds) {
      const helmPaths = crd.helmPaths.flatMap((path) => names.map((name) => `charts/${name}/${path}`));
      parent.crds.push({ ...crd, helmPaths });
    }
    for (const template of sub.tree.templates) {
      const helmPaths = template.helmPaths.flatMap((path) => names.map((name) => `charts/${name}/${path}`));
      parent.templates.push({ ...template, helmPaths });
    }
    for (const problem of sub.tree.problems) parent.problems.push(problem);
  };

  for (const dependency of parent.metadata.dependencies) {
    const candidates = subcharts.filter((s) => s.tree.metadata.name === dependency.name);
    const range = dependency.version && validRange(dependency.version, { loose: true });
    const match =
      candidates.find((s) => range && s.tree.metadata.version && satisfies(s.tree.metadata.version, range)) ??
      candidates[0];
    if (match) attach(dependency.alias ?? dependency.name, match);
  }
  // Helm also loads charts found in charts/ that Chart.yaml does not declare.
  for (const sub of subcharts) if (!used.has(sub) && sub.tree.metadata.name) attach(sub.tree.metadata.name, sub);
  parent.crds.sort((a, b) => compareStrings(a.file, b.file));
}

/** `override` wins; maps merge recursively; lists and scalars replace. Nulls are kept (they accept any key below). */
function coalesce(override: Record<string, unknown>, base: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = structuredClone(base);
  for (const [key, value] of Object.entries(override)) {
    const existing = ownValue(out, key);
    setOwn(out, key, isMap(value) && isMap(existing) ? coalesce(value, existing) : structuredClone(value));
  }
  return out;
}
