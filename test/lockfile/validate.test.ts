import { describe, expect, it } from 'vitest';
import { parseLockfile } from '../../src/core/lockfile/parse.js';
import {
  entryProblems,
  fileProblems,
  isEntryInvalid,
  type LockfileProblem,
  validateLockfile,
} from '../../src/core/lockfile/validate.js';

const REPOS = `repos:
  - name: bitnami
    url: https://charts.bitnami.com/bitnami
  - name: prometheus-community
    url: https://prometheus-community.github.io/helm-charts
`;
const DESTINATIONS = `destinations:
  - name: default
    path: charts
  - name: services
    path: services
`;

/** A lockfile whose charts section is `charts` (lines 1..n), followed by valid repos and destinations. */
function lockfileWith(charts: string, repos = REPOS, destinations = DESTINATIONS) {
  return parseLockfile(`charts:\n${charts}${repos}${destinations}`, 'helm-freeze.yaml');
}

const messages = (problems: { message: string; line?: number }[]) => problems.map((p) => `${p.line}: ${p.message}`);

describe('validateLockfile', () => {
  it('finds nothing in a valid lockfile', () => {
    const lockfile = lockfileWith('  - name: mariadb\n    version: 7.10.4\n    repo_name: bitnami\n');
    expect(lockfile.problems).toEqual([]);
  });

  it('reports an entry without version on its line, and keeps the entry', () => {
    const lockfile = lockfileWith('  - name: mariadb\n    repo_name: bitnami\n');
    expect(messages(lockfile.problems)).toEqual(['2: chart "mariadb" has no version']);
    expect(lockfile.charts[0]).toMatchObject({ name: 'mariadb', version: '' });
    expect(isEntryInvalid(lockfile, lockfile.charts[0])).toBe(true);
  });

  it('reports an empty version as missing', () => {
    const lockfile = lockfileWith('  - name: mariadb\n    version:\n    repo_name: bitnami\n');
    expect(messages(lockfile.problems)).toEqual(['3: chart "mariadb" has no version']);
  });

  it('reports an entry without name as a file problem (it has no folder)', () => {
    const lockfile = lockfileWith('  - version: 1.0.0\n    repo_name: bitnami\n');
    expect(messages(lockfile.problems)).toEqual(['2: chart has no name']);
    expect(lockfile.charts).toEqual([]);
    expect(fileProblems(lockfile)).toHaveLength(1);
  });

  it('reports unknown keys in a chart entry, with the key line', () => {
    const lockfile = lockfileWith(
      '  - name: mariadb\n    version: 7.10.4\n    repo_name: bitnami\n    dest_folder_overide: db\n',
    );
    expect(lockfile.problems).toHaveLength(1);
    expect(lockfile.problems[0]).toMatchObject({
      line: 5,
      message: expect.stringContaining('unknown key "dest_folder_overide" in chart "mariadb"'),
    });
  });

  it('reports unknown keys in repos, destinations and at the top level', () => {
    const lockfile = parseLockfile(
      'charts: []\nrepo:\n  - name: x\ntoString: 1\nrepos:\n  - name: bitnami\n    url: https://b\n    username: me\ndestinations:\n  - name: default\n    path: charts\n    mode: copy\n',
      'helm-freeze.yaml',
    );
    expect(messages(lockfile.problems).map((m) => m.split(' (')[0])).toEqual([
      '2: unknown top-level key "repo"',
      '4: unknown top-level key "toString"',
      '8: unknown key "username" in repo "bitnami"',
      '12: unknown key "mode" in destination "default"',
    ]);
  });

  it('reports a value that is a list instead of a single value', () => {
    const lockfile = lockfileWith('  - name: mariadb\n    version: [7.10.4]\n    repo_name: bitnami\n');
    expect(messages(lockfile.problems)).toEqual(['3: "version" in chart "mariadb" must be a single value, not a list']);
  });

  it('reports a repo_name that no repo declares', () => {
    const lockfile = lockfileWith('  - name: mariadb\n    version: 7.10.4\n    repo_name: bitnamy\n');
    expect(messages(lockfile.problems)).toEqual([
      '4: chart "mariadb" names repo "bitnamy", which is not declared in repos',
    ]);
  });

  it('accepts a bare oci:// repo_name without a repos entry', () => {
    const lockfile = lockfileWith(
      '  - name: karpenter\n    version: 0.36.2\n    repo_name: oci://public.ecr.aws/karpenter\n',
    );
    expect(lockfile.problems).toEqual([]);
  });

  it('reports an entry without repo_name when the stable repo it falls back to is not declared', () => {
    const missing = lockfileWith('  - name: nginx-ingress\n    version: 1.35.0\n');
    expect(messages(missing.problems)).toEqual([
      '2: chart "nginx-ingress" has no repo_name, so helm-freeze uses repo "stable", which is not declared in repos',
    ]);
    const declared = lockfileWith(
      '  - name: nginx-ingress\n    version: 1.35.0\n',
      `${REPOS}  - name: stable\n    url: https://charts.helm.sh/stable\n`,
    );
    expect(declared.problems).toEqual([]);
  });

  it('reports a dest that no destination declares', () => {
    const lockfile = lockfileWith(
      '  - name: mariadb\n    version: 7.10.4\n    repo_name: bitnami\n    dest: servics\n',
    );
    expect(messages(lockfile.problems)).toEqual([
      '5: chart "mariadb" names destination "servics", which is not declared in destinations',
    ]);
  });

  it('reports an entry without dest when no default destination is declared', () => {
    const noDefault = 'destinations:\n  - name: services\n    path: services\n';
    const lockfile = lockfileWith('  - name: mariadb\n    version: 7.10.4\n    repo_name: bitnami\n', REPOS, noDefault);
    expect(messages(lockfile.problems)).toEqual([
      '2: chart "mariadb" has no dest, so helm-freeze uses destination "default", which is not declared in destinations',
    ]);
    const withDest = lockfileWith(
      '  - name: mariadb\n    version: 7.10.4\n    repo_name: bitnami\n    dest: services\n',
      REPOS,
      noDefault,
    );
    expect(withDest.problems).toEqual([]);
  });

  it('reports a chart_path chart whose repo is not of type git', () => {
    const lockfile = lockfileWith(
      '  - name: pleco\n    version: 3f2a9c1\n    repo_name: bitnami\n    chart_path: /charts/pleco\n',
    );
    expect(messages(lockfile.problems)).toEqual([
      '5: chart "pleco" has chart_path but repo "bitnami" is not of type git',
    ]);
  });

  it('reports duplicate repo names and duplicate repo urls', () => {
    const repos = `${REPOS}  - name: bitnami\n    url: https://other\n  - name: bitnami-again\n    url: https://charts.bitnami.com/bitnami\n`;
    const lockfile = lockfileWith('  - name: mariadb\n    version: 7.10.4\n    repo_name: bitnami\n', repos);
    expect(messages(lockfile.problems)).toEqual([
      '10: repo "bitnami" is declared twice (first on line 6)',
      '12: repo url https://charts.bitnami.com/bitnami is declared twice (first on line 6)',
    ]);
    expect(lockfile.problems.every((p) => !(p as LockfileProblem).entryLines)).toBe(true);
  });

  it('reports duplicate destination names and two destinations with the same folder', () => {
    const destinations = `${DESTINATIONS}  - name: services\n    path: other\n  - name: again\n    path: ./charts/\n`;
    const lockfile = lockfileWith(
      '  - name: mariadb\n    version: 7.10.4\n    repo_name: bitnami\n',
      REPOS,
      destinations,
    );
    expect(messages(lockfile.problems)).toEqual([
      '15: destination "services" is declared twice (first on line 13)',
      '17: destination path ./charts/ is the same folder as the destination on line 11',
    ]);
  });

  it('reports a destination path that is absolute or leaves the repository', () => {
    const destinations = 'destinations:\n  - name: default\n    path: /srv/charts\n  - name: up\n    path: ../../x\n';
    const lockfile = parseLockfile(`charts: []\n${REPOS}${destinations}`, 'lib/helm-freeze.yaml');
    expect(messages(lockfile.problems)).toEqual([
      '8: destination "default" has an absolute path; chart-guard needs a path relative to the lockfile\'s folder',
      '10: destination "up" points outside the repository (../../x)',
    ]);
  });

  it('reports two entries synced to the same folder, and marks both entries invalid', () => {
    const lockfile = lockfileWith(
      '  - name: mariadb\n    version: 7.10.4\n    repo_name: bitnami\n  - name: mariadb-galera\n    dest_folder_override: mariadb\n    version: 1.0.0\n    repo_name: bitnami\n',
    );
    expect(messages(lockfile.problems)).toEqual([
      '5: chart "mariadb-galera" is synced to charts/mariadb, the same folder as chart "mariadb" on line 2',
    ]);
    expect(lockfile.charts.map((e) => isEntryInvalid(lockfile, e))).toEqual([true, true]);
  });

  it('does not confuse entries of the same name in different destinations with duplicates', () => {
    const lockfile = lockfileWith(
      '  - name: mariadb\n    version: 7.10.4\n    repo_name: bitnami\n  - name: mariadb\n    version: 8.0.0\n    repo_name: bitnami\n    dest: services\n',
    );
    expect(lockfile.problems).toEqual([]);
  });

  it('reports a key set twice in one entry', () => {
    const lockfile = lockfileWith(
      '  - name: mariadb\n    version: 7.10.4\n    version: 8.0.0\n    repo_name: bitnami\n',
    );
    expect(messages(lockfile.problems)).toEqual(['4: chart "mariadb" sets "version" twice']);
    expect(lockfile.charts[0].version).toBe('8.0.0');
  });

  it('ties each entry problem to its entry only', () => {
    const lockfile = lockfileWith(
      '  - name: good\n    version: 1.0.0\n    repo_name: bitnami\n  - name: bad\n    version: 1.0.0\n    repo_name: nope\n',
    );
    const [good, bad] = lockfile.charts;
    expect(isEntryInvalid(lockfile, good)).toBe(false);
    expect(entryProblems(lockfile, bad).map((p) => p.line)).toEqual([7]);
    expect(fileProblems(lockfile)).toEqual([]);
  });

  it('validates again from the lockfile text, as parseLockfile does', () => {
    const text = `charts:\n  - name: mariadb\n    version: 7.10.4\n    repo_name: nope\n${REPOS}${DESTINATIONS}`;
    const lockfile = parseLockfile(text, 'helm-freeze.yaml');
    expect(validateLockfile(lockfile, text)).toEqual(lockfile.problems);
  });
});
