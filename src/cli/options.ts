// Command-line flags -> typed options. Parsing is pure: a bad flag is a value ({ ok: false, message }), not a throw,
// so the caller prints one line and exits 2.
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { normaliseKubeVersion } from '../core/config/kube-version.js';
import { didYouMeanText } from '../core/input/nearest.js';
import { refInputProblem } from '../core/repo/ref-input.js';
import type { FailOn } from '../core/report/report.js';
import { parseShard, type Shard } from '../core/shards/shard.js';

export const FORMATS = ['text', 'markdown', 'json', 'sarif', 'plan'] as const;
export type OutputFormat = (typeof FORMATS)[number];
const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'never'];

/** Flags shared by every command that analyses a repository. */
export interface AnalysisFlags {
  repo?: string;
  lockfile?: string;
  values: string[];
  config?: string;
  kubeVersion?: string;
  format: OutputFormat;
  output?: string;
  /** Where to write the rendered diff (--diff FILE). */
  diff?: string;
  /** Where to write the runbook's rendered override files (--plan-dir DIR); the plan's commands name them there. */
  planDir?: string;
  failOn?: FailOn;
  /** Findings already there on the base fail the review too. */
  failOnExisting?: boolean;
  /** A repository's web address (https://github.com/o/r): markdown file:line links to the head commit's files. */
  linkBase?: string;
  /** A helm path, undefined for helm on PATH, null when --no-render. */
  helm?: string | null;
  concurrency?: number;
  /** A render cache folder (--cache DIR) and its size bound in MiB (--cache-max-mb N). */
  cache?: string;
  cacheMaxMb?: number;
  /** Only this shard's chart × environment pairs (--shard 2/3). */
  shard?: Shard;
  verbose: boolean;
}

/** What every command that writes a report takes: where and in which format. */
export type OutputFlags = Pick<AnalysisFlags, 'format' | 'output' | 'diff' | 'planDir' | 'linkBase'>;

export interface MergeFlags extends OutputFlags {
  /** The shard reports, as given. */
  reports: string[];
  failOn?: FailOn;
  failOnExisting?: boolean;
}

export interface ReviewFlags extends AnalysisFlags {
  base?: string;
  head?: string;
  /** Also lint the untouched charts, in the same report. */
  lint: boolean;
  /** Acceptances the change adds count without a second person's approval (acceptance-approval.ts). */
  trustNewAcceptances: boolean;
}

export interface LintFlags extends AnalysisFlags {
  ref?: string;
}

export type Parsed<T> = { ok: true; help: true } | { ok: true; help: false; flags: T } | { ok: false; message: string };

/** What every command that writes a report takes: the format, where it goes, and how it is judged. */
const outputOptions = {
  format: { type: 'string' },
  output: { type: 'string', short: 'o' },
  diff: { type: 'string' },
  'plan-dir': { type: 'string' },
  'fail-on': { type: 'string' },
  'fail-on-existing': { type: 'boolean' },
  'link-base': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} satisfies ParseArgsConfig['options'];

const analysisOptions = {
  repo: { type: 'string' },
  lockfile: { type: 'string' },
  values: { type: 'string', multiple: true },
  config: { type: 'string' },
  'kube-version': { type: 'string' },
  ...outputOptions,
  helm: { type: 'string' },
  // parseArgs on Node 20 has no allowNegative, so the negated flag is its own option.
  'no-render': { type: 'boolean' },
  concurrency: { type: 'string' },
  cache: { type: 'string' },
  'cache-max-mb': { type: 'string' },
  shard: { type: 'string' },
  verbose: { type: 'boolean' },
} satisfies ParseArgsConfig['options'];

const mergeOptions = outputOptions;

const reviewOptions = {
  ...analysisOptions,
  base: { type: 'string' },
  head: { type: 'string' },
  lint: { type: 'boolean' },
  'trust-new-acceptances': { type: 'boolean' },
} satisfies ParseArgsConfig['options'];

const lintOptions = { ...analysisOptions, ref: { type: 'string' } } satisfies ParseArgsConfig['options'];

type Values = Record<string, string | boolean | string[] | undefined>;

function parse(
  args: string[],
  options: ParseArgsConfig['options'],
  positionalsAllowed = false,
): { values: Values; positionals: string[] } | { message: string } {
  try {
    const { values, positionals } = parseArgs({ args, options, strict: true, allowPositionals: true });
    if (positionals.length > 0 && !positionalsAllowed) return { message: `unexpected argument "${positionals[0]}"` };
    return { values: values as Values, positionals };
  } catch (e) {
    // parseArgs errors are TypeErrors with a usable first sentence ("Unknown option '--x'").
    const message = (e as Error).message.split('. ')[0].replace(/\.$/, '');
    const unknown = /^Unknown option '(--?[^']+)'/.exec(message)?.[1];
    if (!unknown) return { message };
    const flags = Object.entries(options ?? {}).flatMap(([name, o]) => [
      `--${name}`,
      ...(o.short ? [`-${o.short}`] : []),
    ]);
    return { message: `${message}${didYouMeanText(unknown.replace(/=.*$/, ''), flags)}` };
  }
}

