// A fleet range renders the head for both its oldest and newest cluster: charts branch on .Capabilities.KubeVersion.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { review } from '../../src/core/pipeline/review.js';
import { GitSnapshot } from '../../src/core/repo/git-snapshot.js';
import type { Report } from '../../src/core/report/report.js';
import { HELM_BINARIES, TestRepo } from '../support/git-repo.js';
import { oneChartLockfile } from '../support/lockfile.js';

const PDB = `{{- if semverCompare "<1.25-0" .Capabilities.KubeVersion.Version }}
apiVersion: policy/v1beta1
{{- else }}
apiVersion: policy/v1
{{- end }}
kind: PodDisruptionBudget
metadata:
  name: {{ .Release.Name }}
spec:
  minAvailable: 1
  selector:
    matchLabels:
      app: web
`;

const chart = (version: string) => `apiVersion: v2\nname: web\nversion: ${version}\n`;
const lockfile = (version: string) =>
  oneChartLockfile('web', version, { name: 'r', url: 'https://charts.example.com' });

describe('fleet range', () => {
  const repo = new TestRepo();
  let base: string;
  const run = async (config: string): Promise<Report> => {
    repo.write('.github/chart-guard.yaml', config);
    const sha = repo.commit('config');
    repo.git('reset', '-q', '--soft', 'HEAD~1');
    return review({
      repoDir: repo.dir,
      base: new GitSnapshot(repo.dir, 'base', base),
      head: new GitSnapshot(repo.dir, 'head', sha),
      helm: HELM_BINARIES.v4,
    });
  };

  beforeAll(() => {
    repo.write('helm-freeze.yaml', lockfile('1.0.0')).write('charts/web/Chart.yaml', chart('1.0.0'));
    repo.write('charts/web/values.yaml', '{}\n').write('charts/web/templates/pdb.yaml', PDB);
    base = repo.commit('base');
    repo.write('helm-freeze.yaml', lockfile('1.1.0')).write('charts/web/Chart.yaml', chart('1.1.0'));
    repo.commit('bump');
  });
  afterAll(() => repo.cleanup());

  it("checks the oldest cluster's render: the chart emits policy/v1beta1 there", async () => {
    const report = await run('kubernetes: { min: "1.24", max: "1.29" }\n');
    const deprecated = report.charts[0].findings.filter((f) => f.rule === 'api-deprecated');
    expect(deprecated.map((f) => f.resource?.apiVersion)).toEqual(['policy/v1beta1']);
    expect(deprecated[0].message).toContain('oldest clusters, 1.24');
    expect(report.charts[0].findings.filter((f) => f.rule === 'api-removed')).toEqual([]);
    expect(report.kubernetesVersion).toBe('1.24-1.29');
  });

  it('renders once, for the target, without a range', async () => {
    const report = await run('kubernetes: "1.29"\n');
    expect(report.charts[0].findings.filter((f) => f.rule.startsWith('api-'))).toEqual([]);
    expect(report.charts[0].render.status).toBe('ok');
  });
});
