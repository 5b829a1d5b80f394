// Reads an override values file into leaf keys with lines, tolerating files that are themselves templates
// (Jinja `{% if %}` blocks, Go-template `{{ .Values.x }}` values) rendered by a deploy pipeline before Helm sees them.
//
// Template control lines are blanked (so every other line keeps its number) and listed in `skipped`. Of each
// `{% if %}` block only the first branch is read, and each `{% for %}` body once (template-branches.ts; the render
// reads the same branch): the lines of the other branches are blanked and listed in `notTaken`. A value that is a
// template expression is kept as its text, an opaque string (the render gives it a placeholder,
// template-placeholders.ts); a key whose name is a template is skipped with its subtree. Leaf keys follow Helm's
// merge: a list is one key (Helm replaces lists whole, never per item), an empty map `{}` is a key, and so is null
// (Helm deletes the default's key for it).
import {
  type Alias,
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  type LineCounter,
  type Node,
  type YAMLMap,
} from 'yaml';
import { isEmptyDocument, readYaml, yamlValue } from '../input/yaml-input.js';
import type { ChartConfig, OverrideFile, OverrideKey } from '../model/model.js';
import { formatKeyPath, getAt, isMap as isValuesMap, type KeyPath, mergeValueMaps } from './key-path.js';
import { BranchChooser } from './template-branches.js';
import { HELM_MAX_FILE_BYTES } from './yaml-bounds.js';

