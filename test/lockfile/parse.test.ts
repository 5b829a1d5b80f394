import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLockfile } from '../../src/core/lockfile/parse.js';
import { PROJECT_DIR } from '../support/git-repo.js';

// Shaped like a real platform lockfile (Qovery/engine lib/helm-freeze.yaml): a lockfile in a subfolder, three
// destinations, dest_folder_override, a bare oci:// repo, one chart frozen twice in two folders, a git chart.
const LOCKFILE = `# charts of the platform
charts:
  - name: cert-manager
    version: v1.15.3
    repo_name: jetstack
    comment: https://artifacthub.io/packages/helm/cert-manager/cert-manager
  - name: vpa
    dest_folder_override: vertical-pod-autoscaler
    repo_name: fairwinds
    version: 2.2.1
  - name: karpenter
    repo_name: oci://public.ecr.aws/karpenter
    dest: aws-bootstrap
    version: 0.36.2
  - name: aws-load-balancer-controller
    repo_name: aws
    dest: aws-bootstrap
    version: 1.8.0
  - name: aws-load-balancer-controller
    repo_name: aws
    dest: aws-ec2-bootstrap
    version: 1.10
  - name: pleco
    repo_name: pleco-git
    chart_path: /charts/pleco
    version: 3f2a9c1e5b7d
    no_sync: true

repos:
  - name: jetstack
    url: https://charts.jetstack.io
  - name: fairwinds
    url: https://charts.fairwinds.com/stable
  - name: aws
    url: https://aws.github.io/eks-charts
  - name: pleco-git
    url: https://github.com/Qovery/pleco.git
    type: git

destinations:
  - name: default
    path: charts
  - name: aws-bootstrap
    path: ../aws/bootstrap/charts/
  - name: aws-ec2-bootstrap
    path: ./aws-ec2/charts
`;

describe('parseLockfile', () => {
  const lockfile = parseLockfile(LOCKFILE, 'lib/helm-freeze.yaml');

  it('reads a valid lockfile without problems', () => {
    expect(lockfile.problems).toEqual([]);
    expect(lockfile.charts).toHaveLength(6);
  });

  it('resolves destination paths relative to the lockfile folder', () => {
    expect(lockfile.destinations.map((d) => [d.name, d.path, d.repoPath, d.line])).toEqual([
      ['default', 'charts', 'lib/charts', 41],
      ['aws-bootstrap', '../aws/bootstrap/charts/', 'aws/bootstrap/charts', 43],
      ['aws-ec2-bootstrap', './aws-ec2/charts', 'lib/aws-ec2/charts', 45],
    ]);
  });

  it('puts an entry without dest in the default destination', () => {
    const certManager = lockfile.charts[0];
    expect(certManager).toMatchObject({
      name: 'cert-manager',
      dest: undefined,
      destDir: 'lib/charts',
      dir: 'lib/charts/cert-manager',
    });
    expect(certManager.comment).toBe('https://artifacthub.io/packages/helm/cert-manager/cert-manager');
  });

  it('names the chart folder after dest_folder_override when given', () => {
    expect(lockfile.charts[1]).toMatchObject({
      name: 'vpa',
      destFolderOverride: 'vertical-pod-autoscaler',
      dir: 'lib/charts/vertical-pod-autoscaler',
    });
  });

  it('accepts a bare oci:// reference as repo_name', () => {
    expect(lockfile.charts[2]).toMatchObject({
      repoName: 'oci://public.ecr.aws/karpenter',
      dir: 'aws/bootstrap/charts/karpenter',
    });
  });

  it('keeps two entries of the same name apart by folder', () => {
    const albs = lockfile.charts.filter((e) => e.name === 'aws-load-balancer-controller');
    expect(albs.map((e) => e.dir)).toEqual([
      'aws/bootstrap/charts/aws-load-balancer-controller',
      'lib/aws-ec2/charts/aws-load-balancer-controller',
    ]);
  });

  it('reads versions as written, so 1.10 is not the number 1.1', () => {
    expect(lockfile.charts[4].version).toBe('1.10');
    expect(lockfile.charts[0].version).toBe('v1.15.3');
  });

  it('reads a git chart: commit sha as version, chart_path, no_sync', () => {
    expect(lockfile.charts[5]).toMatchObject({ version: '3f2a9c1e5b7d', chartPath: '/charts/pleco', noSync: true });
    expect(lockfile.charts[0].noSync).toBe(false);
    expect(lockfile.repos.find((r) => r.name === 'pleco-git')).toMatchObject({ type: 'git', line: 36 });
  });

  it('gives the exact lines of each entry and of its version key', () => {
    expect(lockfile.charts.map((e) => [e.name, e.line, e.versionLine])).toEqual([
      ['cert-manager', 3, 4],
      ['vpa', 7, 10],
      ['karpenter', 11, 14],
      ['aws-load-balancer-controller', 15, 18],
      ['aws-load-balancer-controller', 19, 22],
      ['pleco', 23, 26],
    ]);
  });

  it('reports a YAML syntax error with its line instead of throwing', () => {
    const broken = parseLockfile('charts:\n  - name: a\n    version: [1.0\n  - name: b\n', 'helm-freeze.yaml');
    expect(broken.charts).toEqual([]);
    expect(broken.problems).toHaveLength(1);
    expect(broken.problems[0]).toMatchObject({ file: 'helm-freeze.yaml', line: 4 });
    expect(broken.problems[0].message).toMatch(/not valid YAML/);
  });

  it('reports a lockfile that is not a map', () => {
    const list = parseLockfile('- name: a\n', 'helm-freeze.yaml');
    expect(list.problems).toEqual([
      { file: 'helm-freeze.yaml', line: 1, message: expect.stringMatching(/must be a map/) },
    ]);
  });

  it('reads an empty lockfile as no charts and no problems', () => {
    expect(parseLockfile('', 'helm-freeze.yaml')).toMatchObject({ charts: [], problems: [] });
    expect(parseLockfile('# nothing yet\n', 'helm-freeze.yaml')).toMatchObject({ charts: [], problems: [] });
  });

  it('places charts of a lockfile at the repository root under the destination path', () => {
    const root = parseLockfile(
      'charts:\n  - name: a\n    version: 1.0.0\n    repo_name: r\nrepos:\n  - name: r\n    url: https://r\ndestinations:\n  - name: default\n    path: .\n',
      'helm-freeze.yaml',
    );
    expect(root.problems).toEqual([]);
    expect(root.charts[0]).toMatchObject({ dir: 'a', destDir: '.' });
  });

  it('reads the demo lockfile of this project without problems', () => {
    const demo = parseLockfile(readFileSync(join(PROJECT_DIR, 'helm-freeze.yaml'), 'utf8'), 'helm-freeze.yaml');
    expect(demo.problems).toEqual([]);
    expect(demo.charts.map((e) => e.dir)).toContain('charts/mariadb');
  });
});
