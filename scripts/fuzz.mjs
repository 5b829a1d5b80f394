// `npm run fuzz -- --runs N --seed S`: a fuzz campaign over the files a pull request controls
// (test/fuzz/input-files.test.ts) with a seed of its own. Without --seed, the seed is new each time (from the date
// and time of the run) and printed first, so a failure is replayed with the same --seed and --runs; the failure
// message names the folder that holds the failing inputs. The regression inputs of test/fixtures/fuzz/ are left to
// `npm test`, which runs them once.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: flags } = parseArgs({ options: { runs: { type: 'string' }, seed: { type: 'string' } } });

/** A seed nobody chose: the UTC date and time of the run, to the second, folded into 32 bits. */
function freshSeed(now = new Date()) {
  const stamp = now.toISOString().replace(/\D/g, '').slice(0, 14); // YYYYMMDDhhmmss
  return Number(BigInt(stamp) % 4294967296n);
}

const runs = Number(flags.runs ?? 500);
const seed = flags.seed === undefined ? freshSeed() : Number(flags.seed);
if (!Number.isSafeInteger(runs) || runs < 0) fail(`--runs must be a whole number (got ${flags.runs})`);
if (!Number.isSafeInteger(seed) || seed < 0) fail(`--seed must be a whole number (got ${flags.seed})`);

console.log(`fuzz campaign: seed ${seed}, ${runs} runs (replay: npm run fuzz -- --runs ${runs} --seed ${seed})`);
const started = Date.now();
const result = spawnSync(
  process.execPath,
  [join(root, 'node_modules/vitest/vitest.mjs'), 'run', 'test/fuzz/input-files.test.ts'],
  {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      CHART_GUARD_FUZZ_SEED: String(seed),
      CHART_GUARD_FUZZ_RUNS: String(runs),
      CHART_GUARD_FUZZ_CAMPAIGN: '1',
    },
  },
);
const seconds = Math.round((Date.now() - started) / 1000);
console.log(`fuzz campaign: seed ${seed}, ${runs} runs, ${seconds} s, ${result.status === 0 ? 'passed' : 'FAILED'}`);
process.exit(result.status ?? 1);

function fail(message) {
  console.error(`fuzz: ${message}`);
  process.exit(2);
}
