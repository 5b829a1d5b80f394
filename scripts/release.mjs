// The git work of a release; never pushes, never calls GitHub (the release workflow does that with what this prints).
//
//   node scripts/release.mjs tag [--dir DIR]
//     On a maintainer's machine, after the bump-version commit: checks the committed tree (clean, the version not yet
//     tagged, CHANGELOG.md has its section, the docs name it) and makes the annotated tag vX.Y.Z at HEAD.
//   node scripts/release.mjs prepare vX.Y.Z [--dir DIR] [--notes FILE] [--outputs FILE]
//     In .github/workflows/release.yml, after the dist/ and test checks: checks the files as the tag has them (read
//     with git show, whatever is checked out), writes the release notes (the version's CHANGELOG.md section) to
//     --notes, and moves the major tag (v1) to the tag's commit when this is the highest stable release of its major
//     (a fix for an older minor leaves v1 where it is; a prerelease moves nothing). --outputs gets key=value lines
//     for $GITHUB_OUTPUT: version, major, major-moved, prerelease, latest.
//
// Problems a maintainer can fix are one line each on stderr and exit 1; usage errors exit 2.
import { execFileSync } from 'node:child_process';
import { appendFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import semver from 'semver';
import {
  changelogSection,
  docVersionProblems,
  hasEntries,
  isVersionedDoc,
  majorTagOf,
  versionOfTag,
} from './release-files.mjs';

const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: { dir: { type: 'string' }, notes: { type: 'string' }, outputs: { type: 'string' } },
});
const dir = flags.dir ?? join(dirname(fileURLToPath(import.meta.url)), '..');
const git = (...args) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const gitOk = (...args) => {
  try {
    return git(...args);
  } catch {
    return undefined;
  }
};

const [command, tagArg] = positionals;
if (command === 'tag' && positionals.length === 1) tagHead();
else if (command === 'prepare' && positionals.length === 2) prepare(tagArg);
else usage();

function usage() {
  process.stderr.write('usage: node scripts/release.mjs tag | prepare vX.Y.Z [--notes FILE] [--outputs FILE]\n');
  process.exit(2);
}

function fail(problems) {
  for (const problem of problems) process.stderr.write(`release: ${problem}\n`);
  process.exit(1);
}

function tagHead() {
  if (git('status', '--porcelain').trim() !== '') {
    fail(['the working tree has uncommitted changes: commit the bump first (npm run bump-version -- X.Y.Z)']);
  }
  const version = JSON.parse(git('show', 'HEAD:package.json')).version;
  const tag = `v${version}`;
  if (gitOk('rev-parse', '-q', '--verify', `refs/tags/${tag}`) !== undefined) {
    fail([`${tag} is already tagged: bump the version first (npm run bump-version -- X.Y.Z)`]);
  }
  const problems = releaseProblems('HEAD', version);
  if (problems.length > 0) fail(problems);
  git('tag', '-a', tag, '-m', `chart-guard ${version}`, 'HEAD');
  process.stdout.write(`tagged ${tag} at ${git('rev-parse', '--short', 'HEAD').trim()}; publish it with:\n`);
  process.stdout.write(`  git push origin ${tag}\n`);
}

function prepare(tag) {
  const version = versionOfTag(tag);
  if (!version) fail([`"${tag}" is not a release tag (vX.Y.Z or vX.Y.Z-pre)`]);
  const commit = gitOk('rev-parse', '-q', '--verify', `refs/tags/${tag}^{commit}`)?.trim();
  if (!commit) fail([`there is no tag ${tag} in ${dir}`]);
  const problems = releaseProblems(commit, version);
  if (problems.length > 0) fail(problems);

  const notes = changelogSection(git('show', `${commit}:CHANGELOG.md`), version);
  if (flags.notes) writeFileSync(flags.notes, `${notes}\n`);
  else process.stdout.write(`${notes}\n`);

  const major = majorTagOf(version);
  const stable = releasedVersions();
  const highestOfMajor = stable.filter((v) => `v${semver.major(v)}` === major).sort(semver.rcompare)[0];
  const moveMajor = major !== undefined && highestOfMajor === version;
  if (moveMajor) git('tag', '-f', '-a', major, '-m', `${major}: chart-guard ${version}`, commit);
  const latest = major !== undefined && stable.sort(semver.rcompare)[0] === version;
  const outputs = {
    version,
    major: major ?? '',
    'major-moved': String(moveMajor),
    prerelease: String(major === undefined),
    latest: String(latest),
  };
  if (flags.outputs) {
    appendFileSync(
      flags.outputs,
      Object.entries(outputs)
        .map(([k, v]) => `${k}=${v}\n`)
        .join(''),
    );
  }
  const majorLine = moveMajor
    ? `${major} moved to ${tag}`
    : major
      ? `${major} stays at v${highestOfMajor} (newer than ${tag})`
      : 'prerelease: no major tag moves';
  process.stderr.write(`release: ${tag} at ${commit.slice(0, 7)}; ${majorLine}\n`);
}

/** The stable versions tagged vX.Y.Z in the repository (the new tag included). */
function releasedVersions() {
  return git('tag', '--list', 'v*')
    .split('\n')
    .map((tag) => versionOfTag(tag.trim()))
    .filter((version) => version !== undefined && !semver.prerelease(version));
}

/** What keeps `commit` from being released as `version`, one line each, naming the file and line. */
function releaseProblems(commit, version) {
  const problems = [];
  const pkg = JSON.parse(git('show', `${commit}:package.json`));
  if (pkg.version !== version) problems.push(`package.json says version ${pkg.version}, the tag ${version}`);
  const changelog = gitOk('show', `${commit}:CHANGELOG.md`);
  if (changelog === undefined) problems.push('there is no CHANGELOG.md');
  else if (!hasEntries(changelogSection(changelog, version))) {
    problems.push(`CHANGELOG.md has no entries under "## [${version}]": run npm run bump-version -- ${version}`);
  }
  if (!semver.prerelease(version)) {
    const docs = git('ls-tree', '-r', '--name-only', commit).split('\n').filter(isVersionedDoc);
    for (const path of docs) {
      for (const p of docVersionProblems(git('show', `${commit}:${path}`), version)) {
        problems.push(`${path}:${p.line}: ${p.found} should be ${p.want} (npm run bump-version -- ${version})`);
      }
    }
  }
  return problems;
}
