// The demo pull request, shared by `npm run demo` and the bench: the demo chart repository at the project root
// (helm-freeze.yaml, charts/, values/, .github/chart-guard.yaml) committed as the base, then demo/bump (newer chart
// folders and lockfile) committed as the head, in a fresh git repository at `repo`.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Builds the demo pull request in `repo` (an empty folder); returns its commits and the bumped chart names. */
export function buildDemoRepository(repo) {
  const git = (...args) =>
    execFileSync(
      'git',
      [
        '-c',
        'user.name=chart-guard demo',
        '-c',
        'user.email=demo@example.invalid',
        '-c',
        'commit.gpgsign=false',
        ...args,
      ],
      { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    ).trim();
  const copy = (from, to) => {
    rmSync(join(repo, to), { recursive: true, force: true });
    mkdirSync(dirname(join(repo, to)), { recursive: true });
    cpSync(join(projectRoot, from), join(repo, to), { recursive: true });
  };
  const commit = (message) => {
    git('add', '-A');
    git('commit', '-q', '-m', message);
    return git('rev-parse', 'HEAD');
  };
  git('init', '-q', '-b', 'main');
  for (const path of ['helm-freeze.yaml', 'charts', 'values', '.github/chart-guard.yaml']) copy(path, path);
  const base = commit('Charts as deployed today');
  const bumped = readdirSync(join(projectRoot, 'demo', 'bump', 'charts')).sort();
  for (const chart of bumped) copy(join('demo', 'bump', 'charts', chart), join('charts', chart));
  copy(join('demo', 'bump', 'helm-freeze.yaml'), 'helm-freeze.yaml');
  const head = commit(`Bump ${bumped.join(', ')}`);
  return { base, head, bumped };
}
