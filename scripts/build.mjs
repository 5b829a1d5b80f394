// Bundles the Action (dist/index.js) and the CLI (dist/cli.js) with esbuild.
// ESM output needs a createRequire banner because some dependencies (yaml, ajv) are CommonJS.
// `--outdir DIR` writes the bundles elsewhere than dist/ (benchmarks of a work-in-progress tree).
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const { values: flags } = parseArgs({ options: { outdir: { type: 'string' } } });
const outdir = flags.outdir ?? 'dist';

const banner = {
  js: "import { createRequire as __cgCreateRequire } from 'node:module'; const require = __cgCreateRequire(import.meta.url);",
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
