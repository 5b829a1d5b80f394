// What a render cache file may hold, as JSON Schema: the cache folder is untrusted (a restored actions/cache, another
// run), so every entry read is checked against its schema before anything uses it, and one that does not match is a
// miss (made again and overwritten), never a crash or a forged answer of another shape. The schemas sit beside the
// types they describe; the key checks at the end fail type checking when a stored type gains or loses a field that
// its schema does not.
import type { ChartDependency, ChartMetadata, CrdSource, InputProblem, LoadedChart } from '../model/model.js';
import type { ResourceRef } from '../report/report.js';
import type { RefusedSymlink } from './materialise.js';
import type { StoredOutcome } from './render-job.js';

const string = { type: 'string' } as const;
const strings = { type: 'array', items: string } as const;
const object = { type: 'object' } as const;

/** An object with exactly these properties, the listed ones required. */
function record<P extends Record<string, unknown>>(properties: P, required: readonly (keyof P & string)[]) {
  return { type: 'object', properties, required, additionalProperties: false } as const;
}

const resourceRef = record({ apiVersion: string, kind: string, namespace: string, name: string }, [
  'apiVersion',
  'kind',
  'name',
]);

const refusedSymlink = record({ path: string, target: string, reason: { enum: ['absolute', 'outside-chart'] } }, [
  'path',
  'target',
  'reason',
]);

/** A stored render outcome: only failures that depend on the inputs alone are ever stored (render-cache.ts). */
export const STORED_OUTCOME_SCHEMA = record(
  {
    status: { enum: ['ok', 'failed'] },
    reason: string,
    output: string,
    failureKind: { enum: ['kube-version', 'helm'] },
    refusedSymlinks: { type: 'array', items: refusedSymlink },
    kubeVersionRefused: string,
  },
  ['status', 'refusedSymlinks'],
);

const source = record({ file: string, content: string, helmPaths: strings }, ['file', 'content', 'helmPaths']);

const dependency = record({ name: string, alias: string, version: string, repository: string, condition: string }, [
  'name',
]);

const metadata = record(
  {
    apiVersion: string,
    name: string,
    version: string,
    appVersion: string,
    kubeVersion: string,
    deprecated: { type: 'boolean' },
    annotations: { type: 'object', additionalProperties: string },
    dependencies: { type: 'array', items: dependency },
  },
  ['annotations', 'dependencies'],
);

const problem = record({ file: string, line: { type: 'integer' }, message: string }, ['file', 'message']);

/** A chart folder as chart-loader.ts read it. */
export const LOADED_CHART_SCHEMA = record(
  {
    dir: string,
    metadata,
    chartYamlPath: string,
    ownDefaults: object,
    defaults: object,
    schema: {},
    schemaPath: string,
    templateReads: { type: 'array', items: { type: 'array', items: { type: ['string', 'integer'] } } },
    readme: string,
    crds: { type: 'array', items: source },
    templates: { type: 'array', items: source },
    problems: { type: 'array', items: problem },
  },
  ['dir', 'metadata', 'chartYamlPath', 'ownDefaults', 'defaults', 'templateReads', 'crds', 'problems'],
);

/** An entry file's first line: its format and key (checked against the wanted ones by the reader) around the payload. */
export const ENTRY_SCHEMA = record(
  { format: { type: 'integer' }, key: string, payload: {}, tailBytes: { type: 'integer', minimum: 0 } },
  ['format', 'key', 'payload'],
);

/** A remembered `helm version --short` of one binary (helm-version-memo.ts). */
export const HELM_VERSION_MEMO_SCHEMA = record(
  {
    format: { type: 'integer' },
    identity: string,
    // what helm prints: v3.16.2+g13654a5; nothing else may become part of every cache key
    version: { type: 'string', pattern: '^v\\d+\\.\\d+\\.\\d+[0-9A-Za-z.+-]*\\s*$' },
  },
  ['format', 'identity', 'version'],
);

// ---------- the schemas name exactly the types' fields (a type check, no code) ----------

type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;
type Props<S extends { properties: object }> = S['properties'];
/** Fails to compile, naming the pair, when a check is false. */
type Holds<T extends true> = T;
export type CacheSchemasMatchTypes = [
  Holds<SameKeys<StoredOutcome, Props<typeof STORED_OUTCOME_SCHEMA>>>,
  Holds<SameKeys<ResourceRef, Props<typeof resourceRef>>>,
  Holds<SameKeys<RefusedSymlink, Props<typeof refusedSymlink>>>,
  Holds<SameKeys<LoadedChart, Props<typeof LOADED_CHART_SCHEMA>>>,
  Holds<SameKeys<ChartMetadata, Props<typeof metadata>>>,
  Holds<SameKeys<ChartDependency, Props<typeof dependency>>>,
  Holds<SameKeys<CrdSource, Props<typeof source>>>,
  Holds<SameKeys<InputProblem, Props<typeof problem>>>,
];
