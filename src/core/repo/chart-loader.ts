// Loads a vendored chart folder from a snapshot: metadata, defaults as .Values sees them, schema, README, CRDs,
// and the key paths its templates read. Subcharts come from charts/ as folders or .tgz archives, recursively.
//
// Defaults include every subchart, enabled or not. Helm drops disabled dependencies before the final coalesce
// (pkg/chartutil/dependencies.go, processDependencyEnabled), but the condition is itself a value a user may
// flip in an override (kafka.enabled: true), so keys of a disabled subchart are keys a user can rightly set.

import { satisfies, validRange } from 'semver';
import type { ChartDependency, ChartMetadata, CrdSource, InputProblem, LoadedChart } from '../model.js';
import { formatKeyPath, isMap, type KeyPath, mergeValueMaps, ownValue, setOwn } from '../values/key-path.js';
import { depthMessage, HELM_MAX_FILE_BYTES } from '../values/yaml-bounds.js';
import { jsonDepth, loadYamlValues, READ_MAX_DEPTH } from '../yaml-input.js';
import { type Snapshot, unsafeEntriesUnder } from './snapshot.js';
import { ArchiveTooLargeError, readTgz } from './tgz.js';
import { describeUnsafeEntries } from './tree-path.js';

export interface LoadOptions {
  /**
   * The major version of the helm that renders: helm 4 merges every YAML document of a values.yaml, later over
   * earlier (pkg/chart/loader LoadValues); helm 3 reads the first. Default 4.
   */
  helmMajor?: number;
}

/** Loads the chart in `dir` (repo-relative), or undefined when the folder has no Chart.yaml. */
export async function loadChart(
  snapshot: Snapshot,
  dir: string,
  options: LoadOptions = {},
): Promise<LoadedChart | undefined> {
  const root = dir.replace(/\/+$/, '').replace(/^\.\/?/, '');
  const source = await snapshotSource(snapshot, root);
  const chart = await loadFrom(source, true, { allDocuments: (options.helmMajor ?? 4) >= 4 });
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

// ---------- where chart files come from: a snapshot folder or an archive ----------

interface ChartSource {
  /** Chart-relative paths of regular files, sorted. */
  files: readonly string[];
  read(path: string): Promise<Buffer | undefined>;
  /** How a chart-relative path is shown to users (repo-relative; "archive.tgz#inner/path" inside archives). */
  display(path: string): string;
}

const snapshotIndexes = new WeakMap<Snapshot, Promise<string[]>>();

/** Sorted regular-file paths of a snapshot, computed once per snapshot (a repo may hold hundreds of charts). */
function snapshotIndex(snapshot: Snapshot): Promise<string[]> {
  let index = snapshotIndexes.get(snapshot);
  if (!index) {
    index = snapshot.entries().then((entries) =>
      entries
        .filter((e) => e.kind === 'file')
        .map((e) => e.path)
        .sort(compareStrings),
    );
    snapshotIndexes.set(snapshot, index);
  }
  return index;
}

async function snapshotSource(snapshot: Snapshot, dir: string): Promise<ChartSource> {
  const index = await snapshotIndex(snapshot);
  const prefix = dir === '' ? '' : `${dir}/`;
  let lo = lowerBound(index, prefix);
  const files: string[] = [];
  for (; lo < index.length && index[lo].startsWith(prefix); lo++) files.push(index[lo].slice(prefix.length));
  return {
    files,
    read: (path) => snapshot.readBuffer(prefix + path),
    display: (path) => prefix + path,
  };
}

function subSource(parent: ChartSource, dir: string): ChartSource {
  const prefix = `${dir}/`;
  return {
    files: parent.files.filter((f) => f.startsWith(prefix)).map((f) => f.slice(prefix.length)),
    read: (path) => parent.read(prefix + path),
    display: (path) => parent.display(prefix + path),
  };
}

/** A packaged chart: files sit under one top folder named after the chart. */
async function archiveSource(archivePath: string, content: Buffer): Promise<ChartSource> {
  const byPath = new Map<string, Buffer>();
  let top: string | undefined;
  for (const file of await readTgz(content)) {
    const slash = file.path.indexOf('/');
    if (slash < 0) continue;
    top ??= file.path.slice(0, slash);
    if (file.path.slice(0, slash) !== top) continue;
    byPath.set(file.path.slice(slash + 1), file.content);
  }
  return {
    files: [...byPath.keys()].sort(compareStrings),
    read: async (path) => byPath.get(path),
    display: (path) => `${archivePath}#${top}/${path}`,
  };
}

// ---------- loading ----------

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
}

