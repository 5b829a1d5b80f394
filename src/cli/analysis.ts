// The part every analysing command shares: find the repository, turn flags into core options, produce the report,
// format it, write it, and map the verdict to an exit code. Commands differ only in how they produce the report.
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { ReviewOptions } from '../core/pipeline/review.js';
import { DEFAULT_CONFIG_PATH } from '../core/pipeline/workspace.js';
import { renderCacheOptions } from '../core/render/render-cache.js';
import { repoRoot } from '../core/repo/open.js';
import { readText, type Snapshot } from '../core/repo/snapshot.js';
import type { Report } from '../core/report/report.js';
import { ruleDescriptions } from '../core/rules/index.js';
import { writeFileAtomic } from '../core/runtime/atomic-write.js';
import { severityCountsText } from '../format/describe.js';
import { renderJson } from '../format/json.js';
import { commentMarker, renderComment } from '../format/markdown.js';
import { renderPlan } from '../format/plan.js';
import { writePlanFiles } from '../format/plan-files.js';
import { renderDiffFile } from '../format/rendered-diff.js';
import { renderText } from '../format/text.js';
import type { AnalysisFlags, OutputFlags, OutputFormat } from './options.js';
import { type OutputStream, progressReporter, useColor } from './terminal.js';

export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
  toolVersion: string;
}

/** Options every command passes to the core, before it adds its own snapshots. */
export type CommonOptions = Omit<ReviewOptions, 'base' | 'head'>;

export class UsageProblem {
  constructor(readonly message: string) {}
}

/** A path flag is read relative to the repository root (like the config file and the Action inputs). */
function repoRelative(repoDir: string, flag: string, path: string | undefined): string | undefined | UsageProblem {
  if (path === undefined || !isAbsolute(path)) return path;
  const real = existsSync(path) ? realpathSync(path) : path;
  const rel = relative(realpathSync(repoDir), real);
  if (rel.startsWith('..') || isAbsolute(rel)) return new UsageProblem(`--${flag} ${path} is outside the repository`);
  return rel.split(sep).join('/');
}

/**
 * `--config FILE`: the file as it is on disk, wherever it is (relative to the current folder, else to the repository
 * root as before): the user's own flag, so it is the config and the policy of every side of the run, never the
 * snapshots' copy. Findings name it by its repository path when it is inside the repository.
 */
function localConfig(repoDir: string, flag: string, io: CliIo): { path: string; text: string } | UsageProblem {
  const isFile = (path: string) => existsSync(path) && statSync(path).isFile();
  const file = [resolve(io.cwd, flag), resolve(repoDir, flag)].find(isFile);
  if (file === undefined) return new UsageProblem(`--config ${flag}: no such file`);
  const rel = relative(realpathSync(repoDir), realpathSync(file));
  const inside = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  return { path: inside ? rel.split(sep).join('/') : file, text: readFileSync(file, 'utf8') };
}

/** Resolves the repository and the core options; a UsageProblem for flags that name missing things. */
export async function commonOptions(flags: AnalysisFlags, io: CliIo): Promise<CommonOptions | UsageProblem> {
  const start = resolve(io.cwd, flags.repo ?? '.');
  if (!existsSync(start) || !statSync(start).isDirectory())
    return new UsageProblem(`--repo ${flags.repo}: no such directory`);
  let helm = flags.helm;
  if (typeof helm === 'string') {
    helm = resolve(io.cwd, helm);
    if (!existsSync(helm)) return new UsageProblem(`--helm ${flags.helm}: no such file`);
  }
  const repoDir = await repoRoot(start);
  const lockfile = repoRelative(repoDir, 'lockfile', flags.lockfile);
  if (lockfile instanceof UsageProblem) return lockfile;
  const trustedConfig = flags.config === undefined ? undefined : localConfig(repoDir, flags.config, io);
  if (trustedConfig instanceof UsageProblem) return trustedConfig;
  return {
    repoDir,
    lockfile,
    ...(trustedConfig ? { trustedConfig } : {}),
    values: flags.values.length > 0 ? flags.values : undefined,
    kubernetesVersion: flags.kubeVersion,
    failOn: flags.failOn,
    failOnExisting: flags.failOnExisting,
    helm,
    concurrency: flags.concurrency,
    ...(flags.cache === undefined ? {} : { cache: renderCacheOptions(resolve(io.cwd, flags.cache), flags.cacheMaxMb) }),
    shard: flags.shard,
    progress: progressReporter(io.stderr, flags.verbose),
    toolVersion: io.toolVersion,
  };
}

