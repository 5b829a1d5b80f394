import { describe, expect, it } from 'vitest';
import { parseLockfile } from '../../src/core/lockfile/parse.js';
import type { LockEntry } from '../../src/core/model/model.js';
import {
  mapOverrideFiles,
  matchOverrideFiles,
  orphanOverrideFiles,
  resolveOverridePatterns,
} from '../../src/core/values/override-files.js';

const LOCKFILE = parseLockfile(
  `charts:
  - name: mariadb
    version: 7.10.4
    repo_name: bitnami
  - name: vpa
    version: 2.2.1
    repo_name: bitnami
    dest_folder_override: vertical-pod-autoscaler
  - name: karpenter
    version: 0.36.2
    repo_name: oci://public.ecr.aws/karpenter
    dest: aws
repos:
  - name: bitnami
    url: https://charts.bitnami.com/bitnami
destinations:
  - name: default
    path: common/charts
  - name: aws
    path: ../aws/charts
`,
  'lib/helm-freeze.yaml',
);
const [mariadb, vpa, karpenter] = LOCKFILE.charts;

describe('resolveOverridePatterns', () => {
  it('fills {chart} with the entry name', () => {
    expect(resolveOverridePatterns(['values/{chart}.yaml'], mariadb, LOCKFILE)).toEqual(['values/mariadb.yaml']);
  });

  it('fills {dir} with the chart folder, which follows dest_folder_override', () => {
    expect(resolveOverridePatterns(['{dir}/../{chart}-values.yaml'], vpa, LOCKFILE)).toEqual([
      'lib/common/charts/vpa-values.yaml',
    ]);
    expect(resolveOverridePatterns(['{dir}-overrides/*.yaml'], vpa, LOCKFILE)).toEqual([
      'lib/common/charts/vertical-pod-autoscaler-overrides/*.yaml',
    ]);
  });

  it('fills {dest} with the destination folder and resolves ..', () => {
    expect(resolveOverridePatterns(['{dest}/../chart_values/{chart}.yaml'], mariadb, LOCKFILE)).toEqual([
      'lib/common/chart_values/mariadb.yaml',
    ]);
    expect(resolveOverridePatterns(['{dest}/../chart_values/{chart}.yaml'], karpenter, LOCKFILE)).toEqual([
      'aws/chart_values/karpenter.yaml',
    ]);
  });

  it('fills {lockdir} with the lockfile folder', () => {
    expect(resolveOverridePatterns(['{lockdir}/values/{chart}.yaml'], mariadb, LOCKFILE)).toEqual([
      'lib/values/mariadb.yaml',
    ]);
  });

  it('reads patterns as repo-relative, with or without ./', () => {
    expect(resolveOverridePatterns(['./values/{chart}.yaml', '/values/x.yaml'], mariadb, LOCKFILE)).toEqual([
      'values/mariadb.yaml',
      'values/x.yaml',
    ]);
  });

  it('keeps glob syntax of the pattern but not of a filled-in value', () => {
    const entry: LockEntry = { ...mariadb, name: 'odd[1]' };
    const [pattern] = resolveOverridePatterns(['envs/*/{chart}.yaml'], entry, LOCKFILE);
    expect(matchOverrideFiles([pattern], ['envs/prod/odd[1].yaml', 'envs/prod/odd1.yaml'])).toEqual([
      'envs/prod/odd[1].yaml',
    ]);
  });
});

describe('matchOverrideFiles', () => {
  const paths = [
    'envs/prod/mariadb.yaml',
    'envs/staging/mariadb.yaml',
    'envs/staging/redis.yaml',
    'envs/prod/eu/mariadb.yaml',
    'values/mariadb.yaml',
    'values/.hidden/mariadb.yaml',
    'lib/common/chart_values/mariadb.yaml',
  ];

  it('matches a literal path', () => {
    expect(matchOverrideFiles(['values/mariadb.yaml', 'values/missing.yaml'], paths)).toEqual(['values/mariadb.yaml']);
  });

  it('matches * within one folder level', () => {
    expect(matchOverrideFiles(['envs/*/mariadb.yaml'], paths)).toEqual([
      'envs/prod/mariadb.yaml',
      'envs/staging/mariadb.yaml',
    ]);
  });

  it('matches ** across folder levels, dot folders included', () => {
    expect(matchOverrideFiles(['**/mariadb.yaml'], paths)).toEqual([
      'envs/prod/eu/mariadb.yaml',
      'envs/prod/mariadb.yaml',
      'envs/staging/mariadb.yaml',
      'lib/common/chart_values/mariadb.yaml',
      'values/.hidden/mariadb.yaml',
      'values/mariadb.yaml',
    ]);
  });

  it('matches a glob in the file name', () => {
    expect(matchOverrideFiles(['envs/staging/*.yaml'], paths)).toEqual([
      'envs/staging/mariadb.yaml',
      'envs/staging/redis.yaml',
    ]);
  });

  it('keeps pattern order, the order Helm merges -f files in, and lists a file once', () => {
    expect(matchOverrideFiles(['values/mariadb.yaml', 'envs/*/mariadb.yaml', 'envs/prod/mariadb.yaml'], paths)).toEqual(
      ['values/mariadb.yaml', 'envs/prod/mariadb.yaml', 'envs/staging/mariadb.yaml'],
    );
  });
});

