// `chart-guard merge REPORT.json...`: the JSON reports of a sharded run, read and merged (core/shards/merge-reports.ts),
// then written like any report. A file that cannot be read or merged is one line naming it (exit 2).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { reportCheck } from '../core/report/report-schema.js';
import { mergeReports, parseReport, type ReportInput } from '../core/shards/merge-reports.js';
import { type CliIo, emitReport, UsageProblem } from './analysis.js';
import { MERGE_HELP } from './help.js';
import { parseMergeArgs } from './options.js';

/** A report the user named that cannot be merged: not a usage mistake, but the same exit code and one line. */
export class MergeProblem extends Error {}

export async function mergeCommand(args: string[], io: CliIo): Promise<number | UsageProblem> {
  const parsed = parseMergeArgs(args);
  if (!parsed.ok) return new UsageProblem(parsed.message);
  if (parsed.help) {
    io.stdout.write(MERGE_HELP);
    return 0;
  }
  const { flags } = parsed;
  const inputs: ReportInput[] = [];
  const reports = reportCheck();
  for (const file of flags.reports) {
    let text: string;
    try {
      text = readFileSync(resolve(io.cwd, file), 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new MergeProblem(`${file}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
    }
    const read = parseReport(file, text, reports);
    if (!read.ok) throw new MergeProblem(read.refusal.message);
    inputs.push(read.input);
  }
  const merged = mergeReports(inputs, { failOn: flags.failOn, failOnExisting: flags.failOnExisting });
  if (!merged.ok) throw new MergeProblem(merged.refusal.message);
  return await emitReport(merged.report, flags, io);
}
