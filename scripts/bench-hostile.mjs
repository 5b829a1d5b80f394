// `npm run bench` (third part): chart-guard lint on hostile charts, one repository per case. Prints wall time, peak
// RSS of the chart-guard process, its exit code and what it reported. The cases of issue 12:
// - gzip bombs among a chart's subcharts (charts/*.tgz): one file that claims 4 GiB, and 30 files of 4 MiB each
//   (each within helm's 5 MiB per-file limit, 120 MiB in all: the most a bomb can make chart-guard read);
// - helm printing 600 million characters on stdout, and 1.5 GB on stderr. Real helm takes minutes and gigabytes to
//   print that much, so test/fixtures/flooding-helm/helm prints it (as the hostile-input test does).
// `--cli PATH` benches another build, e.g. the main branch's dist/cli.js for the before figures.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: flags } = parseArgs({ options: { cli: { type: 'string' }, helm: { type: 'string' } } });
const cli = flags.cli ?? join(root, 'dist', 'cli.js');
const realHelm = flags.helm ?? join(root, '.cache', 'helm', 'v4', 'helm');
const floodingHelm = join(root, 'test', 'fixtures', 'flooding-helm', 'helm');
if (!existsSync(cli)) fail(`${cli} is missing: run npm run build`);

const MiB = 1024 * 1024;
const work = mkdtempSync(join(tmpdir(), 'chart-guard-bench-hostile-'));

/** A repository whose one chart, app, is bumped nowhere: lint reads it whole. */
function makeRepository(dir, files, release) {
  const write = (path, content) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  };
  write(
    'helm-freeze.yaml',
    'charts:\n  - name: app\n    version: 1.0.0\n    repo_name: acme\nrepos:\n  - name: acme\n    url: https://charts.example.com\ndestinations:\n  - name: default\n    path: ./charts\n',
  );
  // the flooding helm floods for these release names
  if (release) write('.github/chart-guard.yaml', `charts:\n  app:\n    releaseName: ${release}\n`);
  write('charts/app/Chart.yaml', 'apiVersion: v2\nname: app\nversion: 1.0.0\n');
  write('charts/app/templates/cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\n');
  for (const [path, content] of Object.entries(files)) write(path, content);
  const git = (...args) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.name=bench', '-c', 'user.email=bench@example.com', 'commit', '-qm', 'hostile');
  return dir;
}

function timeLint(repo, rssHook, extra, env) {
  const rssFile = join(work, 'rss');
  rmSync(rssFile, { force: true });
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    ['--import', pathToFileURL(rssHook).href, cli, 'lint', '--repo', repo, '--format', 'json', ...extra],
    { env: { ...process.env, ...env, CG_BENCH_RSS: rssFile }, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 },
  );
  const ms = performance.now() - started;
  const rss = existsSync(rssFile) ? `${(Number(readFileSync(rssFile, 'utf8')) / 1024).toFixed(0)} MiB` : '?';
  let reported;
  try {
    const report = JSON.parse(run.stdout.toString('utf8'));
    const finding = report.charts.flatMap((c) => c.findings).find((f) => f.severity === 'error');
    reported = finding ? `${finding.rule}: ${finding.message}` : `verdict ${report.verdict}`;
  } catch {
    const stderr = run.stderr.toString('utf8');
    const stack = /^\s+at /m.test(stderr) ? ' [stack trace]' : '';
    reported = `no report${stack}: ${stderr.split('\n').find((l) => l.trim()) ?? `signal ${run.signal}`}`;
  }
  const short = reported.length > 110 ? `${reported.slice(0, 109)}…` : reported;
  return [`${(ms / 1000).toFixed(1)} s`, rss, String(run.status ?? run.signal), short];
}

// ---------- gzip bombs (as test/support/hostile-archives.ts builds them) ----------

