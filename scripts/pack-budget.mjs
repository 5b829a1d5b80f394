// `npm run pack-budget`: the npm package stays what runs. Packs the project as `npm publish` would (dry run: nothing
// is written) and fails when the tarball or its unpacked size is over budget, or when it lacks the bin or LICENSE.
// A CI step; test/ship/pack.test.ts runs it too. `--dir DIR` checks another folder's package.
//
// Measured at 0.1.0 (npm pack --dry-run --json): 457,140 bytes packed, 2,037,802 unpacked, 6 files (dist/cli.js 1.82 MB,
// dist/template-worker.cjs 174 KB, README, LICENSE, CHANGELOG, package.json). Issue 23 split the bundle (cli.js, the
// bundle proper cli-main.js and its chunks: parts loaded on first need) and compiled chart-guard's own JSON schemas
// into code at build time (320 KB of validators instead of compiling them at every run): 556,786 packed, 2,751,410
// unpacked, 19 files. The budgets leave room for growth of the bundle; the Action's bundle (action-main.js and its
// chunks, 3.5 MB) or any node_modules folder slipping in breaks them.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const PACKED_BUDGET = 600_000;
const UNPACKED_BUDGET = 3_200_000;

const { values: flags } = parseArgs({ options: { dir: { type: 'string' } } });
const dir = flags.dir ?? join(dirname(fileURLToPath(import.meta.url)), '..');

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const [pack] = JSON.parse(
  execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }),
);
const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));

const paths = new Set(pack.files.map((file) => file.path));
const problems = [];
if (pack.size > PACKED_BUDGET)
  problems.push(`the tarball is ${kb(pack.size)}, over its budget of ${kb(PACKED_BUDGET)}`);
if (pack.unpackedSize > UNPACKED_BUDGET) {
  problems.push(`the package unpacks to ${kb(pack.unpackedSize)}, over its budget of ${kb(UNPACKED_BUDGET)}`);
}
for (const bin of Object.values(pkg.bin ?? {})) {
  if (!paths.has(bin.replace(/^\.\//, ''))) problems.push(`the bin ${bin} is not in the package (package.json files)`);
}
if (!paths.has('LICENSE')) problems.push('LICENSE is not in the package');

process.stdout.write(
  `${pack.filename}: ${kb(pack.size)} of ${kb(PACKED_BUDGET)} packed, ${kb(pack.unpackedSize)} of ` +
    `${kb(UNPACKED_BUDGET)} unpacked, ${pack.entryCount} files\n`,
);
for (const problem of problems) process.stderr.write(`pack-budget: ${problem}\n`);
process.exitCode = problems.length > 0 ? 1 : 0;

function kb(bytes) {
  return `${Math.round(bytes / 1000)} kB`;
}
