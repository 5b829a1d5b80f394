// Parses `helm template` output into manifests: one object per YAML document, with the `# Source:` path,
// hook and crds/ markers. Lists (kind: List) are flattened like kubectl does.
//
// js-yaml 4 parses helm's output several times as fast as `yaml` (the review's largest CPU cost after helm itself),
// with the YAML 1.2 core schema `yaml` uses by default (values/js-yaml-schema.ts): `on`/`yes` stay strings, 0777 is
// decimal, no timestamps, `<<` is a plain key; json: true keeps the last of duplicated keys like `uniqueKeys: false`
// did. Nesting is bounded where helm's decoder bounds it, not at js-yaml's default of 100. A
// document js-yaml refuses (a syntax error, an unknown or !!binary tag, a complex key) is parsed again with `yaml`,
// so those documents read and report exactly as before.
import { loadAll } from 'js-yaml';
import { parseAllDocuments } from 'yaml';
import { READ_MAX_DEPTH } from '../input/yaml-input.js';
import { CORE_SCHEMA } from '../values/js-yaml-schema.js';
import { checkYamlBounds, mayHoldAliases } from '../values/yaml-bounds.js';
import { crdFactsOf, type DocumentFacts, documentFacts } from './document-facts.js';
import { type DocumentMemo, documentDigest } from './document-identity.js';
import type { Manifest } from './types.js';

export interface ParsedManifests {
  manifests: Manifest[];
  /** Documents that were not valid YAML or not Kubernetes objects, with their source. */
  problems: string[];
}

/**
 * `chartName` is the top chart's name as helm prints it in `# Source: <chart>/crds/...`.
 * `documents`: the memo of one chart's renders (document-identity.ts): a text another render printed is not parsed
 * again; when it reads lazily, a document whose facts its text shows (document-facts.ts) is parsed only when its
 * object is read (settleManifests parses those no other render printed alike).
 */
export function parseManifests(
  output: string,
  chartName?: string,
  documents?: DocumentMemo,
  lazy = documents?.lazy ?? false,
): ParsedManifests {
  const manifests: Manifest[] = [];
  const problems: string[] = [];
  // helm prints a crds/ file as "---\n# Source: <path>\n<file as it is>" (pkg/action/action.go, --include-crds):
  // a file that starts with `---` leaves the Source line in a document of its own, and a file of several
  // documents carries it only on the first. Template documents each get their own Source line. So a Source line
  // holds for the documents that follow it, up to the next one.
  let source: string | undefined;
  for (const chunk of splitDocuments(output)) {
    // (includes first: a 50 KB CRD without a Source line is not searched by a regex for one)
    if (chunk.includes('# Source: ')) source = /^# Source: (.+)$/m.exec(chunk)?.[1]?.trim() ?? source;
    if (isCommentOnly(chunk)) continue;
    const digest = documents ? documentDigest(chunk, source) : undefined;
    if (lazy && documents && digest) {
      // a text printed alike by another render of the chart: its facts are read once
      const facts = documents.facts(digest, () => documentFacts(chunk));
      if (facts) {
        manifests.push(new LazyManifest(chunk, source, digest, facts, chartName, documents));
        continue;
      }
    }
    const values = documents
      ? documents.values(chunk, source, problems, (own) => parseChunk(chunk, source, own), digest)
      : parseChunk(chunk, source, problems);
    for (const value of values) {
      for (const object of flattenLists(value)) {
        const manifest = toManifest(object, source, chartName);
        if (manifest) manifests.push(manifest);
        else problems.push(`${source ?? 'document'}: not a Kubernetes object (no apiVersion/kind/metadata.name)`);
      }
    }
  }
  return { manifests, problems };
}

/**
 * A document read by its facts: its object is parsed (once per chart, through the memo) when something reads it.
 * `object` is a getter of the class: a spread of the manifest does not parse it.
 */
