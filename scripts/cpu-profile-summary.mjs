// Where a run's time goes, from a V8 CPU profile: node's busy and idle time (idle = waiting for helm and git), its
// time by step of the pipeline over the run (a timeline in buckets), and the functions that cost most, inclusive.
//
//   node --cpu-prof --cpu-prof-dir /tmp/prof --cpu-prof-interval 200 dist/cli.js review --repo R --base B --head H
//   node scripts/cpu-profile-summary.mjs /tmp/prof/CPU.*.cpuprofile [--bucket 50] [--top 30]
//
// A step is the innermost of STEPS on the stack; "idle" is node waiting on the event loop (helm or git working),
// "other" anything else (loading the bundle, the CLI's own work). "Self time by part" says whose code the CPU ran:
// a library or a folder of src/ (from the `// node_modules/...` and `// src/...` lines esbuild writes before each
// module of the bundle), node's module loader, node's child-process code, the collector.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: { bucket: { type: 'string' }, top: { type: 'string' } },
});
if (positionals.length !== 1) {
  console.error('usage: node scripts/cpu-profile-summary.mjs PROFILE.cpuprofile [--bucket MS] [--top N]');
  process.exit(2);
}
const STEPS =
  /^(loadChartOnce|readOverrides|parseLockfile|spawnGit|materialiseChart|helmTemplate|withManifests|settleManifests|chartFindings|renderedDiff|buildChartReport|withUpgradeActions|assembleReport|formatReport|compile)$/;
const bucketMs = Number(flags.bucket ?? 50);
const top = Number(flags.top ?? 30);

const profile = JSON.parse(readFileSync(positionals[0], 'utf8'));
const modules = new Map();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
const name = (n) =>
  `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;

const buckets = new Map();
const inclusive = new Map();
const parts = new Map();
let total = 0;
let idle = 0;
let at = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  at += dt;
  total += dt;
  const leaf = byId.get(id).callFrame.functionName;
  if (leaf === '(idle)') idle += dt;
  let step;
  const seen = new Set();
  for (let node = id; node !== undefined; node = parent.get(node)) {
    const n = byId.get(node);
    if (!step && STEPS.test(n.callFrame.functionName)) step = n.callFrame.functionName;
    const key = name(n);
    if (!seen.has(key)) {
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + dt);
    }
  }
  step ??= leaf === '(idle)' ? 'idle' : leaf === '(garbage collector)' ? 'gc' : 'other';
  const part = partOf(id);
  parts.set(part, (parts.get(part) ?? 0) + dt);
  const bucket = Math.floor(at / 1000 / bucketMs);
  const steps = buckets.get(bucket) ?? new Map();
  steps.set(step, (steps.get(step) ?? 0) + dt);
  buckets.set(bucket, steps);
});

const ms = (us) => `${(us / 1000).toFixed(0)} ms`;
console.log(`${ms(total)} profiled: node busy ${ms(total - idle)}, idle ${ms(idle)} (waiting for helm and git)\n`);
console.log(`timeline (${bucketMs} ms buckets, the steps node spent them on):`);
for (const [bucket, steps] of [...buckets].sort((a, b) => a[0] - b[0])) {
  const parts = [...steps].sort((a, b) => b[1] - a[1]).map(([step, us]) => `${step} ${ms(us)}`);
  console.log(`  ${String(bucket * bucketMs).padStart(5)} ms  ${parts.join(', ')}`);
}
console.log('\nself time by part:');
for (const [part, us] of [...parts].sort((a, b) => b[1] - a[1]).filter(([, us]) => us >= 1000)) {
  console.log(`  ${ms(us).padStart(7)}  ${part}`);
}
console.log(`\nfunctions, inclusive (top ${top}):`);
for (const [key, us] of [...inclusive]
  .filter(
    ([key]) =>
      !/^\((root|program|idle|garbage collector)\)|^\(anonymous\)|^processTicksAndRejections|^runMicrotasks/.test(key),
  )
  .sort((a, b) => b[1] - a[1])
  .slice(0, top)) {
  console.log(`  ${ms(us).padStart(7)}  ${key}`);
}

/** Whose code a sample ran: a bundle module's library or src/ folder, a part of node, the collector, idle. */
function partOf(id) {
  const { functionName, url, lineNumber } = byId.get(id).callFrame;
  if (functionName === '(idle)') return 'idle (waiting for helm and git)';
  if (functionName === '(garbage collector)') return 'garbage collector';
  if (functionName === '(program)') return 'V8 (compiling, program)';
  if (url.startsWith('file:')) return moduleAt(url, lineNumber);
  // node's own code (or a native function): named after the nearest caller that says what it is for
  for (let node = id; node !== undefined; node = parent.get(node)) {
    const frame = byId.get(node).callFrame;
    if (/modules\/esm|modules\/cjs|realm|loader/.test(frame.url)) return 'node: loading modules';
    if (/child_process/.test(frame.url)) return 'node: spawning processes';
    if (frame.url.startsWith('file:')) return `node, called by ${moduleAt(frame.url, frame.lineNumber)}`;
  }
  return 'node: other';
}

/** The module of a bundle at a line: the last `// node_modules/<package>` or `// src/<folder>` line above it. */
function moduleAt(url, line) {
  let marks = modules.get(url);
  if (!marks) {
    marks = [];
    try {
      readFileSync(fileURLToPath(url), 'utf8')
        .split('\n')
        .forEach((text, i) => {
          const m = /^\/\/ (node_modules\/(?:@[^/]+\/)?[^/]+|src\/[^/]+\/[^/]+(?=\/)|src\/[^/]+)/.exec(text);
          if (m) marks.push([i, m[1]]);
        });
    } catch {}
    modules.set(url, marks);
  }
  let found = url.split('/').pop();
  for (const [at, name] of marks) {
    if (at > line) break;
    found = name;
  }
  return found;
}
