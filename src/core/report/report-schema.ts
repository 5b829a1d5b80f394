// The JSON report's structure is defined once, by docs/reference/report.schema.json (draft-07): tools that read the
// report can validate against it, and `chart-guard merge` checks every shard report with it before trusting a field
// (shard reports are untrusted input: docs/reference/report-contract.md, "Shards"). The type checks at the end fail
// when a type of report.ts and its schema definition name different fields, so the two cannot drift apart.
import type { ErrorObject } from 'ajv';
import schema from '../../../docs/reference/report.schema.json' with { type: 'json' };
import { validateReport } from '../generated/report-validator.js';
import { SchemaCheck } from '../input/schema-check.js';
import { READ_MAX_DEPTH } from '../input/yaml-input.js';
import type {
  Acceptance,
  Backup,
  ChartEnvironmentReport,
  ChartReport,
  CrdApply,
  EnvironmentReport,
  Finding,
  ObjectDelete,
  ObjectDiff,
  OrderKinds,
  ReadinessEnvironment,
  ReadinessFacts,
  RenderedDiff,
  RenderStatus,
  Report,
  ReportShard,
  ReportStats,
  ReportSummary,
  ResourceRef,
  UpgradeActions,
  UpgradeNote,
  UpgradeStep,
  ValuesChange,
  ValuesDiff,
} from './report.js';

/** The check of the reports one run reads (a merge): the schema's validator, compiled at build time. */
export function reportCheck(): SchemaCheck {
  return new SchemaCheck(new Map([[schema, validateReport]]));
}

/**
 * Where `value` first breaks the report schema, as a JSON pointer and what is wrong there
 * (`/charts/0/findings/2/severity must be one of error, warning, notice`); undefined for a valid report.
 */
export function reportSchemaProblem(value: unknown, reports: SchemaCheck): string | undefined {
  const tooDeep = pointerPastDepth(value, REPORT_MAX_DEPTH);
  if (tooDeep !== undefined) {
    const shown = tooDeep.split('/').slice(0, 7).join('/'); // its start names the field: the rest is the nesting
    return `${shown}/… is nested deeper than ${REPORT_MAX_DEPTH} levels`;
  }
  const validate = reports.validator(schema);
  if (validate(value)) return undefined;
  const errors = validate.errors ?? [];
  // an anyOf (a value or null) reports each branch: the one that got deepest says most
  const [deepest] = [...errors].sort((a, b) => pointerOf(b).length - pointerOf(a).length);
  return deepest ? `${pointerOf(deepest) || '/'} ${describe(deepest)}` : 'does not match the report schema';
}

/**
 * A report nests values read to READ_MAX_DEPTH (a finding's before/after, a values diff) a few levels down: deeper is
 * no report chart-guard wrote. A forged one 200,000 levels deep passed the schema (before/after take any value) and
 * overflowed the call stack of every later walk (the JSON output, the redactor).
 */
const REPORT_MAX_DEPTH = READ_MAX_DEPTH + 50;

/** The JSON pointer of the first value nested past `limit`, found without recursion; undefined when none is. */
function pointerPastDepth(value: unknown, limit: number): string | undefined {
  const stack: [unknown, string, number][] = [[value, '', 0]];
  while (stack.length > 0) {
    const [item, pointer, depth] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    if (depth >= limit) return pointer || '/';
    for (const [key, child] of Object.entries(item)) {
      stack.push([child, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, depth + 1]);
    }
  }
  return undefined;
}

/** The field an error is about: for a missing or unknown key, the key itself. */
function pointerOf(e: ErrorObject): string {
  const key = (e.params.missingProperty ?? e.params.additionalProperty) as string | undefined;
  return key === undefined ? e.instancePath : `${e.instancePath}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

function describe(e: ErrorObject): string {
  if (e.keyword === 'required') return 'is missing';
  if (e.keyword === 'additionalProperties') return 'is not a field of the report';
  if (e.keyword === 'enum') return `must be one of ${(e.params.allowedValues as unknown[]).map(String).join(', ')}`;
  if (e.keyword === 'const') return `must be ${JSON.stringify(e.params.allowedValue)}`;
  if (e.keyword === 'type') return `must be ${String(e.params.type).split(',').join(' or ')}`;
  return e.message ?? 'is not valid';
}

// ---------- the schema's definitions name exactly the types' fields (a type check, no code) ----------

type Definitions = (typeof schema)['definitions'];
type Fields<K extends keyof Definitions> = Definitions[K] extends { properties: infer P } ? keyof P : never;
type Same<T, K extends keyof Definitions> = [keyof T] extends [Fields<K>]
  ? [Fields<K>] extends [keyof T]
    ? true
    : false
  : false;
type TopLevel = keyof (typeof schema)['properties'];
/** Fails to compile, naming the pair, when a check is false. */
type Holds<T extends true> = T;
export type ReportSchemaMatchesTypes = [
  Holds<[keyof Report] extends [TopLevel] ? ([TopLevel] extends [keyof Report] ? true : false) : false>,
  Holds<Same<Finding, 'finding'>>,
  Holds<Same<Acceptance, 'acceptance'>>,
  Holds<Same<ResourceRef, 'resourceRef'>>,
  Holds<Same<ChartReport, 'chart'>>,
  Holds<Same<RenderStatus, 'renderStatus'>>,
  Holds<Same<ValuesDiff, 'valuesDiff'>>,
  Holds<Same<ValuesChange, 'valuesChange'>>,
  Holds<Same<UpgradeNote, 'upgradeNote'>>,
  Holds<Same<ChartEnvironmentReport, 'chartEnvironment'>>,
  Holds<Same<RenderedDiff, 'renderedDiff'>>,
  Holds<Same<ObjectDiff, 'objectDiff'>>,
  Holds<Same<UpgradeActions, 'upgradeActions'>>,
  Holds<Same<CrdApply, 'crdApply'>>,
  Holds<Same<ObjectDelete, 'objectDelete'>>,
  Holds<Same<Backup, 'backup'>>,
  Holds<Same<UpgradeStep, 'upgradeStep'>>,
  Holds<Same<OrderKinds, 'orderKinds'>>,
  Holds<Same<ReportSummary, 'summary'>>,
  Holds<Same<ReportStats, 'stats'>>,
  Holds<Same<EnvironmentReport, 'environment'>>,
  Holds<Same<ReportShard, 'shard'>>,
  Holds<Same<ReadinessFacts, 'readiness'>>,
  Holds<Same<ReadinessEnvironment, 'readinessEnvironment'>>,
];