/** A line made only of template tags: {% if %}, {%- endif %}, {{- if .x }}, {{ end }}, {# note #}, {{ include ... }}. */
// Each tag ends at its first closer, so matching stays linear on long lines of many tags.
const TAG = String.raw`\{\{(?:[^}]|\}(?!\}))*\}\}|\{%(?:[^%]|%(?!\}))*%\}|\{#(?:[^#]|#(?!\}))*#\}`;
const TEMPLATE_ONLY_LINE = new RegExp(String.raw`^\s*(?:(?:${TAG})\s*)+$`);
const TAGS = new RegExp(TAG, 'g');
const TEMPLATED_KEY = new RegExp(String.raw`^((?:${TAG}|[^\s:{])+)\s*:(?:\s|$)`);
const TEMPLATE_TAG = /\{\{|\{%/;
const BLOCK_SCALAR_HEADER = /^[|>][-+0-9]*\s*(?:#.*)?$/;

/** Does this text hold a template expression ({{ }} or {% %}), i.e. it is not a literal value? */
export function isTemplated(text: string): boolean {
  return TEMPLATE_TAG.test(text);
}

export interface ValuesFileOptions {
  /**
   * The major version of the helm that deploys the file: helm 4 merges every YAML document of a values file, later
   * documents over earlier ones (pkg/chart/loader LoadValues, MergeMaps); helm 3 reads only the first
   * (sigs.k8s.io/yaml Unmarshal). Default 4, the current helm.
   */
  helmMajor?: number;
}

export function parseValuesFile(text: string, path: string, options: ValuesFileOptions = {}): OverrideFile {
  const file: OverrideFile = { path, values: {}, keys: [], skipped: [] };
  if (Buffer.byteLength(text) > HELM_MAX_FILE_BYTES) {
    // Not read: past this size the parse alone takes many seconds. Helm refuses a chart's values.yaml as large.
    file.error = {
      file: path,
      line: 1,
      message: `${path} is ${Buffer.byteLength(text)} bytes, over ${HELM_MAX_FILE_BYTES} (5 MiB, helm's limit for a chart's values.yaml): not read`,
    };
    return file;
  }
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  const prepared = prepareLines(lines);
  file.skipped = prepared.skipped;
  if (prepared.notTaken.length > 0) file.notTaken = prepared.notTaken;
  // The reader (yaml-input.ts) checks aliases, expansion and depth before anything expands them: a self-merge, an
  // alias bomb or an alias without its anchor stops here, at its line.
  const parsed = readYaml(prepared.text, path, { what: path, allDocuments: true, uniqueKeys: false, merge: true });
  const { lineCounter } = parsed;
  const readsAll = (options.helmMajor ?? 4) >= 4;
  const read = readsAll ? parsed.documents : parsed.documents.slice(0, 1);
  if (!readsAll)
    noteIgnoredDocuments(
      file,
      parsed.documents.slice(1).map((d) => d.doc),
      lineCounter,
      lines,
    );
  const lineOf = (node: Node | null | undefined) => parsed.lineOf(node) ?? 1;

  const perDocument: { values: Record<string, unknown>; keys: OverrideKey[] }[] = [];
  for (const document of read) {
    const { doc, targets } = document;
    // A syntax error keeps the keys the parser could read; an alias or bound problem reads nothing of the document.
    if (document.problems.length > 0) file.error ??= document.problems[0];
    if (!document.walkable) continue;
    if (isEmptyDocument(document)) continue;
    const root = doc.contents as Node;
    if (!isMap(root)) {
      file.error ??= { file: path, line: lineOf(root), message: `${path} must be a map of values keys` };
      continue;
    }
    const converted = yamlValue(document, path, path);
    if (converted.problem) file.error ??= converted.problem;
    const values = converted.value; // a broken file's tree may not convert: its keys are kept, not its values
    const sink = { path, values: isValuesMap(values) ? values : {}, keys: [] as OverrideKey[], skipped: file.skipped };
    const walker = new KeyWalker(lineOf, lines, sink, targets);
    walker.walk(root, [], undefined);
    for (const keyPath of walker.templatedKeyPaths) deleteAt(sink.values, keyPath);
    perDocument.push(sink);
  }
  file.values = perDocument.reduce((merged, doc) => mergeValueMaps(merged, doc.values), {} as Record<string, unknown>);
  file.keys = documentKeys(perDocument.map((d) => d.keys));
  if (perDocument.length > 1) for (const key of file.keys) key.value = getAt(file.values, key.path) ?? null;
  file.skipped.sort((a, b) => a.line - b.line);
  return file;
}

/**
 * The keys of every document, where a key a later document sets (at, above or below the same path) is reported at
 * the later line only: that is the value helm 4 uses.
 */
function documentKeys(documents: OverrideKey[][]): OverrideKey[] {
  if (documents.length <= 1) return documents[0] ?? [];
  const later = new Set<string>(); // key paths set by later documents
  const laterAncestors = new Set<string>(); // and every path above them
  const kept: OverrideKey[][] = [];
  for (let i = documents.length - 1; i >= 0; i--) {
    const own = documents[i].filter((key) => {
      const ids = key.path.map((_, n) => formatKeyPath(key.path.slice(0, n + 1)));
      return !laterAncestors.has(ids[ids.length - 1]) && !ids.some((id) => later.has(id));
    });
    for (const key of documents[i]) {
      later.add(formatKeyPath(key.path));
      for (let n = 1; n < key.path.length; n++) laterAncestors.add(formatKeyPath(key.path.slice(0, n)));
    }
    kept.unshift(own);
  }
  return kept.flat();
}

/** helm 3 reads the first document only: note the line of the first `---` after which keys are ignored. */
function noteIgnoredDocuments(file: OverrideFile, rest: Document[], lineCounter: LineCounter, lines: string[]): void {
  const withContent = rest.filter((doc) => {
    const root = doc.contents as Node | null;
    return !(root === null || (isScalar(root) && (root.value === null || root.value === '')));
  });
  if (withContent.length === 0) return;
  const first = withContent[0];
  let line = lineCounter.linePos((first.contents as Node).range?.[0] ?? 0).line;
  while (line > 1 && !/^---(?:\s|$)/.test(lines[line - 1] ?? '')) line--;
  file.ignoredDocuments = { line, count: withContent.length };
}

/** Keys the config says the deploy sets with --set, as override keys from the config file. */
export function keysFromSetList(set: ChartConfig['set'], configPath: string): OverrideKey[] {
  return set.map((key) => ({ path: key.path, value: key.example, file: configPath, line: key.line, source: 'config' }));
}

/**
 * Blanks template-only lines and the lines of branches not taken, and quotes template expressions in keys and values
 * so the YAML parser reads them as strings. Lines inside block scalars (`key: |`) are content and left alone.
 */
function prepareLines(lines: string[]): {
  text: string;
  skipped: OverrideFile['skipped'];
  notTaken: NonNullable<OverrideFile['notTaken']>;
} {
  const skipped: OverrideFile['skipped'] = [];
  const notTaken: NonNullable<OverrideFile['notTaken']> = [];
  const out: string[] = [];
  const branches = new BranchChooser();
  let blockIndent: number | undefined;
  let previousContent = 0; // the last line that is neither blank, a comment nor a control line: ranges join across those
  lines.forEach((raw, i) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const indent = line.length - line.trimStart().length;
    const templateOnly = TEMPLATE_ONLY_LINE.test(line);
    if (blockIndent !== undefined && (line.trim() === '' || indent > blockIndent)) {
      out.push(branches.taking ? line : '');
      return;
    }
    if (templateOnly) {
      // A control line does not end a block scalar: the lines after it are still the block's content.
      skipped.push({ line: i + 1, text: line.trim() });
      for (const [tag] of line.matchAll(TAGS)) branches.step(tag);
      out.push('');
      return;
    }
    blockIndent = undefined;
    const content = line.trim() !== '' && !line.trimStart().startsWith('#');
    const previous = previousContent;
    if (content) previousContent = i + 1;
    if (!branches.taking) {
      if (content) {
        const last = notTaken[notTaken.length - 1];
        if (last && last.to >= previous) last.to = i + 1;
        else notTaken.push({ from: i + 1, to: i + 1 });
      }
      out.push('');
      return;
    }
    // Balanced inline blocks (`x: {% if a %}1{% else %}2{% endif %}`) leave the chooser as it was; the value itself
    // is an opaque string here and gets its branch in the render (template-placeholders.ts).
    if (isTemplated(line) && !line.trimStart().startsWith('#'))
      for (const [tag] of line.matchAll(TAGS)) branches.step(tag);
    const quoted = isTemplated(line) ? quoteTemplates(line) : line;
    const value = valuePart(quoted);
    if (value !== undefined && BLOCK_SCALAR_HEADER.test(value)) blockIndent = indent;
    out.push(quoted);
  });
  return { text: out.join('\n'), skipped, notTaken };
}

/** The text after `key:` or `- ` on a line, or undefined. */
function valuePart(line: string): string | undefined {
  const rest = line.trimStart().replace(/^(?:-\s+)+/, '');
  const key = keyLength(rest);
  if (key !== undefined) return rest.slice(key + 1).trim();
  return line.trimStart().startsWith('-') ? rest.trim() : undefined;
}

/** Length of the key before `:` on a `key: value` line (quoted keys included), or undefined when not one. */
function keyLength(rest: string): number | undefined {
  if (rest.startsWith('"') || rest.startsWith("'")) {
    const close = rest.indexOf(rest[0], 1);
    if (close < 0) return undefined;
    return /^\s*:(?:\s|$)/.test(rest.slice(close + 1)) ? rest.indexOf(':', close + 1) : undefined;
  }
  if (TEMPLATE_TAG.test(rest.slice(0, 2))) {
    // A templated key: `{{ .Values.name }}: x` -- the colon must come after the last closing tag of the key.
    const m = TEMPLATED_KEY.exec(rest);
    return m ? rest.indexOf(':', m[1].length) : undefined;
  }
  const m = /^[^\s#:][^:]*?:(?:\s|$)/.exec(rest);
  return m ? m[0].trimEnd().length - 1 : undefined;
}

function quoteTemplates(line: string): string {
  if (line.trimStart().startsWith('#')) return line; // a comment that mentions a template
  const lead = /^\s*(?:-\s+)*/.exec(line)![0];
  const rest = line.slice(lead.length);
  const key = keyLength(rest);
  if (key === undefined) return lead + quoteValue(rest); // a list item, or a continuation line
  let keyText = rest.slice(0, key).trimEnd();
  if (isTemplated(keyText) && !/^["']/.test(keyText)) keyText = JSON.stringify(keyText);
  const after = rest.slice(key + 1);
  const space = /^\s*/.exec(after)![0];
  return `${lead}${keyText}:${space}${quoteValue(after.slice(space.length))}`;
}

/** Quotes a plain value holding a template expression; quoted and block values are left alone. */
function quoteValue(value: string): string {
  if (!isTemplated(value) || /^["'|>]/.test(value)) return value;
  const comment = /(?:^|\s)#/.exec(value);
  if (comment && comment.index < value.search(TEMPLATE_TAG)) return value; // the template is in a comment
  // A trailing comment after the last template tag stays a comment.
  const lastTag = Math.max(value.lastIndexOf('}}'), value.lastIndexOf('%}'));
  const trailing = /\s#/.exec(value.slice(lastTag + 2));
  const body = trailing ? value.slice(0, lastTag + 2 + trailing.index) : value;
  return JSON.stringify(body.trimEnd()) + value.slice(body.length);
}

/** Walks the YAML tree for leaf keys, following aliases and merge keys (`<<: *defaults`). */
class KeyWalker {
  readonly templatedKeyPaths: KeyPath[] = [];
  private readonly seen = new Set<string>();

  constructor(
    private readonly lineOf: (node: Node | null | undefined) => number,
    private readonly sourceLines: string[],
    private readonly file: Pick<OverrideFile, 'path' | 'values' | 'keys' | 'skipped'>,
    private readonly targets: Map<Alias, Node>,
  ) {}

  /** @param atLine the line to report for keys reached through a merge key (the `<<` line) */
  walk(map: YAMLMap, prefix: KeyPath, atLine: number | undefined, explicit?: Set<string>): void {
    const own = new Set(map.items.map((pair) => this.keyText(pair.key as Node)).filter((k) => k !== '<<'));
    const merges: { node: Node; line: number }[] = [];
    for (const pair of map.items) {
      const keyNode = pair.key as Node;
      const key = this.keyText(keyNode);
      const line = atLine ?? this.lineOf(keyNode);
      if (key === '<<') {
        const value = this.resolve(pair.value as Node | null);
        const sources = isSeq(value) ? (value.items as Node[]).map((n) => this.resolve(n)) : [value];
        for (const source of sources) if (source) merges.push({ node: source, line });
        continue;
      }
      if (explicit?.has(key)) continue; // a merged key the including map sets itself
      const path = [...prefix, key];
      if (isTemplated(key)) {
        this.templatedKeyPaths.push(path);
        this.file.skipped.push({ line, text: `${this.sourceLines[line - 1]?.trim() ?? key} (templated key name)` });
        continue;
      }
      const value = this.resolve(pair.value as Node | null);
      if (isMap(value) && value.items.length > 0) this.walk(value, path, atLine);
      else this.leaf(path, line);
    }
    // Merged maps add the keys this map does not set; earlier sources win (YAML merge key semantics).
    const taken = new Set([...own, ...(explicit ?? [])]);
    for (const { node, line } of merges) {
      if (!isMap(node)) continue;
      this.walk(node, prefix, line, new Set(taken));
      for (const pair of node.items) taken.add(this.keyText(pair.key as Node));
    }
  }

  private leaf(path: KeyPath, line: number): void {
    const id = formatKeyPath(path);
    if (this.seen.has(id)) return; // set twice (e.g. both branches of a {% if %}): the first line is reported
    this.seen.add(id);
    this.file.keys.push({
      path,
      value: getAt(this.file.values, path) ?? null,
      file: this.file.path,
      line,
      source: 'file',
    });
  }

  private keyText(node: Node | null): string {
    if (!isScalar(node)) return String(node);
    return typeof node.value === 'symbol' ? '<<' : String(node.value); // the parser marks a merge key with a symbol
  }

  private resolve(node: Node | null): Node | null {
    return isAlias(node) ? (this.targets.get(node) ?? null) : node;
  }
}

function deleteAt(tree: Record<string, unknown>, path: KeyPath): void {
  const parent = getAt(tree, path.slice(0, -1));
  if (isValuesMap(parent)) delete parent[path[path.length - 1] as string];
}
