// Missing helm must not pass silently (issue 19 §3): with rendering on, a review or a lint whose PATH has no helm stops
// with exit 2 and the reason on one line; only an explicit switch turns rendering off (--no-render, or
// render.enabled: false in the base branch's config, never the head's), and then the report says which checks did not
// run while the override-key checks still report the keys the bump removed. The built CLI, in a real git repository
// bumping test/fixtures/reads' postgresql 8.9.8 -> 12.5.1.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding, Report } from '../../src/core/report/report.js';
import { type BuiltCli, buildCli } from '../support/cli-bundle.js';
import { PROJECT_DIR, TestRepo } from '../support/git-repo.js';
import { oneChartLockfile } from '../support/lockfile.js';

const FIXTURE = join(PROJECT_DIR, 'test/fixtures/reads');
// git stays reachable; helm is on none of these
const NO_HELM_PATH = dirname(process.execPath) === '/usr/bin' ? '/bin' : '/usr/bin:/bin';
const HELM_ABSENT = /^chart-guard (review|lint): helm was not found on PATH: install helm 3 or 4, or pass --helm PATH/;

let cli: BuiltCli;
const repos: TestRepo[] = [];

/** postgresql 8.9.8 -> 12.5.1 with the 8.x override file; `configs` are the base and head chart-guard configs. */
function bump(configs: [string, string] = ['', '']): { repo: TestRepo; base: string; head: string } {
  const repo = new TestRepo('cg-helm-required-');
  repos.push(repo);
  const config = (extra: string) => `kubernetes: "1.29"\nvalues: ["values/{chart}.yaml"]\n${extra}`;
  repo
    .write('.github/chart-guard.yaml', config(configs[0]))
    .copy(join(FIXTURE, 'postgresql-8.9.8/postgresql'), 'charts/postgresql')
    .copy(join(FIXTURE, 'values/postgresql.yaml'), 'values/postgresql.yaml')
    .write('helm-freeze.yaml', oneChartLockfile('postgresql', '8.9.8'));
  const base = repo.commit('base');
  repo.remove('charts/postgresql');
  repo
    .copy(join(FIXTURE, 'postgresql-12.5.1/postgresql'), 'charts/postgresql')
    .write('helm-freeze.yaml', oneChartLockfile('postgresql', '12.5.1'))
    .write('.github/chart-guard.yaml', config(configs[1]));
  return { repo, base, head: repo.commit('bump') };
}

function run(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: NO_HELM_PATH };
  for (const name of ['NO_COLOR', 'FORCE_COLOR', 'CHART_GUARD_DEBUG']) delete env[name];
  const result = spawnSync(process.execPath, [cli.path, ...args], { env, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const reviewArgs = ({ repo, base, head }: ReturnType<typeof bump>) => [
  'review',
  '--repo',
  repo.dir,
  '--base',
  base,
  '--head',
  head,
  '--format',
  'json',
];
const findings = (report: Report): Finding[] => [...report.findings, ...report.charts.flatMap((c) => c.findings)];

beforeAll(() => {
  cli = buildCli();
});
afterAll(() => {
  cli.cleanup();
  for (const repo of repos) repo.cleanup();
});

describe('helm absent from PATH, rendering on', () => {
  it('a review exits 2 with the reason on one line, and no report', () => {
    const result = run(reviewArgs(bump()));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(HELM_ABSENT);
    expect(result.stderr).toContain('--no-render, or render.enabled: false');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stdout).toBe('');
  });

  it('a lint exits 2 with the same reason', () => {
    const { repo, head } = bump();
    const result = run(['lint', '--repo', repo.dir, '--ref', head]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(HELM_ABSENT);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('a head config that turns rendering off does not help: that would weaken the base policy', () => {
    const result = run(reviewArgs(bump(['', 'render:\n  enabled: false\n'])));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(HELM_ABSENT);
  });
});

describe('rendering off explicitly', () => {
  const expectSkippedReport = (result: ReturnType<typeof run>) => {
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as Report;
    const all = findings(report);
    const skipped = all.filter((f) => f.rule === 'render-skipped');
    expect(skipped).toHaveLength(1);
    expect(skipped[0].message).toContain('rendering is disabled (--no-render or render.enabled: false)');
    for (const rule of ['immutable-field-changed', 'statefulset-replaced', 'resource-removed', 'api-removed']) {
      expect(skipped[0].message).toContain(`\`${rule}\``);
    }
    // the keys the bump removed are reported without helm
    expect(all.filter((f) => f.rule === 'override-key-removed').map((f) => f.path)).toEqual([
      'postgresqlUsername',
      'postgresqlDatabase',
      'persistence.size',
      'resources',
    ]);
    expect(result.status).toBe(1);
  };

  it('--no-render: the report says which checks did not run', () => {
    expectSkippedReport(run([...reviewArgs(bump()), '--no-render']));
  });

  it("render.enabled: false in the base branch's config: the same", () => {
    const off = 'render:\n  enabled: false\n';
    expectSkippedReport(run(reviewArgs(bump([off, off]))));
  });
});