describe('mapOverrideFiles', () => {
  const paths = [
    'values/mariadb.yaml',
    'values/vpa.yaml',
    'envs/prod/karpenter.yaml',
    'aws/chart_values/karpenter.yaml',
    'values/old-chart.yaml',
    'README.md',
  ];
  const patterns = ['values/{chart}.yaml', '{dest}/../chart_values/{chart}.yaml'];

  it('maps each chart folder to its files, with per-chart patterns', () => {
    const mapping = mapOverrideFiles(
      LOCKFILE,
      (e) => (e.name === 'karpenter' ? [...patterns, 'envs/*/karpenter.yaml'] : patterns),
      paths,
    );
    expect(Object.fromEntries(mapping)).toEqual({
      'lib/common/charts/mariadb': ['values/mariadb.yaml'],
      'lib/common/charts/vertical-pod-autoscaler': ['values/vpa.yaml'],
      'aws/charts/karpenter': ['aws/chart_values/karpenter.yaml', 'envs/prod/karpenter.yaml'],
    });
  });

  it('finds override files that no chart owns', () => {
    expect(orphanOverrideFiles(LOCKFILE, () => patterns, paths)).toEqual(['values/old-chart.yaml']);
  });

  it('widens {dest} and {dir} to the declared destinations when looking for orphans', () => {
    const withStray = [...paths, 'lib/common/chart_values/removed.yaml', 'elsewhere/chart_values/x.yaml'];
    expect(orphanOverrideFiles(LOCKFILE, () => patterns, withStray)).toEqual([
      'lib/common/chart_values/removed.yaml',
      'values/old-chart.yaml',
    ]);
  });

  it('does not call files of a per-chart pattern orphans', () => {
    const perChart = (e: LockEntry) => (e.name === 'karpenter' ? ['envs/*/{chart}.yaml'] : []);
    expect(orphanOverrideFiles(LOCKFILE, perChart, [...paths, 'envs/prod/other.yaml'])).toEqual([]);
  });

  it('maps 300 charts over 20,000 files quickly', () => {
    const charts = Array.from(
      { length: 300 },
      (_, i) => `  - name: chart-${i}\n    version: 1.0.${i}\n    repo_name: bitnami\n`,
    );
    const big = parseLockfile(
      `charts:\n${charts.join('')}repos:\n  - name: bitnami\n    url: https://b\ndestinations:\n  - name: default\n    path: charts\n`,
      'helm-freeze.yaml',
    );
    const files: string[] = [];
    for (let i = 0; i < 300; i++) {
      for (let f = 0; f < 55; f++) files.push(`charts/chart-${i}/templates/file-${f}.yaml`);
      files.push(`values/chart-${i}.yaml`);
      for (const env of ['dev', 'staging', 'prod']) files.push(`envs/${env}/chart-${i}.yaml`);
    }
    const bigPatterns = [
      'values/{chart}.yaml',
      'envs/*/{chart}.yaml',
      '{dir}/values-*.yaml',
      'envs/**/{chart}-extra.yaml',
    ];
    const mapping = mapOverrideFiles(big, () => bigPatterns, files);
    const orphans = orphanOverrideFiles(big, () => bigPatterns, files, mapping);
    expect(files.length).toBeGreaterThan(17_000);
    expect(mapping.get('charts/chart-42')).toEqual([
      'values/chart-42.yaml',
      'envs/dev/chart-42.yaml',
      'envs/prod/chart-42.yaml',
      'envs/staging/chart-42.yaml',
    ]);
    expect(orphans).toEqual([]);
  });
});
