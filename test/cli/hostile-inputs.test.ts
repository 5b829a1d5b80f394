// Hostile charts through the built CLI: a gzip bomb among the subcharts, a render of 600 million characters and
// 600 MB of helm stderr (each past V8's longest string, 2^29 characters: ERR_STRING_TOO_LONG and a stack trace
// before). Each is a finding; none is a crash, a stack trace or a huge output. Real helm takes minutes and gigabytes
// to print that much, so test/fixtures/flooding-helm/helm prints it for the two flood charts and runs the real helm
// for the others.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/report/report.js';
import { HELM_BINARIES, PROJECT_DIR, TestRepo } from '../support/git-repo.js';
import { hugeFileBomb } from '../support/hostile-archives.js';

const BUNDLE_DIR = mkdtempSync(join(tmpdir(), 'cg-hostile-bundle-'));
const STACK_FRAME = /^\s+at /m;
// helm runs with an allow-listed environment: the stand-in reads the real helm's path from settings.sh beside it
const FLOODING_HELM = join(BUNDLE_DIR, 'flooding-helm');
copyFileSync(join(PROJECT_DIR, 'test/fixtures/flooding-helm/helm'), FLOODING_HELM);
writeFileSync(join(BUNDLE_DIR, 'settings.sh'), `REAL_HELM='${HELM_BINARIES.v4}'\n`);

const CHARTS = ['bombed', 'flood-stdout', 'flood-stderr'];
const lockfile = `charts:\n${CHARTS.map((name) => `  - name: ${name}\n    version: 1.0.0\n    repo_name: acme\n`).join('')}repos:
  - name: acme
    url: https://charts.example.com
destinations:
  - name: default
    path: ./charts
`;
const chartYaml = (name: string) => `apiVersion: v2\nname: ${name}\nversion: 1.0.0\n`;
const configMap = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;

describe('chart-guard lint on hostile charts', () => {
  const repo = new TestRepo('cg-hostile-');
  let result: { status: number | null; stdout: string; stderr: string };
  let findings: Finding[];

  beforeAll(() => {
    execFileSync(process.execPath, ['scripts/build.mjs', '--outdir', BUNDLE_DIR], { cwd: PROJECT_DIR, stdio: 'pipe' });
    repo
      .write('helm-freeze.yaml', lockfile)
      .write('charts/bombed/Chart.yaml', chartYaml('bombed'))
      .write('charts/bombed/templates/cm.yaml', configMap('bombed'))
      .write('charts/bombed/charts/bomb-1.0.0.tgz', hugeFileBomb('bomb', 4096))
      // what the flooding helm stands in for
      .write('charts/flood-stdout/Chart.yaml', chartYaml('flood-stdout'))
      .write('charts/flood-stdout/templates/cm.yaml', `${configMap('big')}data:\n  x: {{ repeat 600000000 "x" }}\n`)
      .write('charts/flood-stderr/Chart.yaml', chartYaml('flood-stderr'))
      .write('charts/flood-stderr/templates/cm.yaml', '{{ fail (repeat 600000000 "x") }}\n');
    repo.commit('hostile charts');
    const run = spawnSync(
      process.execPath,
      [join(BUNDLE_DIR, 'cli.js'), 'lint', '--format', 'json', '--helm', FLOODING_HELM],
      {
        cwd: repo.dir,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    result = { status: run.status, stdout: run.stdout, stderr: run.stderr };
    findings = JSON.parse(run.stdout).charts.flatMap((c: { findings: Finding[] }) => c.findings);
  });
  afterAll(() => {
    repo.cleanup();
    rmSync(BUNDLE_DIR, { recursive: true, force: true });
  });

  it('exits 1 for the findings, with no stack trace and a small output', () => {
    expect(result.status, result.stderr).toBe(1);
    expect(result.stdout + result.stderr).not.toMatch(STACK_FRAME);
    expect(result.stderr).not.toContain('ERR_STRING_TOO_LONG');
    expect(result.stdout.length).toBeLessThan(100_000);
  });

  it('reports the gzip bomb as a chart archive too large, naming it', () => {
    expect(findings).toContainEqual(
      expect.objectContaining({
        rule: 'chart-file-invalid',
        severity: 'error',
        file: 'charts/bombed/charts/bomb-1.0.0.tgz',
        message: expect.stringMatching(/^chart archive too large: bomb\/templates\/big\.yaml expands to 4096 MiB/),
      }),
    );
  });

  it('reports the 600-million-character render as render-failed, output over 64 MiB', () => {
    expect(findings).toContainEqual(
      expect.objectContaining({
        rule: 'render-failed',
        chart: 'flood-stdout',
        message:
          'helm template failed for the new version (1.0.0) of flood-stdout: output over 64 MiB; helm was stopped there',
      }),
    );
  });

  it('reports 600 MB of stderr with the start of its message, not all of it', () => {
    const failed = findings.find((f) => f.rule === 'render-failed' && f.chart === 'flood-stderr');
    expect(failed?.message).toMatch(
      /^helm template failed for the new version \(1\.0\.0\) of flood-stderr: execution error at \(flood-stderr\/templates\/cm\.yaml:1:3\): xxxx/,
    );
    expect(failed?.message.length).toBeLessThan(1200);
  });
});