export class LazyManifest implements Manifest {
  readonly ref: Manifest['ref'];
  readonly group: string;
  readonly source?: string;
  readonly isHook = false;
  readonly fromCrdsDir: boolean;
  /** The document's identity (document-identity.ts): equal digests, equal objects. */
  readonly digest: string;
  readonly facts: DocumentFacts;
  #text: string | undefined;
  #object: Record<string, unknown> | undefined;
  #problems: string[] = [];
  #values = 0;
  readonly #documents: DocumentMemo;

  constructor(
    text: string,
    source: string | undefined,
    digest: string,
    facts: DocumentFacts,
    chartName: string | undefined,
    documents: DocumentMemo,
  ) {
    const { apiVersion, kind, name, namespace } = facts;
    const slash = apiVersion.indexOf('/');
    this.ref = { apiVersion, kind, ...(namespace ? { namespace } : {}), name };
    this.group = slash < 0 ? '' : apiVersion.slice(0, slash);
    if (source !== undefined) this.source = source;
    this.fromCrdsDir = isCrdsDirSource(source, chartName);
    this.digest = digest;
    this.facts = facts;
    this.#text = text;
    this.#documents = documents;
  }

  get parsed(): boolean {
    return this.#object !== undefined;
  }

  get object(): Record<string, unknown> {
    if (this.#object) return this.#object;
    const text = this.#text!;
    const values = this.#documents.values(
      text,
      this.source,
      this.#problems,
      (own) => parseChunk(text, this.source, own),
      this.digest,
    );
    const [first] = values;
    this.#values = values.length;
    // (a text the facts misread is found by settleManifests, which parses the whole render again)
    this.#object =
      first !== null && typeof first === 'object' && !Array.isArray(first) ? (first as Record<string, unknown>) : {};
    this.#text = undefined;
    return this.#object;
  }

