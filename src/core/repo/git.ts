// Runs git as a child process. All repository access goes through here so errors carry the command.
import { spawn } from 'node:child_process';

export class GitError extends Error {
  constructor(
    readonly args: string[],
    readonly stderr: string,
    readonly exitCode: number | null,
  ) {
    super(`git ${args.join(' ')} failed (exit ${exitCode}): ${stderr.trim().split('\n').slice(0, 3).join(' ')}`);
  }
}

export function runGit(cwd: string, args: string[], input?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
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
