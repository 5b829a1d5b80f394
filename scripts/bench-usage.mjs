// What a benchmarked chart-guard run cost, written by the run itself: a module each bench loads into the CLI's node
// with `--import` (bench-fleet.mjs, bench-compare.mjs). At exit it writes to $CG_BENCH_USAGE: node's own CPU and peak
// RSS (process.resourceUsage) and its waited-for children's CPU, helm's and git's (/proc/self/stat cutime + cstime;
// null off Linux).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Writes the hook into `dir` and returns its path, for `node --import <path>`. */
export function writeUsageHook(dir) {
  const hook = join(dir, 'usage-hook.mjs');
  writeFileSync(
    hook,
    `import { readFileSync, writeFileSync } from 'node:fs';
process.on('exit', () => {
  const u = process.resourceUsage();
  let childMs = null;
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    childMs = (Number(fields[13]) + Number(fields[14])) * 10; // clock ticks of 10 ms (USER_HZ = 100 on Linux)
  } catch {}
  writeFileSync(process.env.CG_BENCH_USAGE, JSON.stringify({ rssKiB: u.maxRSS, nodeMs: (u.userCPUTime + u.systemCPUTime) / 1000, childMs }));
});
`,
  );
  return hook;
}