const TEMPLATE_FILE = /^templates\/.+\.(tpl|ya?ml|txt)$/;
const CRD_FILE = /^crds\/.+\.(ya?ml|json)$/;
const README_FILE = /^readme\.md$/i;

interface ReadMode {
  /** Merge every document of values.yaml (helm 4) instead of reading the first (helm 3). */
  allDocuments: boolean;
}

async function loadFrom(source: ChartSource, top: boolean, mode: ReadMode): Promise<ChartTree | undefined> {
  const chartYaml = await source.read('Chart.yaml');
  if (!chartYaml) return undefined;
  const problems: InputProblem[] = [];
  source = withSizeLimit(source, problems);
  const rawChart = parseYaml(chartYaml.toString('utf8'), source.display('Chart.yaml'), problems);
  const metadata = chartMetadata(isMap(rawChart) ? rawChart : {});
  const type = isMap(rawChart) && typeof rawChart.type === 'string' ? rawChart.type : 'application';

  // apiVersion v1 charts (Helm 2 layout) list dependencies in requirements.yaml.
  if (metadata.dependencies.length === 0 && source.files.includes('requirements.yaml')) {
    const text = (await source.read('requirements.yaml'))?.toString('utf8') ?? '';
    const requirements = parseYaml(text, source.display('requirements.yaml'), problems);
    if (isMap(requirements)) metadata.dependencies = dependencies(requirements.dependencies);
  }

  const valuesText = (await source.read('values.yaml'))?.toString('utf8');
  const parsedValues =
    valuesText === undefined ? {} : parseYaml(valuesText, source.display('values.yaml'), problems, mode.allDocuments);
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
  };

  const reads: Promise<void>[] = [];
  for (const file of source.files) {
    if (TEMPLATE_FILE.test(file)) {
      reads.push(
        source.read(file).then((b) => {
          if (!b) return;
          const text = b.toString('utf8');
          for (const read of templateReads(text)) addRead(tree.reads, read);
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
  attachSubcharts(tree, await subcharts);
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

// ---------- Chart.yaml ----------

function chartMetadata(raw: Record<string, unknown>): ChartMetadata {
  const annotations: Record<string, string> = {};
  if (isMap(raw.annotations)) {
    for (const [k, v] of Object.entries(raw.annotations)) if (v !== null && v !== undefined) annotations[k] = String(v);
  }
  return {
    apiVersion: optionalString(raw.apiVersion),
    name: optionalString(raw.name),
    version: optionalString(raw.version),
    appVersion: optionalString(raw.appVersion),
    kubeVersion: optionalString(raw.kubeVersion),
    deprecated: raw.deprecated === true ? true : undefined,
    annotations,
    dependencies: dependencies(raw.dependencies),
  };
}

function dependencies(raw: unknown): ChartDependency[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(isMap).flatMap((d) => {
    const name = optionalString(d.name);
    if (!name) return [];
    const dependency: ChartDependency = { name };
    const alias = optionalString(d.alias);
    if (alias) dependency.alias = alias;
    const version = optionalString(d.version);
    if (version) dependency.version = version;
    const repository = optionalString(d.repository);
    if (repository) dependency.repository = repository;
    const condition = optionalString(d.condition);
    if (condition) dependency.condition = condition;
    return [dependency];
  });
}

function optionalString(value: unknown): string | undefined {
  if (value === null || value === undefined || typeof value === 'object') return undefined;
  return String(value);
}

// ---------- YAML ----------

// Parsed YAML by content: a repository vendors the same library chart (bitnami common) and the same dependency
// versions in many charts, and a review loads both sides of every bump. Bounded; entries are cloned on use.
const parsedYaml = new Map<string, unknown>();
const PARSED_YAML_LIMIT = 256;

/**
 * Parses the first YAML document (helm 3 ignores the rest), or merges every document (helm 4, `allDocuments`)
 * through the one YAML reader (yaml-input.ts); problems are recorded with their line, never thrown.
 */
function parseYaml(text: string, file: string, problems: InputProblem[], allDocuments = false): unknown {
  const cacheKey = `${allDocuments ? 'all' : 'first'}\u0000${text}`;
  if (parsedYaml.has(cacheKey)) return structuredClone(parsedYaml.get(cacheKey));
  const { documents, problem } = loadYamlValues(text, file, { allDocuments });
  if (problem) {
    problems.push(problem);
    return undefined;
  }
  const value = allDocuments && documents.length > 1 ? mergeDocuments(documents) : documents[0];
  if (parsedYaml.size >= PARSED_YAML_LIMIT) parsedYaml.delete(parsedYaml.keys().next().value as string);
  parsedYaml.set(cacheKey, value);
  return structuredClone(value);
}

/** helm 4's LoadValues: each document must be a map (or empty); later documents merge over earlier ones. */
function mergeDocuments(documents: unknown[]): unknown {
  let merged: Record<string, unknown> = {};
  for (const document of documents) {
    if (document === null || document === undefined) continue;
    if (!isMap(document)) return document; // reported as "not a map of keys"
    merged = mergeValueMaps(merged, document);
  }
  return merged;
}

function jsonErrorLine(text: string, message: string): number | undefined {
  const line = /line (\d+)/.exec(message);
  if (line) return Number(line[1]);
  const position = /position (\d+)/.exec(message);
  if (!position) return undefined;
  return text.slice(0, Number(position[1])).split('\n').length;
}

// ---------- template reads ----------

const TEMPLATE_COMMENT = /\{\{-?\s*\/\*[\s\S]*?\*\/\s*-?\}\}/g;
// `.Values` (as `.Values`, `$.Values`, `.context.Values`...) or a `.global` handed to a helper in a dict, followed by
// a chain of `.key` steps; `(.Values.global).storageClass` is the nil-safe form of `.Values.global.storageClass`.
const READ = /(\.Values|(?<![\w$)\]])\.global)(?![\w])((?:\)*\.[A-Za-z_][A-Za-z0-9_]*)*)/g;
const INDEX_BEFORE = /index\s+\(?\s*[\w$]*$/;
const INDEX_KEYS = /^\s*\)?((?:\s+"[^"\\]*")+)/;

/** Key paths a template reads from .Values; a bare `.Values` (the whole tree) is not recorded. */
export function templateReads(text: string): KeyPath[] {
  const source = text.includes('/*') ? text.replace(TEMPLATE_COMMENT, '') : text;
  const out: KeyPath[] = [];
  for (const match of source.matchAll(READ)) {
    const path: KeyPath = match[2] ? match[2].replace(/\)/g, '').slice(1).split('.') : [];
    if (match[1] === '.global') {
      if (path.length === 0) continue;
      path.unshift('global');
    }
    const start = match.index ?? 0;
    if (match[1] === '.Values' && INDEX_BEFORE.test(source.slice(Math.max(0, start - 40), start))) {
      const keys = INDEX_KEYS.exec(source.slice(start + match[0].length, start + match[0].length + 400));
      if (keys) for (const key of keys[1].matchAll(/"([^"\\]*)"/g)) path.push(key[1]);
    }
    if (path.length > 0) out.push(path);
  }
  return out;
}

function addRead(reads: Map<string, KeyPath>, path: KeyPath): void {
  // Template reads are plain identifiers or index strings: a NUL join is a cheap unique key.
  const key = path.join('\u0000');
  if (!reads.has(key)) reads.set(key, path);
}

/** Reads in --set order, each path formatted once. */
function sortedReads(reads: Map<string, KeyPath>): KeyPath[] {
  return [...reads.values()]
    .map((path) => ({ path, text: formatKeyPath(path) }))
    .sort((a, b) => compareStrings(a.text, b.text))
    .map((r) => r.path);
}

// ---------- small helpers ----------

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function lowerBound(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
