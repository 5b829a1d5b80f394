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
import type { DocumentMemo } from './document-identity.js';
import type { Manifest } from './types.js';

export interface ParsedManifests {
  manifests: Manifest[];
  /** Documents that were not valid YAML or not Kubernetes objects, with their source. */
  problems: string[];
}

/** `chartName` is the top chart's name as helm prints it in `# Source: <chart>/crds/...`. */
/** `documents`: the memo of one chart's renders (document-identity.ts): a text another render printed is not parsed again. */
export function parseManifests(output: string, chartName?: string, documents?: DocumentMemo): ParsedManifests {
  const manifests: Manifest[] = [];
  const problems: string[] = [];
  // helm prints a crds/ file as "---\n# Source: <path>\n<file as it is>" (pkg/action/action.go, --include-crds):
  // a file that starts with `---` leaves the Source line in a document of its own, and a file of several
  // documents carries it only on the first. Template documents each get their own Source line. So a Source line
  // holds for the documents that follow it, up to the next one.
  let source: string | undefined;
  for (const chunk of splitDocuments(output)) {
    source = /^# Source: (.+)$/m.exec(chunk)?.[1]?.trim() ?? source;
    if (isCommentOnly(chunk)) continue;
    const values = documents
      ? documents.values(chunk, source, problems, (own) => parseChunk(chunk, source, own))
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

function isCommentOnly(chunk: string): boolean {
  return chunk.replace(/^#.*$/gm, '').trim() === '';
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
