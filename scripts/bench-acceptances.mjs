// The acceptance step over a large report: N findings (override keys of one chart, the shape the 130k-unknown-keys
// hardening case produces) against M acceptance entries, half of them matching. Matching must stay linear in the
// findings: entries are looked up by rule and chart, each finding's identity is computed once.
//
//   node scripts/bench-acceptances.mjs [--findings 130000] [--entries 500]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: flags } = parseArgs({ options: { findings: { type: 'string' }, entries: { type: 'string' } } });
const findingCount = Number(flags.findings ?? 130_000);
const entryCount = Number(flags.entries ?? 500);
const work = mkdtempSync(join(tmpdir(), 'chart-guard-bench-accept-'));

try {
  const bundle = join(work, 'acceptances.mjs');
  await build({
    entryPoints: [join(root, 'src/core/acceptances/acceptances.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    // yaml's CommonJS build requires node built-ins
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    logLevel: 'error',
  });
  const { acceptFindings, acceptanceOutcome, parseAcceptances } = await import(bundle);
  const findings = Array.from({ length: findingCount }, (_, i) => ({
    rule: 'override-key-unknown',
    severity: 'warning',
    chart: 'db',
    message: `unknownKey${i} is not a key of db`,
    file: 'values/db.yaml',
    line: i + 2,
    path: `unknownKey${i}`,
  }));
  // half the entries name a finding, the other half nothing (stale)
  const text = Array.from(
    { length: entryCount },
    (_, i) =>
      `- rule: override-key-unknown\n  chart: db\n  key: ${i % 2 === 0 ? `unknownKey${i * 7}` : `gone${i}`}\n  reason: r\n  expires: 2026-07-01\n`,
  ).join('');
  const today = new Date('2026-06-01T00:00:00Z');
  const parseStart = performance.now();
  const { entries, problems } = parseAcceptances(text, 'accepted.yaml', { today, maxDays: 180 });
  const parseMs = performance.now() - parseStart;
  if (problems.length > 0) throw new Error(problems[0].message);
  const start = performance.now();
  const matched = new Map();
  const out = acceptFindings(findings, entries, { today }, matched);
  const outcome = acceptanceOutcome(entries, matched, today);
  const ms = performance.now() - start;
  const accepted = out.filter((f) => f.accepted).length;
  console.log(
    `${findingCount} findings x ${entryCount} entries: parse ${parseMs.toFixed(1)} ms, match ${ms.toFixed(1)} ms; ` +
      `${accepted} accepted, ${outcome.stale.length} stale`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
