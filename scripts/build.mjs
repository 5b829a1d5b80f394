// Bundles the Action (dist/index.js) and the CLI (dist/cli.js) with esbuild.
// ESM output needs a createRequire banner because some dependencies (yaml, ajv) are CommonJS; see the V8 line below.
// `--outdir DIR` writes the bundles elsewhere than dist/ (benchmarks of a work-in-progress tree).
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const { values: flags } = parseArgs({ options: { outdir: { type: 'string' } } });
const outdir = flags.outdir ?? 'dist';

// The second line tunes V8 on Node 20 and older (V8 11 and older): a run lives a second or two, and TurboFan spent
// a third of a review's CPU compiling functions that were warm, not hot (ten corpus bumps: 1.2 s -> 0.8 s of node
// CPU, measured with scripts/bench-fleet.mjs). A larger interrupt budget optimises only what stays hot (the YAML
// parser on a 5 MB render still is). Node 22 and later tier up through Maglev first and need no tuning; their V8 has
// no such flag, and setting an unknown one prints an error, hence the version check.
const banner = {
  js: [
    "import { createRequire as __cgCreateRequire } from 'node:module'; const require = __cgCreateRequire(import.meta.url);",
    "import { setFlagsFromString as __cgV8Flags } from 'node:v8'; if (Number(process.versions.node.split('.')[0]) <= 20) __cgV8Flags('--interrupt-budget=540672');",
  ].join('\n'),
};
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  banner,
  legalComments: 'none',
  logLevel: 'warning',
  charset: 'utf8',
};
await build({ ...common, entryPoints: ['src/action/index.ts'], outfile: join(outdir, 'index.js') });
await build({
  ...common,
  entryPoints: ['src/cli/index.ts'],
  outfile: join(outdir, 'cli.js'),
  banner: { js: `#!/usr/bin/env node\n${banner.js}` },
});