function tarHeader(name, size) {
  const header = Buffer.alloc(512);
  header.write(name, 0, 100, 'utf8');
  header.write('0000644\0', 100);
  header.write('0000000\0', 108);
  header.write('0000000\0', 116);
  header.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  header.write('00000000000\0', 136);
  header.write('0', 156);
  header.write('ustar\0', 257);
  header.write('00', 263);
  header.fill(32, 148, 156);
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return header;
}

function tarEntry(name, text) {
  const data = Buffer.from(text);
  return Buffer.concat([tarHeader(name, data.length), data, Buffer.alloc((512 - (data.length % 512)) % 512)]);
}

// gzip members expand one after another (RFC 1952, 2.2): 1 compressed MiB of zeros, repeated
let zeroMember;
function zeros(mib) {
  zeroMember ??= gzipSync(Buffer.alloc(MiB), { level: 9 });
  return Array.from({ length: mib }, () => zeroMember);
}

function chartYaml(chart) {
  return tarEntry(`${chart}/Chart.yaml`, `apiVersion: v2\nname: ${chart}\nversion: 1.0.0\n`);
}

function hugeFileBomb(chart, mib) {
  return Buffer.concat([
    gzipSync(chartYaml(chart)),
    gzipSync(tarHeader(`${chart}/templates/big.yaml`, mib * MiB)),
    ...zeros(mib),
  ]);
}

function manyFilesBomb(chart, files, mibEach) {
  const members = [gzipSync(chartYaml(chart))];
  for (let i = 0; i < files; i++)
    members.push(gzipSync(tarHeader(`${chart}/files/f${i}.bin`, mibEach * MiB)), ...zeros(mibEach));
  return Buffer.concat(members);
}

function printTable(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}

function fail(message) {
  console.error(`bench-hostile: ${message}`);
  process.exit(2);
}

// last: the helpers above are declared by now
main();

function main() {
  try {
    const rssHook = join(work, 'rss-hook.mjs');
    writeFileSync(
      rssHook,
      "import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(process.env.CG_BENCH_RSS, String(process.resourceUsage().maxRSS)));\n",
    );
    const cases = [
      {
        label: 'gzip bomb: 1 file of 4 GiB',
        files: { 'charts/app/charts/bomb-1.0.0.tgz': hugeFileBomb('bomb', 4096) },
        args: ['--no-render'],
      },
      {
        label: 'gzip bomb: 30 files of 4 MiB',
        files: { 'charts/app/charts/bomb-1.0.0.tgz': manyFilesBomb('bomb', 30, 4) },
        args: ['--no-render'],
      },
      { label: 'helm stdout: 600M characters', release: 'flood-stdout', flood: 600_000_000 },
      { label: 'helm stderr: 1.5 GB', release: 'flood-stderr', flood: 1_500_000_000 },
    ];
    console.log(`chart-guard hostile-input bench: ${availableParallelism()} CPU(s); ${cli}`);
    const rows = [];
    for (const c of cases) {
      const repo = makeRepository(join(work, `repo-${rows.length}`), c.files ?? {}, c.release);
      // helm runs with an allow-listed environment: a copy of the stand-in reads its settings from settings.sh beside it
      const standIn = join(work, `helm-${rows.length}`, 'helm');
      mkdirSync(dirname(standIn));
      copyFileSync(floodingHelm, standIn);
      writeFileSync(join(dirname(standIn), 'settings.sh'), `REAL_HELM='${realHelm}'\nFLOOD_BYTES=${c.flood ?? 0}\n`);
      const args = c.args ?? ['--helm', standIn];
      const env = {};
      const archive = Object.values(c.files ?? {})[0];
      const size = archive ? ` (${(archive.length / MiB).toFixed(1)} MB .tgz)` : '';
      rows.push([`${c.label}${size}`, ...timeLint(repo, rssHook, args, env)]);
    }
    printTable(['case', 'wall time', 'peak RSS', 'exit', 'reported'], rows);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
