// The environment of every child process chart-guard starts (helm, git), defined once: an allow-list, never a copy
// of its own environment minus some names. A job's environment holds secrets (GITHUB_TOKEN, INPUT_GITHUB-TOKEN,
// ACTIONS_RUNTIME_TOKEN, cloud credentials) that no child needs, and a child may run code chosen by the pull request
// (a helm post-renderer or plugin, `--set-file` of /proc/self/environ): what it is not given, it cannot leak.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * What a child takes from chart-guard's environment: PATH, where the workflow put git and helm (trusted). Windows
 * cannot start a process without SYSTEMROOT.
 */
const INHERITED = process.platform === 'win32' ? ['PATH', 'SYSTEMROOT'] : ['PATH'];

let home: string | undefined;

/**
 * An empty folder of this process's own (mode 0700), the HOME of every child: no user's dotfiles (~/.gitconfig,
 * ~/.config/git/ignore, helm's repositories and plugins) change what is read, and a fixed path in /tmp that another
 * user could fill first is never used. Removed when the process exits.
 */
export function privateHome(): string {
  if (!home) {
    const made = mkdtempSync(join(tmpdir(), 'chart-guard-home-'));
    home = made;
    process.once('exit', () => rmSync(made, { recursive: true, force: true }));
  }
  return home;
}

/**
 * A child's whole environment: the inherited allow-list, HOME, and the variables the caller sets for its tool
 * (helm's homes, git's config isolation). Nothing else of chart-guard's environment reaches the child.
 */
export function childEnv(own: Record<string, string>, childHome = privateHome()): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const name of INHERITED) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return { ...env, HOME: childHome, ...own };
}
