// `npm run demo`: a realistic chart-bump pull request, reviewed by the built CLI.
// Copies the demo chart repository at the project root (helm-freeze.yaml, charts/, values/, .github/chart-guard.yaml)
// into a throwaway git repository (commit = base), applies demo/bump (newer chart folders and lockfile; commit = head),
// then prints the text report and writes the pull request comment chart-guard would post.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDemoRepository, projectRoot as root } from './demo-repository.mjs';

const cli = join(root, 'dist', 'cli.js');
const bundledHelm = join(root, '.cache', 'helm', 'v4', 'helm');

if (!existsSync(cli)) {
  console.error('demo: dist/cli.js is missing; run `npm run build` first (`npm run demo` does it for you).');
  process.exit(2);
}

// The throwaway repository is removed when the demo ends, unless `npm run demo -- --keep` asks to keep it for
// trying more commands on it (the demo then says where it is).
const keep = process.argv.includes('--keep');
const repo = mkdtempSync(join(tmpdir(), 'chart-guard-demo-'));
if (!keep) process.once('exit', () => rmSync(repo, { recursive: true, force: true }));
const { base, head, bumped } = buildDemoRepository(repo);

// The packaged helm v4 when `npm run provision-helm` extracted it (linux x64), else helm on PATH.
const helmArgs = existsSync(bundledHelm) ? ['--helm', bundledHelm] : [];
const review = (...args) =>
  spawnSync(process.execPath, [cli, 'review', '--repo', repo, '--base', base, '--head', head, ...helmArgs, ...args], {
    stdio: 'inherit',
  }).status;

console.log(`Demo pull request in ${repo}: ${base.slice(0, 7)} -> ${head.slice(0, 7)} (bumps ${bumped.join(', ')})\n`);
const textStatus = review();
const comment = join(repo, 'chart-guard-comment.md');
const commentStatus = review('--format', 'markdown', '--output', comment);

// Exit 1 means "this bump breaks helm upgrade": the expected outcome of the demo, not a failure of it.
if (![0, 1].includes(textStatus) || ![0, 1].includes(commentStatus)) {
  console.error(`demo: chart-guard could not run the review (exit ${textStatus}/${commentStatus})`);
  process.exit(2);
}
// one fixed file, overwritten by each run: the comment outlives the repository without piling up
const kept = join(tmpdir(), 'chart-guard-demo-comment.md');
copyFileSync(comment, kept);
console.log(`\nThe pull request comment chart-guard would post: ${kept}`);
if (keep) {
  console.log(
    `The demo repository, kept because of --keep (try \`node dist/cli.js review --repo ${repo} --base HEAD~1 --format json\`; remove it when done): ${repo}`,
  );
} else {
  console.log('The demo repository was removed (`npm run demo -- --keep` keeps it to try more commands).');
}
