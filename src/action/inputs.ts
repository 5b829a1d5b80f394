// Reads the step's inputs (action.yml) and checks them. A bad input is a value with a message for the user,
// never an exception with a stack trace. The names and defaults come from action.yml (action-inputs.ts, generated):
// reading a name action.yml does not declare does not compile.
import * as core from '@actions/core';
import { FAIL_ON_SETTINGS } from '../core/config/config-definition.js';
import { normaliseKubeVersion } from '../core/config/kube-version.js';
import type { FailOn } from '../core/report/report.js';
import { parseShard, type Shard } from '../core/shards/shard.js';
import { ACTION_INPUT_DEFAULTS, type InputName } from './action-inputs.js';

const COMMENT_MODES = ['always', 'on-findings', 'never'] as const;
const ACTION_MODES = ['review', 'lint', 'merge'] as const;
export type CommentMode = (typeof COMMENT_MODES)[number];
export type ActionMode = (typeof ACTION_MODES)[number];

export interface ActionInputs {
  githubToken: string;
  /** Undefined: the config's lockfile, else helm-freeze.yaml. */
  lockfile?: string;
  values: string[];
  configPath: string;
  kubernetesVersion?: string;
  /** Undefined when the input is not given: the config's failOn applies, else error. */
  failOn?: FailOn;
  /** true: findings already there on the base fail the review too; undefined: the base config's failOnExisting. */
  failOnExisting?: boolean;
  comment: CommentMode;
  mode: ActionMode;
  lint: boolean;
  /** Undefined: helm on PATH. */
  helm?: string;
  /** A render cache folder, relative to the workspace; undefined: no cache. */
  cacheDir?: string;
  /** Size bound of the cache folder in MiB; undefined: the default (1024). */
  cacheMaxMb?: number;
  baseRef?: string;
  headRef?: string;
  /** Undefined: chart-guard-report.json in RUNNER_TEMP (or the workspace). */
  reportPath?: string;
  /** Undefined: chart-guard-comment.md in RUNNER_TEMP (or the workspace). */
  commentPath?: string;
  /** Undefined: no SARIF file. */
  sarifPath?: string;
  workingDirectory: string;
  /** Review or lint only this shard's chart × environment pairs (`shard: 2/3`). */
  shard?: Shard;
  /** mode: merge: a glob of the shard reports, relative to the workspace. */
  reports?: string;
}

export type InputsResult = { ok: true; inputs: ActionInputs } | { ok: false; problems: string[] };

/** Reads a GitHub Actions input the way the runner passes it (INPUT_<NAME>). */
export type InputReader = (name: InputName) => string;

const defaultReader: InputReader = (name) => core.getInput(name);

/** Inputs whose default action.yml gives as a literal. */
type Defaulted = { [K in InputName]: (typeof ACTION_INPUT_DEFAULTS)[K] extends string ? K : never }[InputName];

/** The input, else action.yml's default (a reader that is not the runner passes '' for an input not given). */
function withDefault(read: InputReader, name: Defaulted): string {
  return read(name) || ACTION_INPUT_DEFAULTS[name];
}

/** The value if allowed; otherwise a problem (and the first allowed value, never used: the inputs are refused). */
function oneOf<T extends string>(name: InputName, value: string, allowed: readonly T[], problems: string[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  problems.push(`input ${name} is "${value}"; expected one of: ${allowed.join(', ')}`);
  return allowed[0];
}

function optional(read: InputReader, name: InputName): string | undefined {
  return read(name) || undefined;
}

// The YAML 1.2 core schema booleans, as core.getBooleanInput accepts them.
const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];

export function readInputs(read: InputReader = defaultReader): InputsResult {
  const problems: string[] = [];
  const failOnInput = optional(read, 'fail-on');
  const failOn =
    failOnInput === undefined ? undefined : oneOf<FailOn>('fail-on', failOnInput, FAIL_ON_SETTINGS, problems);
  const comment = oneOf<CommentMode>('comment', withDefault(read, 'comment'), COMMENT_MODES, problems);
  const mode = oneOf<ActionMode>('mode', withDefault(read, 'mode'), ACTION_MODES, problems);

  const shardInput = optional(read, 'shard');
  const shard = shardInput === undefined ? undefined : parseShard(shardInput);
  if (typeof shard === 'string') problems.push(`input shard ${shard}`);
  if (shard !== undefined && mode === 'merge') problems.push('input shard is for review and lint, not mode: merge');
  const reports = optional(read, 'reports');
  if (mode === 'merge' && reports === undefined) {
    problems.push('input reports is required with mode: merge (a glob of the shard reports, e.g. reports/*.json)');
  }

  const lintInput = withDefault(read, 'lint');
  if (!TRUE.includes(lintInput) && !FALSE.includes(lintInput)) {
    problems.push(`input lint is "${lintInput}"; expected true or false`);
  }

  const existingInput = read('fail-on-existing');
  if (existingInput && !TRUE.includes(existingInput) && !FALSE.includes(existingInput)) {
    problems.push(`input fail-on-existing is "${existingInput}"; expected true or false`);
  }

  const kubernetesInput = optional(read, 'kubernetes-version');
  const kubernetesVersion = normaliseKubeVersion(kubernetesInput);
  if (kubernetesInput !== undefined && kubernetesVersion === undefined) {
    problems.push(`input kubernetes-version is "${kubernetesInput}"; expected a version such as 1.31`);
  }

  const cacheMaxInput = optional(read, 'cache-max-mb');
  const cacheMaxMb = cacheMaxInput === undefined ? undefined : Number(cacheMaxInput);
  if (cacheMaxMb !== undefined && (!Number.isInteger(cacheMaxMb) || cacheMaxMb < 1)) {
    problems.push(`input cache-max-mb is "${cacheMaxInput}"; expected a whole number of MiB, at least 1`);
  }

  const values = read('values')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    inputs: {
      githubToken: read('github-token'),
      lockfile: optional(read, 'lockfile'),
      values,
      configPath: withDefault(read, 'config'),
      kubernetesVersion,
      failOn,
      ...(existingInput ? { failOnExisting: TRUE.includes(existingInput) } : {}),
      comment,
      mode,
      lint: TRUE.includes(lintInput),
      helm: optional(read, 'helm'),
      ...(optional(read, 'cache-dir') ? { cacheDir: read('cache-dir') } : {}),
      ...(cacheMaxMb === undefined ? {} : { cacheMaxMb }),
      baseRef: optional(read, 'base-ref'),
      headRef: optional(read, 'head-ref'),
      reportPath: optional(read, 'report-path'),
      commentPath: optional(read, 'comment-path'),
      sarifPath: optional(read, 'sarif-path'),
      workingDirectory: withDefault(read, 'working-directory'),
      ...(typeof shard === 'object' ? { shard } : {}),
      ...(reports !== undefined ? { reports } : {}),
    },
  };
}
