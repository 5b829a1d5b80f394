// Repository layouts from real helm-freeze users, reviewed end to end (values checks; renders are covered elsewhere).
import { afterAll, describe, expect, it } from 'vitest';
import { review } from '../../src/core/pipeline/review.js';
import { GitSnapshot } from '../../src/core/repo/git-snapshot.js';
import { corpusChart, TestRepo } from '../support/git-repo.js';

const MARIADB = 'mariadb-7.10.4-to-8.0.0';
const MARIADB_20 = 'mariadb-19.1.2-to-20.0.0';

describe('lockfile in a subfolder, destinations relative to it', () => {
  const repo = new TestRepo();
  afterAll(() => repo.cleanup());
  const lockfile = (version: string) =>
    `charts:\n  - name: mariadb\n    version: ${version}\n    repo_name: bitnami\n    dest: data\nrepos:\n  - name: bitnami\n    url: https://charts.bitnami.com/bitnami\ndestinations:\n  - name: data\n    path: ../charts/data\n`;

  it('finds the chart under ../charts/data and its overrides under {dest}/../chart_values', async () => {
    repo
      .write('lib/helm-freeze.yaml', lockfile('7.10.4'))
      .copy(corpusChart(MARIADB, 'old'), 'charts/data/mariadb')
      .write('charts/chart_values/mariadb.yaml', 'master:\n  persistence:\n    size: 20Gi\n')
      .write(
        '.github/chart-guard.yaml',
        'lockfile: lib/helm-freeze.yaml\nvalues: ["{dest}/../chart_values/{chart}.yaml"]\n',
      );
    const base = repo.commit('base');
    repo.write('lib/helm-freeze.yaml', lockfile('8.0.0')).copy(corpusChart(MARIADB, 'new'), 'charts/data/mariadb');
    const head = repo.commit('bump');
    const report = await review({
      repoDir: repo.dir,
      base: new GitSnapshot(repo.dir, 'base', base),
      head: new GitSnapshot(repo.dir, 'head', head),
      helm: null,
    });
    expect(report.lockfile).toBe('lib/helm-freeze.yaml');
    expect(report.charts.map((c) => [c.dir, c.change, c.overrideFiles])).toEqual([
      ['charts/data/mariadb', 'bumped', ['charts/chart_values/mariadb.yaml']],
    ]);
    const removed = report.charts[0].findings.filter((f) => f.rule === 'override-key-removed');
    expect(removed.map((f) => [f.path, f.file, f.line])).toEqual([
      ['master.persistence.size', 'charts/chart_values/mariadb.yaml', 3],
    ]);
    expect(report.charts[0].lockfileLine).toBe(3);
  });
});

describe('two entries with one name in different folders', () => {
  const repo = new TestRepo();
  afterAll(() => repo.cleanup());
  const lockfile = (legacy: string, current: string) =>
    `charts:\n  - name: mariadb\n    version: ${legacy}\n    repo_name: bitnami\n    dest_folder_override: mariadb-legacy\n  - name: mariadb\n    version: ${current}\n    repo_name: bitnami\nrepos:\n  - name: bitnami\n    url: https://charts.bitnami.com/bitnami\ndestinations:\n  - name: default\n    path: ./charts\n`;

  it('reviews only the entry whose folder changed', async () => {
    repo
      .write('helm-freeze.yaml', lockfile('7.10.4', '19.1.2'))
      .copy(corpusChart(MARIADB, 'old'), 'charts/mariadb-legacy')
      .copy(corpusChart(MARIADB_20, 'old'), 'charts/mariadb');
    const base = repo.commit('base');
    repo.write('helm-freeze.yaml', lockfile('7.10.4', '20.0.0')).copy(corpusChart(MARIADB_20, 'new'), 'charts/mariadb');
    const head = repo.commit('bump the current one');
    const report = await review({
      repoDir: repo.dir,
      base: new GitSnapshot(repo.dir, 'base', base),
      head: new GitSnapshot(repo.dir, 'head', head),
      helm: null,
    });
    expect(report.charts.map((c) => [c.name, c.dir, c.from, c.to, c.semverChange])).toEqual([
      ['mariadb', 'charts/mariadb', '19.1.2', '20.0.0', 'major'],
    ]);
    expect(report.charts[0].lockfileLine).toBe(7);
  });
});