  /** Does the parsed document say what its facts said: one object of this identity, nothing else? */
  readsAsItsFacts(): boolean {
    const object = this.object;
    if (this.#problems.length || this.#values !== 1) return false;
    const manifest = toManifest(object, this.source);
    return (
      manifest !== undefined &&
      !manifest.isHook &&
      JSON.stringify(manifest.ref) === JSON.stringify(this.ref) &&
      JSON.stringify(object.kind === 'CustomResourceDefinition' ? crdFactsOf(object) : null) ===
        JSON.stringify(this.facts.crd ?? null)
    );
  }
}

/** What settleManifests needs of a render: its manifests and problems, and helm's output they were read from. */
export interface SettledRender {
  result: { manifests: Manifest[] };
  parseProblems: string[];
  read?: { output: string; chartName?: string };
}

/**
 * After a chart's renders are in: each lazily read document that no other of `renders` printed alike is parsed now
 * (a changed document is compared anyway); a render one of whose documents does not read as its facts said is read
 * again whole, every document parsed, as without identity first. What stays lazy is a document printed alike
 * elsewhere, which every comparison finds unchanged by its digest.
 */
export function settleManifests(renders: readonly SettledRender[], documents: DocumentMemo): void {
  const unique = new Set(renders);
  const printedBy = new Map<string, number>();
  for (const render of unique) {
    const own = new Set<string>();
    for (const m of render.result.manifests) if (m instanceof LazyManifest) own.add(m.digest);
    for (const digest of own) printedBy.set(digest, (printedBy.get(digest) ?? 0) + 1);
  }
  for (const render of unique) {
    if (documents.settled.has(render)) continue;
    documents.settled.add(render);
    const alone = render.result.manifests.filter(
      (m): m is LazyManifest => m instanceof LazyManifest && printedBy.get(m.digest) === 1,
    );
    if (alone.every((m) => m.readsAsItsFacts()) || !render.read) continue;
    const again = parseManifests(render.read.output, render.read.chartName, documents, false);
    render.result.manifests = again.manifests;
    render.parseProblems.splice(0, render.parseProblems.length, ...again.problems);
  }
}

// Nesting as deep as the reader of the inputs allows (yaml-input.ts): manifests are diffed and redacted recursively.
const FAST_OPTIONS = { schema: CORE_SCHEMA, json: true, maxDepth: READ_MAX_DEPTH + 1 };

/** The documents of one chunk as plain values; documents that are not valid YAML go to `problems`. */
function parseChunk(chunk: string, source: string | undefined, problems: string[]): unknown[] {
  // A template can print aliases (`{{ .Values.raw }}`): those documents are checked the way helm's decoder checks
  // them before anything expands them (an alias bomb or a cycle is a problem, not hours of work).
  if (!mayHoldAliases(chunk)) {
    try {
      return loadAll(chunk, null, FAST_OPTIONS);
    } catch {
      // read again below
    }
  }
  // the `yaml` library's reading and messages for anything js-yaml refuses (see the top of the file)
  const values: unknown[] = [];
  for (const doc of parseAllDocuments(chunk, { uniqueKeys: false })) {
    const bound = doc.errors.length ? undefined : checkYamlBounds(doc, undefined, undefined, READ_MAX_DEPTH);
    if (doc.errors.length) problems.push(`${source ?? 'document'}: ${doc.errors[0].message.split('\n')[0]}`);
    else if (bound) problems.push(`${source ?? 'document'}: ${bound.message}`);
    else values.push(doc.toJS({ maxAliasCount: -1 })); // bounded by checkYamlBounds
  }
  return values;
}

function splitDocuments(output: string): string[] {
  return output.split(/^---[ \t]*$/m);
}

/** Nothing but comments and blank lines (read up to the first other line, not copied). */
function isCommentOnly(chunk: string): boolean {
  for (let start = 0; start < chunk.length; ) {
    let end = chunk.indexOf('\n', start);
    if (end < 0) end = chunk.length;
    const line = chunk.slice(start, end);
    if (!line.startsWith('#') && line.trim() !== '') return false;
    start = end + 1;
  }
  return true;
}

function flattenLists(value: unknown): Record<string, unknown>[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  const object = value as Record<string, unknown>;
  if (typeof object.kind === 'string' && object.kind.endsWith('List') && Array.isArray(object.items)) {
    return object.items.flatMap(flattenLists);
  }
  return [object];
}

function toManifest(
  object: Record<string, unknown>,
  source: string | undefined,
  chartName?: string,
): Manifest | undefined {
  const metadata = object.metadata as Record<string, unknown> | undefined;
  if (typeof object.apiVersion !== 'string' || typeof object.kind !== 'string' || !metadata) return undefined;
  if (typeof metadata.name !== 'string' || metadata.name === '') return undefined;
  const apiVersion = object.apiVersion;
  const slash = apiVersion.indexOf('/');
  const annotations = (metadata.annotations ?? {}) as Record<string, unknown>;
  const namespace = typeof metadata.namespace === 'string' ? metadata.namespace : undefined;
  // copies: a string the parser cut out of helm's output keeps the whole output in memory, and the identity of an
  // object outlives its render (findings, the rendered diff, the runbook)
  const identity = structuredClone({
    ref: { apiVersion, kind: object.kind, ...(namespace ? { namespace } : {}), name: metadata.name },
    group: slash < 0 ? '' : apiVersion.slice(0, slash),
    source,
  });
  return {
    object,
    ...identity,
    isHook: typeof annotations['helm.sh/hook'] === 'string',
    fromCrdsDir: isCrdsDirSource(source, chartName),
  };
}

/**
 * helm prints crds/ files as "<chart>/crds/<file>", a subchart's as "<chart>/charts/<sub>/crds/<file>" at any depth;
 * <sub> is the alias (helm 4), or for deeper levels the chart name (helm 3): the structure alone tells crds/ apart.
 */
function isCrdsDirSource(source: string | undefined, chartName?: string): boolean {
  if (!source) return false;
  const parts = source.split('/');
  if (chartName && parts[0] !== chartName) return false;
  // the segment right after the chart name, or after any charts/<sub>, is "crds"
  for (let i = 1; i < parts.length - 1; i++) {
    if (parts[i] === 'crds') return true;
    if (parts[i] === 'charts') {
      i++;
      continue;
    }
    return false;
  }
  return false;
}
