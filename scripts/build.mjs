// Bundles the Action (dist/index.js) and the CLI (dist/cli.js) with esbuild.
// ESM output needs a createRequire banner because some dependencies (yaml, ajv) are CommonJS; see the V8 line below.
// `--outdir DIR` writes the bundles elsewhere than dist/ (benchmarks of a work-in-progress tree).
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { writeGeneratedValidators } from './schema-validators.mjs';

const { values: flags } = parseArgs({ options: { outdir: { type: 'string' } } });
const outdir = flags.outdir ?? 'dist';

// The second line tunes V8 for a run that lives a second or two.
// - Node 20 and older (V8 11 and older): TurboFan spent a third of a review's CPU compiling functions that were warm,
//   not hot (ten corpus bumps: 1.2 s -> 0.8 s of node CPU, measured with scripts/bench-fleet.mjs). A larger interrupt
//   budget optimises only what stays hot (the YAML parser on a 5 MB render still is). Later V8s tier up through
//   Maglev first and have no such flag (setting an unknown one prints an error, hence the version check).
// - Node 22 and later (the Action runs on Node 24) size the young generation by the machine's memory and let it grow
//   to 64 MiB a semi-space: a 300-chart lint peaked at 317 MiB on a 24 GiB runner, 173 MiB with the young generation
//   kept at its first size, at the same CPU (ten bumps, the 5 MB bump and the lint measured alike). The maximum is
//   fixed when the heap is made; the growth factor is read at each scavenge, so it is the one that can be set here.
const banner = {
  js: [
    "import { createRequire as __cgCreateRequire } from 'node:module'; const require = __cgCreateRequire(import.meta.url);",
    "import { setFlagsFromString as __cgV8Flags } from 'node:v8'; if (Number(process.versions.node.split('.')[0]) <= 20) __cgV8Flags('--interrupt-budget=540672'); else __cgV8Flags('--semi-space-growth-factor=1');",
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
// Each bundle is a small launcher (index.js, cli.js) that turns V8's compile cache on (src/core/runtime/compile-cache.ts)
// and then imports the bundle proper (action-main.js, cli-main.js): Node 22 and later then read the large bundle's
// compiled code from the cache instead of compiling it at every start. Code splitting names the second file after its
// entry; parts loaded lazily with `await import()` (src/core/runtime/libraries.ts) and the helpers both share become
// chunks beside them (chunkNames: <bundle>-chunk-<hash>.js).
// chart-guard's own JSON schemas, compiled to code first (scripts/schema-validators.mjs): the bundles import them
await writeGeneratedValidators();
// chunks of an earlier build (their names carry a hash) would otherwise stay beside the new ones
mkdirSync(outdir, { recursive: true });
for (const file of readdirSync(outdir, { withFileTypes: true }).filter((entry) => entry.isFile())) {
  if (/^(action|cli)-chunk-.+\.js$/.test(file.name)) rmSync(join(outdir, file.name));
}
await build({
  ...common,
  entryPoints: { index: 'src/action/index.ts', 'action-main': 'src/action/main.ts' },
  outdir,
  splitting: true,
  chunkNames: 'action-chunk-[hash]',
});
await build({
  ...common,
  entryPoints: { cli: 'src/cli/index.ts', 'cli-main': 'src/cli/main.ts' },
  outdir,
  splitting: true,
  chunkNames: 'cli-chunk-[hash]',
  banner: { js: `#!/usr/bin/env node\n${banner.js}` },
});
// The template engine's process (src/core/values/template-sandbox.ts): CommonJS in one file, so that under Node's
// permission model it needs to read nothing but itself. No test hook (__CG_SANDBOX_TEST_HOOK__) in a shipped bundle.
await build({
  ...common,
  entryPoints: ['src/core/values/template-sandbox-worker.ts'],
  outfile: join(outdir, 'template-worker.cjs'),
  format: 'cjs',
  banner: {},
  define: { __CG_SANDBOX_TEST_HOOK__: 'false' },
  minifySyntax: true, // drops the hook's dead branch
});
