// `npm run bench` (bombs): chart-guard review of a one-chart bump whose values are hostile: alias bombs, a
// self-merge, a self-reference, a huge override file, a backtracking schema pattern, thousands of removed keys.
// Each case must end quickly with its finding, in bounded memory. Prints, per case, the wall time, the peak RSS of
// the chart-guard process, its exit code and the finding it reported. Renders are off (--no-render): the cost
// measured is chart-guard's own, and helm refuses most of these inputs itself.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: flags } = parseArgs({ options: { cli: { type: 'string' }, timeout: { type: 'string' } } });
const cli = flags.cli ?? join(root, 'dist', 'cli.js');
const timeoutMs = Number(flags.timeout ?? 120) * 1000;
if (!existsSync(cli)) fail(`${cli} is missing: run npm run build`);

/** The billion-laughs document: `levels` lists, each holding `fanout` aliases of the one before. */
function laughs(levels, fanout) {
  const lines = [`l0: &l0 [${Array(fanout).fill('"lol"').join(',')}]`];
  for (let i = 1; i < levels; i++)
    lines.push(
      `l${i}: &l${i} [${Array(fanout)
        .fill(`*l${i - 1}`)
        .join(',')}]`,
    );
  return `${lines.join('\n')}\n`;
}

function mapBomb(levels, fanout) {
  const keys = Array.from({ length: fanout }, (_, i) => `k${i}`);
  const lines = ['m0: &m0 {x: 1, y: 2, z: 3}'];
  for (let i = 1; i < levels; i++) lines.push(`m${i}: &m${i} {${keys.map((k) => `${k}: *m${i - 1}`).join(', ')}}`);
  return `${lines.join('\n')}\n`;
}

const VALUES = 'replicaCount: 1\nimage:\n  repository: nginx\n  tag: "1"\n';
const removedKeys = 16_000;
const bigMap = Array.from({ length: removedKeys }, (_, i) => `  k${i}: 1`).join('\n');

// [label, override file, head values.yaml, head schema]
const CASES = [
  ['override: self-merge `&i {tag, <<: *i}`', 'image: &i {tag: "2", <<: *i}\n'],
  ['override: self-reference `&a {b: *a}`', 'image: &a {b: *a}\n'],
  [`override: 9-level alias bomb (${laughs(9, 9).length} bytes)`, laughs(9, 9)],
  [`override: 7-level map bomb (${mapBomb(7, 9).length} bytes)`, mapBomb(7, 9)],
  ['chart values.yaml: self-reference', 'replicaCount: 2\n', `${VALUES}loop: &l {self: *l}\n`],
  ['chart values.yaml: 9-level alias bomb', 'replicaCount: 2\n', VALUES + laughs(9, 9)],
  ['override: 6 MB file', Array.from({ length: 120_000 }, (_, i) => `key${i}: ${'x'.repeat(40)}`).join('\n')],
  [
    'schema pattern ^(a+)+$ on 34 characters',
    `name: ${'a'.repeat(34)}b\n`,
    `${VALUES}name: a\n`,
    JSON.stringify({ type: 'object', properties: { name: { type: 'string', pattern: '^(a+)+$' } } }),
  ],
  [
    `override: ${removedKeys} keys of a removed map`,
    `big:\n${bigMap}\n`,
    VALUES,
    undefined,
    `${VALUES}big:\n${bigMap}\n`,
  ],
];

const work = mkdtempSync(join(tmpdir(), 'chart-guard-bench-bombs-'));
try {
  const rssHook = join(work, 'rss-hook.mjs');
  writeFileSync(
    rssHook,
    "import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(process.env.CG_BENCH_RSS, String(process.resourceUsage().maxRSS)));\n",
  );
  console.log('chart-guard bombs bench: one chart bump per case, review --no-render');
  const rows = [];
  for (const [label, override, headValues = VALUES, schema, baseValues = VALUES] of CASES) {
    const repo = bumpRepository(join(work, `case-${rows.length}`), override, baseValues, headValues, schema);
    const run = timeReview(repo, rssHook);
    rows.push([
      label,
      `${run.ms.toFixed(0)} ms`,
      `${(run.rssKiB / 1024).toFixed(0)} MiB`,
      String(run.exit),
      run.finding,
    ]);
  }
  printTable(['case', 'wall time', 'peak RSS', 'exit', 'first error finding'], rows);
} finally {
  rmSync(work, { recursive: true, force: true });
}

function bumpRepository(dir, override, baseValues, headValues, schema) {
  const write = (path, text) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  const git = (...args) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
  const side = (version, values) => {
    write('charts/web/Chart.yaml', `apiVersion: v2\nname: web\nversion: ${version}\n`);
    write('charts/web/values.yaml', values);
    write(
      'charts/web/templates/cm.yaml',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\ndata:\n  image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"\n',
    );
    write(
      'helm-freeze.yaml',
      `charts:\n  - name: web\n    version: ${version}\n    repo_name: r\nrepos:\n  - name: r\n    url: https://example.com\ndestinations:\n  - name: default\n    path: ./charts\n`,
    );
  };
  mkdirSync(dir, { recursive: true });
  git('init', '-q', '-b', 'main');
  side('1.0.0', baseValues);
  write('values/web.yaml', override);
  write('.github/chart-guard.yaml', 'values: ["values/{chart}.yaml"]\n');
  git('add', '-A');
  git('-c', 'user.email=bench@example.com', '-c', 'user.name=bench', 'commit', '-q', '-m', 'base');
  side('2.0.0', headValues);
  if (schema) write('charts/web/values.schema.json', schema);
  git('add', '-A');
  git('-c', 'user.email=bench@example.com', '-c', 'user.name=bench', 'commit', '-q', '-m', 'bump');
  return dir;
}

function timeReview(repo, rssHook) {
  const rssFile = join(repo, '..', 'rss');
  const output = join(repo, '..', 'report.json');
  rmSync(output, { force: true });
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      pathToFileURL(rssHook).href,
      cli,
      'review',
      '--repo',
      repo,
      '--base',
      'HEAD~1',
      '--head',
      'HEAD',
      '--no-render',
      '--format',
      'json',
      '--output',
      output,
    ],
    { env: { ...process.env, CG_BENCH_RSS: rssFile }, stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs },
  );
  const ms = performance.now() - started;
  if (run.error || run.signal) return { ms, rssKiB: NaN, exit: run.signal ?? 'timeout', finding: '(killed)' };
  let finding = '-';
  if (existsSync(output)) {
    const report = JSON.parse(readFileSync(output, 'utf8'));
    const first = report.charts.flatMap((c) => c.findings).find((f) => f.severity === 'error');
    if (first) finding = `${first.rule} ${first.file}:${first.line ?? ''} ${first.message.slice(0, 60)}`;
  }
  return { ms, rssKiB: Number(readFileSync(rssFile, 'utf8')), exit: run.status, finding };
}

function printTable(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}

function fail(message) {
  console.error(`bench-bombs: ${message}`);
  process.exit(2);
}
