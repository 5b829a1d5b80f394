// `chart-guard merge` and the Action's `mode: merge`: the reports of a sharded run (`--shard i/n`, shard.ts) put
// back together into the one report the unsharded run would have written, then judged again: counts, verdict,
// needs-reinstall and acceptances are recomputed over every shard. Reports of different commits, configs or runs
// are refused, and so is an incomplete set of shards: a release gate must not pass on the part it saw.
// No file system and no GitHub: parsed reports in, one report or a refusal out.
// Shard reports are untrusted input: each is checked against the report schema (docs/reference/report.schema.json)
// before any field is used, and what can be worked out from the findings (counts, verdict, needs-reinstall) is
// worked out again, never copied. Their texts reach every output through the same escaping as any finding's.

import type { SchemaCheck } from '../input/schema-check.js';
import { type FailOn, type Report, summarise, verdictOf } from '../report/report.js';
import { reportSchemaProblem } from '../report/report-schema.js';
import { isMap } from '../values/key-path.js';
import { combine, reinstallOf, withoutShard } from './merged-report.js';

/** One report as read from its file. */
export interface ReportInput {
  /** The file it came from, as the user named it: every refusal names the files. */
  file: string;
  report: Report;
}

export type RefusalKind =
  | 'not-json'
  | 'not-a-report'
  | 'no-reports'
  | 'mismatch'
  | 'unsharded'
  | 'shard-twice'
  | 'shard-missing'
  | 'different-runs';

export interface MergeRefusal {
  kind: RefusalKind;
  /** The files concerned (one or two). */
  files: string[];
  /** One line for the user, naming the files. */
  message: string;
}

export type MergeOutcome = { ok: true; report: Report } | { ok: false; refusal: MergeRefusal };

export interface MergeOptions {
  /** The fail-on policy of the merged verdict; default the reports' own (they must then agree). */
  failOn?: FailOn;
  failOnExisting?: boolean;
}

const refuse = (kind: RefusalKind, files: string[], message: string): { ok: false; refusal: MergeRefusal } => ({
  ok: false,
  refusal: { kind, files, message },
});

/**
 * A report file's text, checked to be a chart-guard report (schemaVersion 1) and to match the report schema before
 * anything trusts its shape; a refusal names the file and the field (a JSON pointer).
 */
export function parseReport(
  file: string,
  text: string,
  reports: SchemaCheck,
): { ok: true; input: ReportInput } | { ok: false; refusal: MergeRefusal } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return refuse('not-json', [file], `${file} is not JSON (${(error as Error).message.split('\n')[0]})`);
  }
  const problem = reportShapeProblem(value, reports);
  if (problem) return refuse('not-a-report', [file], `${file} is not a chart-guard JSON report: ${problem}`);
  return { ok: true, input: { file, report: value as Report } };
}

function reportShapeProblem(value: unknown, reports: SchemaCheck): string | undefined {
  if (!isMap(value)) return 'it is not a JSON object';
  const tool = value.tool;
  if (!isMap(tool) || tool.name !== 'chart-guard') return 'no tool.name "chart-guard"';
  if (value.schemaVersion !== 1) return `schemaVersion is ${JSON.stringify(value.schemaVersion)}, not 1`;
  return reportSchemaProblem(value, reports);
}

/** What two reports of one run share; the first difference found refuses the merge. */
const SAME_RUN: { what: string; of: (report: Report) => unknown }[] = [
  { what: 'base commits', of: (r) => r.base?.sha ?? null },
  { what: 'head commits', of: (r) => r.head.sha },
  { what: 'modes', of: (r) => r.mode },
  { what: 'lockfiles', of: (r) => r.lockfile },
  { what: 'configs (configDigest)', of: (r) => r.configDigest ?? null },
  { what: 'shard counts', of: (r) => r.shard?.count ?? null },
];

const shortValue = (value: unknown) =>
  typeof value === 'string' && /^[0-9a-f]{40}$/.test(value) ? value.slice(0, 12) : JSON.stringify(value);