/** The sides of a run as the user named them, for the config notice. */
export interface RunSides {
  head: Snapshot;
  /** How the user named the head: a ref, or undefined for the working tree. */
  headRef?: string;
  base?: Snapshot;
  baseRef?: string;
}

/**
 * A notice for stderr when the working tree's config is not the config the run applies as it is: a lint or review
 * of a commit reads the commit's config, and a review of the working tree applies its config under the base's
 * policy. Says which was used, why, and how to use the local one (--config). Nothing with --config (the user chose).
 */
export async function configNotice(options: CommonOptions, sides: RunSides): Promise<string | undefined> {
  if (options.trustedConfig) return undefined;
  const path = DEFAULT_CONFIG_PATH;
  const file = resolve(options.repoDir, path);
  const local = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  const use = `pass --config ${path} to apply the working tree's as it is`;
  if (sides.headRef !== undefined) {
    const atHead = await readText(sides.head, path);
    if (atHead === local) return undefined;
    const edit = local === undefined ? 'deletion' : 'edit';
    const read =
      atHead === undefined ? `the defaults (${sides.headRef} has no ${path})` : `${path} as ${sides.headRef} has it`;
    return `chart-guard: notice: the config is ${read}: the working tree's ${edit} of it is not read; ${use}.\n`;
  }
  if (!sides.base) return undefined;
  const atBase = await readText(sides.base, path);
  if (atBase === local) return undefined;
  return `chart-guard: notice: the config is the working tree's ${path}, under the policy of the base (${sides.baseRef}): where it weakens the base's, the base's applies and a policy-changed finding says so; ${use}.\n`;
}

/** The report in `format`, ending with a line break. */
async function formatReport(report: Report, format: OutputFormat, color: boolean, flags: OutputFlags): Promise<string> {
  const text = await render(report, format, color, flags);
  return text.endsWith('\n') ? text : `${text}\n`;
}

async function render(report: Report, format: OutputFormat, color: boolean, flags: OutputFlags): Promise<string> {
  switch (format) {
    case 'json':
      return renderJson(report);
    // loaded when asked for (issue 23, "start less"): a chunk of its own, as the rules' descriptions it needs
    case 'sarif': {
      const { renderSarif } = await import('../format/sarif.js');
      return renderSarif(report, { ruleDescriptions: ruleDescriptions() });
    }
    // The body the Action posts, marker first, so the workflow_run recipe can post or update it the same way.
    case 'markdown':
      return renderComment(report, {
        marker: commentMarker(report.lockfile),
        linkBase: headLinkBase(report, flags.linkBase),
      });
    case 'text':
      return renderText(report, { color });
    // The upgrade runbook: Markdown with copyable shell blocks (src/core/runbook/upgrade-plan.ts).
    case 'plan':
      return renderPlan(report, { planDir: flags.planDir });
  }
}

/** `--link-base https://github.com/o/r` → `https://github.com/o/r/blob/<head sha>`; nothing without a head sha. */
function headLinkBase(report: Report, linkBase: string | undefined): string | undefined {
  if (!linkBase || !report.head.sha) return undefined;
  return `${linkBase.replace(/\/+$/, '')}/blob/${report.head.sha}`;
}

/** Prints or writes the report and returns the exit code: 1 when the fail-on policy failed the run, else 0. */
export async function emitReport(report: Report, flags: OutputFlags, io: CliIo): Promise<number> {
  // the rendered diff goes to its own file: it is a patch for people and diff tools, not part of any format
  if (flags.diff) writeFileAtomic(resolve(io.cwd, flags.diff), renderDiffFile(report));
  // the runbook's rendered override files, named in the plan's commands as --plan-dir was given
  if (flags.planDir) writePlanFiles(report, resolve(io.cwd, flags.planDir));
  if (flags.output) {
    const file = resolve(io.cwd, flags.output);
    writeFileAtomic(file, await formatReport(report, flags.format, false, flags));
    const { errors, warnings, notices } = report.summary;
    const counts = severityCountsText({ error: errors, warning: warnings, notice: notices }) || 'no findings';
    io.stdout.write(`chart-guard: ${report.verdict} (${counts}); ${flags.format} report written to ${flags.output}\n`);
  } else {
    io.stdout.write(await formatReport(report, flags.format, useColor(io.env, Boolean(io.stdout.isTTY)), flags));
  }
  return report.verdict === 'fail' ? 1 : 0;
}
