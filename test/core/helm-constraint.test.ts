// Chart.yaml kubeVersion as Helm reads it: each constraint of the table is written into a one-file chart and
// checked by `helm template --kube-version` with helm 3 and helm 4 (helm refuses with "chart requires kubeVersion"
// when the cluster is excluded or the constraint cannot be parsed); chart-guard must agree with both on every row.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkKubeVersion, refusedOnVendorClusters } from '../../src/core/config/kube-version.js';
import { HELM_BINARIES } from '../support/git-repo.js';

const run = promisify(execFile);

/** Constraint -> the cluster minors to try (around its bounds). Real charts first, then each piece of the grammar. */
const TABLE: [string, string[]][] = [
  ['>= 1.16-0', ['1.31', '1.15', '1.16']],
  ['>=1.16.0-0', ['1.15', '1.16']],
  ['>= 1.23.0-0', ['1.22', '1.23']],
  ['>=1.25.0-0', ['1.24', '1.25']],
  ['>= 1.19, < 1.30', ['1.18', '1.19', '1.29', '1.30']],
  ['>=1.19 <1.30', ['1.29', '1.30']],
  ['>=1.19.0-0 <1.30', ['1.29']],
  ['>=1.19.0-0 <1.30.0-0', ['1.29']],
  ['<1.30 || >=1.19.0-0', ['1.29']],
  ['>=1.20 , <1.25', ['1.20', '1.25']],
  ['>=1.21.0-0  <1.35.0', ['1.21', '1.35']],
  ['>=1.16.0-0 <1.22.0-0 || >=1.26.0-0', ['1.15', '1.21', '1.22', '1.26']],
  ['<1.20 || >1.25', ['1.19', '1.20', '1.25', '1.26']],
  ['1.20 - 1.24', ['1.19', '1.20', '1.24', '1.25']],
  ['1.20-0 - 1.24-0', ['1.19', '1.24', '1.25']],
  ['~1.28', ['1.27', '1.28', '1.29']],
  ['~> 1.28.0', ['1.28', '1.29']],
  ['~1', ['1.31', '2.0']],
  ['^1.20', ['1.19', '1.20', '1.31', '2.0']],
  ['^1.20-0', ['1.19', '1.20', '2.0']],
  ['1.x', ['1.5', '2.0']],
  ['1.20.x', ['1.20', '1.21']],
  ['1.20.*', ['1.20', '1.21']],
  ['*', ['1.31']],
  ['x', ['1.31']],
  ['>1.20', ['1.20', '1.21']],
  ['>1.20-0', ['1.20', '1.21']],
  ['>1.20.0', ['1.20', '1.21']],
  ['>1', ['1.31', '2.0']],
  ['<=1.24', ['1.24', '1.25']],
  ['<=1', ['1.31', '2.0']],
  ['<1.25.0-0', ['1.24', '1.25']],
  ['< 2', ['1.31', '2.0']],
  ['!=1.22', ['1.22', '1.23']],
  ['!=1.22-0', ['1.22']],
  ['!=1.x', ['1.22', '2.0']],
  ['=1.22.0', ['1.22', '1.23']],
  ['1.22', ['1.22', '1.23']],
  ['v1.22', ['1.22', '1.23']],
  ['=> 1.20', ['1.19', '1.20']],
  ['=< 1.20', ['1.20', '1.21']],
  ['>=1.20.0+build.1', ['1.19', '1.20']],
  ['>=01.20', ['1.19', '1.20']],
  // not constraints Helm can parse: every cluster is refused
  ['>= banana', ['1.31']],
  ['>=1.20 || ', ['1.31']],
  ['>=1.20,,<1.25', ['1.22']],
  ['>=1.2.3.4', ['1.31']],
  ['>=1.20.0-01', ['1.31']],
  ['1.2 | 1.3', ['1.2']],
  ['>=1.20<1.25', ['1.22']],
  ['== 1.20', ['1.20']],
];

let chartsDir: string;
beforeAll(async () => {
  chartsDir = await mkdtemp(join(tmpdir(), 'helm-constraint-'));
});
afterAll(async () => {
  await rm(chartsDir, { recursive: true, force: true });
});

/** Does helm render a chart requiring `constraint` for a cluster of `minor` ("1.31", or a full version)? */
async function helmAccepts(helm: string, chart: string, minor: string): Promise<boolean> {
  try {
    await run(helm, [
      'template',
      'release',
      chart,
      '--kube-version',
      minor.split('.').length > 2 ? minor : `${minor}.0`,
    ]);
    return true;
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr);
    expect(stderr).toContain('chart requires kubeVersion');
    return false;
  }
}

describe('kubeVersion constraints agree with helm 3 and helm 4', () => {
  it.each(TABLE.map(([constraint, minors], i) => [constraint, minors, i] as const))(
    '%s',
    async (constraint, minors, i) => {
      const chart = join(chartsDir, `chart-${i}`);
      await run('mkdir', ['-p', chart]);
      await writeFile(
        join(chart, 'Chart.yaml'),
        `apiVersion: v2\nname: probe\nversion: 0.1.0\nkubeVersion: ${JSON.stringify(constraint)}\n`,
      );
      for (const minor of minors) {
        const [v3, v4] = await Promise.all([
          helmAccepts(HELM_BINARIES.v3, chart, minor),
          helmAccepts(HELM_BINARIES.v4, chart, minor),
        ]);
        const ours = checkKubeVersion(constraint, minor);
        expect({ minor, v3, v4 }).toEqual({ minor, v3: ours.ok, v4: ours.ok });
      }
      // a cluster reporting a vendor pre-release (EKS, GKE): helm 3 checks it as it is, helm 4 without it
      const vendor = `${minors[0]}.0-vendor`;
      const [v3, v4] = await Promise.all([
        helmAccepts(HELM_BINARIES.v3, chart, vendor),
        helmAccepts(HELM_BINARIES.v4, chart, vendor),
      ]);
      const release = checkKubeVersion(constraint, minors[0]).ok;
      const refused = refusedOnVendorClusters(constraint, minors[0]);
      expect({ vendor, v3, v4 }).toEqual({ vendor, v3: release && !refused, v4: release });
    },
    30_000,
  );

  it('reads the spaced, short form of the real charts (">= 1.16-0" is >=1.16.0-0)', () => {
    expect(checkKubeVersion('>= 1.16-0', '1.31')).toEqual({ ok: true });
    expect(checkKubeVersion('>= 1.16-0', '1.15')).toEqual({ ok: false, reason: 'excluded' });
  });

  it('says a constraint Helm cannot parse is unreadable, and answers fast on a hostile one', () => {
    expect(checkKubeVersion('>= banana', '1.31')).toEqual({ ok: false, reason: 'unreadable' });
    const hostile = `${'1  '.repeat(2000)}!`;
    const started = Date.now();
    expect(checkKubeVersion(hostile, '1.31')).toEqual({ ok: false, reason: 'unreadable' });
    // guards a blow-up (a backtracking pattern takes minutes on this input), not speed: room for a loaded machine
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
