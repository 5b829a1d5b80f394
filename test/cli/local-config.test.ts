// Issue 19 §10: the CLI user's own config. `--config FILE` is read from disk wherever it is (outside the repository,
// untracked, relative to the current folder) and applies to every side; a working-tree config the run does not apply
// as it is gets a notice saying which config was used and why. The CLI's own entry (run), a real git repository and
// helm 4 (the config is read before any render: one helm suffices).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import type { Report } from '../../src/core/report/report.js';
import { allFindings } from '../../src/core/report/report.js';
import { corpusChart, HELM_BINARIES, TestRepo } from '../support/git-repo.js';
import { oneChartLockfile } from '../support/lockfile.js';

const PAIR = 'prometheus-blackbox-exporter-9.8.0-to-10.0.0';
const COMMITTED = 'lockfile: lib/helm-freeze.yaml\nvalues:\n  - values/{chart}.yaml\n';
// the same with a Kubernetes target: kube-version-unset tells which of the two a run read
const LOCAL = `${COMMITTED}kubernetes: "1.29"\n`;
const NOTICE = /^chart-guard: notice: /m;

async function cli(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const status = await run([...args, '--helm', HELM_BINARIES.v4, '--format', 'json'], {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: {},
    cwd,
    toolVersion: '0.0.0-test',
  });
  const report = stdout.startsWith('{') ? (JSON.parse(stdout) as Report) : undefined;
  return { status, stderr, report, rules: report ? allFindings(report).map((f) => f.rule) : [] };
}

describe('the CLI user’s own config', () => {
  const repo = new TestRepo('cg-local-config-');
  const outside = mkdtempSync(join(tmpdir(), 'cg-outside-config-'));
  beforeAll(() => {
    repo
      .write('lib/helm-freeze.yaml', oneChartLockfile('prometheus-blackbox-exporter', '9.8.0'))
      .copy(corpusChart(PAIR, 'old'), 'lib/charts/prometheus-blackbox-exporter')
      .write('values/prometheus-blackbox-exporter.yaml', 'replicas: 2\n')
      .write('.github/chart-guard.yaml', COMMITTED);
    repo.commit('blackbox 9.8.0, lockfile in lib/');
    writeFileSync(join(outside, 'chart-guard.yaml'), LOCAL);
  });
  afterAll(() => {
    repo.cleanup();
    rmSync(outside, { recursive: true, force: true });
  });

  it('reads --config from outside the repository, its lockfile path included, for a lint of a commit too', async () => {
    for (const ref of [[], ['--ref', 'HEAD']]) {
      const linted = await cli(['lint', ...ref, '--config', join(outside, 'chart-guard.yaml')], repo.dir);
      expect(linted.stderr).toBe('');
      expect(linted.report?.kubernetesVersion).toBe('1.29');
      expect(linted.report?.lockfile).toBe('lib/helm-freeze.yaml');
      expect(linted.rules).not.toContain('kube-version-unset');
    }
  });

  it('reads --config relative to the current folder, an untracked file in the repository too', async () => {
    repo.write('local/chart-guard.yaml', LOCAL);
    mkdirSync(join(repo.dir, 'values/sub'), { recursive: true });
    try {
      const linted = await cli(
        ['lint', '--ref', 'HEAD', '--config', '../../local/chart-guard.yaml'],
        join(repo.dir, 'values/sub'),
      );
      expect(linted.stderr).toBe('');
      expect(linted.report?.kubernetesVersion).toBe('1.29');
    } finally {
      repo.remove('local');
    }
  });

  it('refuses a --config that does not exist, naming it', async () => {
    const missing = await cli(['lint', '--config', 'nowhere.yaml'], repo.dir);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--config nowhere.yaml: no such file');
  });

  it('says why the lockfile was looked for at the default path: a config with errors, or none', async () => {
    repo.write('.github/chart-guard.yaml', 'lockfile: lib/helm-freeze.yaml\nvalues: [values/{chart}.yaml]\n');
    try {
      const broken = await cli(['lint'], repo.dir);
      expect(broken.status).toBe(2);
      expect(broken.stderr).toMatch(
        /^chart-guard lint: lockfile helm-freeze\.yaml not found at WORKTREE; the config has errors \(\.github\/chart-guard\.yaml:2: .*\), so its lockfile setting may not have been read \(set --lockfile/,
      );
      repo.remove('.github/chart-guard.yaml');
      const none = await cli(['lint'], repo.dir);
      expect(none.stderr).toContain(
        'lockfile helm-freeze.yaml not found at WORKTREE; no config was read (.github/chart-guard.yaml is not there), so this is the default path: name the config with --config / the config input',
      );
    } finally {
      repo.write('.github/chart-guard.yaml', COMMITTED);
    }
  });

  describe('with the config edited in the working tree', () => {
    beforeAll(() => {
      repo.write('.github/chart-guard.yaml', LOCAL);
    });
    afterAll(() => {
      repo.write('.github/chart-guard.yaml', COMMITTED);
    });

    it('a lint of the working tree reads it, without a notice', async () => {
      const linted = await cli(['lint'], repo.dir);
      expect(linted.stderr).not.toMatch(NOTICE);
      expect(linted.report?.kubernetesVersion).toBe('1.29');
    });

    it('a lint of a commit reads the commit’s, and says so and how to use the edit', async () => {
      const linted = await cli(['lint', '--ref', 'HEAD'], repo.dir);
      expect(linted.stderr).toBe(
        "chart-guard: notice: the config is .github/chart-guard.yaml as HEAD has it: the working tree's edit of it is not read; pass --config .github/chart-guard.yaml to apply the working tree's as it is.\n",
      );
      expect(linted.rules).toContain('kube-version-unset');
      const local = await cli(['lint', '--ref', 'HEAD', '--config', '.github/chart-guard.yaml'], repo.dir);
      expect(local.stderr).toBe('');
      expect(local.rules).not.toContain('kube-version-unset');
    });

    it('a review of the working tree applies it under the base’s policy, and says so', async () => {
      const reviewed = await cli(['review', '--base', 'HEAD'], repo.dir);
      expect(reviewed.stderr).toBe(
        "chart-guard: notice: the config is the working tree's .github/chart-guard.yaml, under the policy of the base (HEAD): where it weakens the base's, the base's applies and a policy-changed finding says so; pass --config .github/chart-guard.yaml to apply the working tree's as it is.\n",
      );
      expect(reviewed.report?.kubernetesVersion).toBe('1.29');
    });
  });
});
