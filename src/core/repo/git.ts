// Runs git as a child process. All repository access goes through here so errors carry the command, and every git
// gets the same isolated environment.
import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';
import { devNull } from 'node:os';
import { childEnv } from '../runtime/child-env.js';

export class GitError extends Error {
  constructor(
    readonly args: string[],
    readonly stderr: string,
    readonly exitCode: number | null,
  ) {
    super(`git ${args.join(' ')} failed (exit ${exitCode}): ${stderr.trim().split('\n').slice(0, 3).join(' ')}`);
  }
}

/**
 * git's environment (child-env.ts): no system or user config (an alias, `core.fsmonitor`, `url.insteadOf` or an
 * excludes file of the machine would change what is read or run code), the repository's own .git/config still read
 * (written by the workflow's checkout: fetch credentials, remotes), C messages, no credential prompt.
 * `safe.directory=*`: the folder is the workflow's choice (trusted), and without the user config the entry
 * actions/checkout adds for container jobs would be lost.
 */
export function gitEnv(): NodeJS.ProcessEnv {
  return childEnv({
    ...proxySettings(),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: devNull,
    GIT_CONFIG_COUNT: '1',
    GIT_CONFIG_KEY_0: 'safe.directory',
    GIT_CONFIG_VALUE_0: '*',
    GIT_TERMINAL_PROMPT: '0',
    LANG: 'C',
  });
}

/**
 * The runner's proxy settings, for the one network call git makes (fetching a ref the checkout lacks, from the
 * workflow's own origin). They come from the runner or the workflow (trusted), never from the repository, and a
 * self-hosted runner behind a proxy cannot fetch without them. helm gets none: it renders offline.
 */
const PROXY_VARIABLES = ['HTTPS_PROXY', 'HTTP_PROXY', 'ALL_PROXY', 'NO_PROXY'].flatMap((n) => [n, n.toLowerCase()]);

function proxySettings(): Record<string, string> {
  const settings: Record<string, string> = {};
  for (const name of PROXY_VARIABLES) {
    const value = process.env[name];
    if (value !== undefined) settings[name] = value;
  }
  return settings;
}

/**
 * Starts git in the isolated environment. Callers put every argument that is not chart-guard's own after
 * `--end-of-options` (git 2.24 and later): a ref or sha can then never be read as an option such as `--output=`
 * or `--upload-pack=`.
 */
export function spawnGit(cwd: string, args: string[], options: Omit<SpawnOptions, 'cwd' | 'env'> = {}): ChildProcess {
  return spawn('git', args, { ...options, cwd, env: gitEnv() });
}

export function runGit(cwd: string, args: string[], input?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawnGit(cwd, args, { stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout!.on('data', (d: Buffer) => out.push(d));
    child.stderr!.on('data', (d: Buffer) => err.push(d));
    child.on('error', (e) => reject(new GitError(args, e.message, null)));
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new GitError(args, Buffer.concat(err).toString('utf8'), code));
    });
    if (child.stdin) {
      // git may exit before reading its input (a bad ref): that is reported by the exit code, not as EPIPE.
      child.stdin.on('error', () => {});
      child.stdin.end(input);
    }
  });
}

export async function gitText(cwd: string, args: string[]): Promise<string> {
  return (await runGit(cwd, args)).toString('utf8').trim();
}

export async function tryGitText(cwd: string, args: string[]): Promise<string | undefined> {
  try {
    return await gitText(cwd, args);
  } catch {
    return undefined;
  }
}

/** The commit a ref names, or undefined; the ref comes after `--end-of-options`, so it is never an option. */
export function commitOf(cwd: string, ref: string): Promise<string | undefined> {
  return tryGitText(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
}