/**
 * The shards' reports as one report, or why they cannot be merged. One unsharded report merges alone (its verdict
 * made again with `options.failOn`); an unsharded report never merges with another: it is a whole run already.
 */
export function mergeReports(inputs: readonly ReportInput[], options: MergeOptions = {}): MergeOutcome {
  if (inputs.length === 0) return refuse('no-reports', [], 'no report to merge');
  const [first] = inputs;
  for (const input of inputs.slice(1)) {
    for (const { what, of } of SAME_RUN) {
      const [a, b] = [of(first.report), of(input.report)];
      if (a !== b) {
        return refuse(
          'mismatch',
          [first.file, input.file],
          `${first.file} and ${input.file} cannot be merged: different ${what} (${shortValue(a)} vs ${shortValue(b)})`,
        );
      }
    }
  }
  const failOn = options.failOn ?? agreed(inputs, (r) => r.failOn ?? 'error');
  const failOnExisting = options.failOnExisting ?? agreed(inputs, (r) => r.failOnExisting ?? false);
  if (typeof failOn === 'object' || typeof failOnExisting === 'object') {
    const [a, b] = (typeof failOn === 'object' ? failOn : failOnExisting) as [ReportInput, ReportInput];
    const flag = typeof failOn === 'object' ? '--fail-on' : '--fail-on-existing';
    return refuse(
      'mismatch',
      [a.file, b.file],
      `${a.file} and ${b.file} were judged with different fail-on policies: give ${flag} to merge them`,
    );
  }

  const unsharded = inputs.find((input) => !input.report.shard);
  if (unsharded) {
    if (inputs.length > 1) {
      return refuse(
        'unsharded',
        [unsharded.file],
        `${unsharded.file} is the report of a whole run (no --shard): it merges with nothing else`,
      );
    }
    return { ok: true, report: judged(withoutShard(first.report), failOn, failOnExisting) };
  }

  const byIndex = new Map<number, ReportInput>();
  for (const input of inputs) {
    const { index, count } = input.report.shard!;
    const twice = byIndex.get(index);
    if (twice) {
      return refuse(
        'shard-twice',
        [twice.file, input.file],
        `shard ${index}/${count} is given twice: ${twice.file} and ${input.file}`,
      );
    }
    byIndex.set(index, input);
  }
  const count = first.report.shard!.count;
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((index) => !byIndex.has(index));
  if (missing.length > 0) {
    return refuse(
      'shard-missing',
      inputs.map((input) => input.file),
      `shard${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${count} ${missing.length > 1 ? 'are' : 'is'} missing: the merged report would not cover the whole run`,
    );
  }
  const runCharts = first.report.shard!.runCharts;
  const other = inputs.find((input) => JSON.stringify(input.report.shard!.runCharts) !== JSON.stringify(runCharts));
  if (other) {
    return refuse(
      'different-runs',
      [first.file, other.file],
      `${first.file} and ${other.file} are shards of different runs: they list different charts`,
    );
  }
  // shard order: the merged report does not depend on the order the files were given in
  const reports = [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, input]) => input.report);
  return { ok: true, report: judged(combine(reports, runCharts), failOn, failOnExisting) };
}

/** The value every report agrees on, or two reports that disagree. */
function agreed<T>(inputs: readonly ReportInput[], of: (report: Report) => T): T | [ReportInput, ReportInput] {
  const value = of(inputs[0].report);
  const other = inputs.find((input) => of(input.report) !== value);
  return other ? [inputs[0], other] : value;
}

/** The verdict and counts made again from the findings, with the merged policy: a shard's own are never kept. */
function judged(report: Report, failOn: FailOn, failOnExisting: boolean): Report {
  const charts = report.charts.map(({ reinstallReason: _, ...chart }) => ({
    ...chart,
    ...reinstallOf(chart.findings),
  }));
  const summary = summarise({ ...report, charts });
  const { failOnExisting: _, ...rest } = report;
  return {
    ...rest,
    charts,
    summary,
    verdict: verdictOf(summary, failOn, failOnExisting),
    failOn,
    ...(failOnExisting ? { failOnExisting } : {}),
  };
}
