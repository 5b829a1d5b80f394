// V8's code cache for the bundle (Node 22.1 and later; the Action runs on Node 24): a run's second start skips
// compiling the 1.8 MB bundle (about 100 ms of CPU). The launchers (src/cli/index.ts, src/action/index.ts) call this
// before they import the bundle, so the bundle itself is compiled with the cache on. Node 20 has no such API: nothing
// happens there.
//
// The folder is the runner's temp (RUNNER_TEMP, one per job, never the pull request's) or the system temp, one per
// user. Code in it runs, so it is used only when it is a real folder of this user that no one else may write to;
// anything else (a folder planted by another user, a symlink, a file) leaves the cache off.
import { lstatSync, mkdirSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where the cache goes for this process's environment; undefined when it must stay off. */
export function compileCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  const root = env.RUNNER_TEMP || tmpdir();
  return join(root, `chart-guard-compile-cache${uid === undefined ? '' : `-${uid}`}`);
}

/** Turns the cache on when this Node has it and the folder is safe; never throws (the run goes on without it). */
export function enableCompileCache(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const enable = (nodeModule as { enableCompileCache?: (dir: string) => unknown }).enableCompileCache;
  const dir = compileCacheDir(env);
  if (typeof enable !== 'function' || dir === undefined) return undefined;
  try {
    if (!privateFolder(dir)) return undefined;
    enable(dir);
    return dir;
  } catch {
    return undefined;
  }
}

/** Makes the folder (this user's only) when missing; true when it is a folder of this user no one else may write to. */
export function privateFolder(dir: string): boolean {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stat = lstatSync(dir);
  if (!stat.isDirectory()) return false;
  if (typeof process.getuid === 'function' && stat.uid !== process.getuid()) return false;
  return (stat.mode & 0o022) === 0; // not writable by the group or others
}
