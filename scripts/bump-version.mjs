// `npm run bump-version -- X.Y.Z`: the one commit that makes a release, before `npm run release -- tag`.
// Sets the version in package.json and package-lock.json, turns CHANGELOG.md's [Unreleased] into the version's dated
// section, and points the docs' examples at it (`chart-guard@v<major>`, the pre-commit `rev: vX.Y.Z`; a prerelease
// leaves the docs alone: users are not sent to it). Only files change; nothing is committed or tagged.
// Flags: --date YYYY-MM-DD (default: today, UTC), --dir DIR (default: the project).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import semver from 'semver';
import { isVersionedDoc, releaseChangelog, setDocVersions } from './release-files.mjs';

const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: { date: { type: 'string' }, dir: { type: 'string' } },
});
const dir = flags.dir ?? join(dirname(fileURLToPath(import.meta.url)), '..');
const date = flags.date ?? new Date().toISOString().slice(0, 10);

function fail(message) {
  process.stderr.write(`bump-version: ${message}\n`);
  process.exit(1);
}

const version = semver.valid(positionals[0] ?? '');
if (positionals.length !== 1 || !version) fail('usage: npm run bump-version -- X.Y.Z [--date YYYY-MM-DD]');
if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) fail(`--date must be YYYY-MM-DD (got "${date}")`);

const read = (path) => readFileSync(join(dir, path), 'utf8');
const pkg = JSON.parse(read('package.json'));
if (!semver.gt(version, pkg.version)) fail(`${version} is not above the current version ${pkg.version}`);

const changelog = releaseChangelog(read('CHANGELOG.md'), version, date);
if (changelog.problem) fail(changelog.problem);

const writes = new Map([
  ['package.json', `${JSON.stringify({ ...pkg, version }, null, 2)}\n`],
  ['CHANGELOG.md', changelog.text],
]);
const lock = JSON.parse(read('package-lock.json'));
lock.version = version;
if (lock.packages?.['']) lock.packages[''].version = version;
writes.set('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);

if (!semver.prerelease(version)) {
  for (const path of docsIn(dir)) {
    const text = read(path);
    const updated = setDocVersions(text, version);
    if (updated !== text) writes.set(path, updated);
  }
}

for (const [path, text] of writes) writeFileSync(join(dir, path), text);
process.stdout.write(`${pkg.version} -> ${version}: ${[...writes.keys()].join(', ')}\n`);
// the bundles carry the version (chart-guard --version, the report's tool.version): dist/ changes with it
process.stdout.write('next: npm run build, commit with dist/, then npm run release -- tag\n');

/** README.md, SECURITY.md and docs/**.md under dir, as repository paths. */
function docsIn(root) {
  const paths = ['README.md', 'SECURITY.md'];
  if (existsSync(join(root, 'docs'))) {
    for (const entry of readdirSync(join(root, 'docs'), { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) paths.push(relative(root, join(entry.parentPath ?? entry.path, entry.name)));
    }
  }
  return paths.filter((path) => isVersionedDoc(path) && existsSync(join(root, path)));
}