/** --format, --output, --diff, --link-base and --fail-on, checked. */
function outputFlags(values: Values): (OutputFlags & { failOn?: FailOn }) | string {
  const str = (name: string) => values[name] as string | undefined;
  const nonEmpty = ['output', 'diff', 'plan-dir'].find((n) => str(n) === '');
  if (nonEmpty) return `--${nonEmpty} needs a value`;
  const format = str('format') ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) {
    return `--format must be one of ${FORMATS.join(', ')} (got "${format}")`;
  }
  const failOn = str('fail-on');
  if (failOn !== undefined && !(FAIL_ON as readonly string[]).includes(failOn)) {
    return `--fail-on must be one of ${FAIL_ON.join(', ')} (got "${failOn}")`;
  }
  const linkBase = str('link-base');
  if (linkBase !== undefined && !/^https?:\/\/[^\s()<>]+$/.test(linkBase)) {
    return `--link-base must be an http(s) address such as https://github.com/owner/repo (got "${linkBase}")`;
  }
  return {
    format: format as OutputFormat,
    output: str('output'),
    ...(str('diff') !== undefined ? { diff: str('diff') } : {}),
    ...(str('plan-dir') !== undefined ? { planDir: str('plan-dir') } : {}),
    ...(linkBase === undefined ? {} : { linkBase }),
    failOn: failOn as FailOn | undefined,
  };
}

function analysisFlags(values: Values): AnalysisFlags | string {
  const str = (name: string) => values[name] as string | undefined;
  const nonEmpty = ['repo', 'lockfile', 'config', 'output', 'diff', 'helm', 'cache', 'base', 'head', 'ref'].find(
    (n) => str(n) === '',
  );
  if (nonEmpty) return `--${nonEmpty} needs a value`;
  const badRef = ['base', 'head', 'ref'].map((n) => refInputProblem(`--${n}`, str(n))).find(Boolean);
  if (badRef) return badRef;
  const output = outputFlags(values);
  if (typeof output === 'string') return output;
  let kubeVersion: string | undefined;
  if (str('kube-version') !== undefined) {
    kubeVersion = normaliseKubeVersion(str('kube-version'));
    if (!kubeVersion) return `--kube-version must look like 1.31 (got "${str('kube-version')}")`;
  }
  let concurrency: number | undefined;
  if (str('concurrency') !== undefined) {
    concurrency = Number(str('concurrency'));
    if (!Number.isInteger(concurrency) || concurrency < 1) {
      return `--concurrency must be a whole number of at least 1 (got "${str('concurrency')}")`;
    }
  }
  let cacheMaxMb: number | undefined;
  if (str('cache-max-mb') !== undefined) {
    cacheMaxMb = Number(str('cache-max-mb'));
    if (!Number.isInteger(cacheMaxMb) || cacheMaxMb < 1) {
      return `--cache-max-mb must be a whole number of at least 1 (got "${str('cache-max-mb')}")`;
    }
    if (str('cache') === undefined) return '--cache-max-mb needs --cache DIR';
  }
  let shard: Shard | undefined;
  if (str('shard') !== undefined) {
    const parsed = parseShard(str('shard')!);
    if (typeof parsed === 'string') return `--shard ${parsed}`;
    shard = parsed;
  }
  if (values['no-render'] && str('helm') !== undefined) return '--helm and --no-render cannot be used together';
  const values_ = (values.values as string[] | undefined) ?? [];
  if (values_.some((v) => v.trim() === '')) return '--values needs a pattern';

  return {
    repo: str('repo'),
    lockfile: str('lockfile'),
    values: values_,
    config: str('config'),
    kubeVersion,
    ...output,
    ...(values['fail-on-existing'] ? { failOnExisting: true } : {}),
    helm: values['no-render'] ? null : str('helm'),
    concurrency,
    ...(str('cache') === undefined ? {} : { cache: str('cache') }),
    ...(cacheMaxMb === undefined ? {} : { cacheMaxMb }),
    ...(shard ? { shard } : {}),
    verbose: Boolean(values.verbose),
  };
}

export function parseReviewArgs(args: string[]): Parsed<ReviewFlags> {
  const parsed = parse(args, reviewOptions);
  if ('message' in parsed) return { ok: false, message: parsed.message };
  if (parsed.values.help) return { ok: true, help: true };
  const flags = analysisFlags(parsed.values);
  if (typeof flags === 'string') return { ok: false, message: flags };
  return {
    ok: true,
    help: false,
    flags: {
      ...flags,
      base: parsed.values.base as string | undefined,
      head: parsed.values.head as string | undefined,
      lint: Boolean(parsed.values.lint),
      trustNewAcceptances: Boolean(parsed.values['trust-new-acceptances']),
    },
  };
}

export function parseLintArgs(args: string[]): Parsed<LintFlags> {
  const parsed = parse(args, lintOptions);
  if ('message' in parsed) return { ok: false, message: parsed.message };
  if (parsed.values.help) return { ok: true, help: true };
  const flags = analysisFlags(parsed.values);
  if (typeof flags === 'string') return { ok: false, message: flags };
  return { ok: true, help: false, flags: { ...flags, ref: parsed.values.ref as string | undefined } };
}

export function parseMergeArgs(args: string[]): Parsed<MergeFlags> {
  const parsed = parse(args, mergeOptions, true);
  if ('message' in parsed) return { ok: false, message: parsed.message };
  if (parsed.values.help) return { ok: true, help: true };
  const output = outputFlags(parsed.values);
  if (typeof output === 'string') return { ok: false, message: output };
  if (parsed.positionals.length === 0)
    return { ok: false, message: 'name the shard reports to merge (REPORT.json...)' };
  return {
    ok: true,
    help: false,
    flags: {
      ...output,
      reports: parsed.positionals,
      ...(parsed.values['fail-on-existing'] ? { failOnExisting: true } : {}),
    },
  };
}
