import { afterAll, describe, expect, it } from 'vitest';
import { diffLockfiles, semverChange } from '../../src/core/lockfile/changes.js';
import { parseLockfile } from '../../src/core/lockfile/parse.js';
import { changedFiles } from '../../src/core/repo/changed-files.js';
import { openSnapshot } from '../../src/core/repo/open.js';
import { TestRepo } from '../support/git-repo.js';

const TAIL = `repos:
  - name: bitnami
    url: https://charts.bitnami.com/bitnami
destinations:
  - name: default
    path: charts
  - name: services
    path: services
  - name: extra
    path: extra
`;

/** A lockfile from `name@version[>dest]` specs. */
function lockfile(...specs: string[]) {
  const charts = specs.map((spec) => {
    const [nameVersion, dest] = spec.split('>');
    const [name, version] = nameVersion.split('@');
    return `  - name: ${name}\n    version: ${version}\n    repo_name: bitnami\n${dest ? `    dest: ${dest}\n` : ''}`;
  });
  const parsed = parseLockfile(`charts:\n${charts.join('')}${TAIL}`, 'helm-freeze.yaml');
  expect(parsed.problems).toEqual([]);
  return parsed;
}

const summary = (changes: ReturnType<typeof diffLockfiles>) =>
  changes.map((c) => `${c.change} ${c.dir} ${c.base?.version ?? '-'} -> ${c.head?.version ?? '-'} ${c.semverChange}`);

describe('semverChange', () => {
  it.each([
    ['7.10.4', '8.0.0', 'major'],
    ['7.10.4', '7.11.0', 'minor'],
    ['7.10.4', '7.10.5', 'patch'],
    ['1.0.0-rc.1', '1.0.0-rc.2', 'prerelease'],
    ['1.0.0-rc.1', '1.0.0', 'prerelease'],
    ['1.0.0', '2.0.0-rc.1', 'major'],
    ['8.0.0', '7.10.4', 'downgrade'],
    ['1.0.0', '1.0.0-rc.1', 'downgrade'],
    ['v1.15.3', 'v1.16.0', 'minor'],
    ['v1.15.3', '1.15.4', 'patch'],
    ['1.10', '1.11', 'minor'],
    ['1.10', '1.9', 'downgrade'],
    ['3f2a9c1e5b7d', '9e8d7c6b5a41', 'other'],
    ['1.2.3', '3f2a9c1', 'other'],
    ['v1.2.3', '1.2.3', 'other'],
  ])('%s -> %s is %s', (from, to, expected) => {
    expect(semverChange(from, to)).toBe(expected);
  });

  it('is null when the version did not change', () => {
    expect(semverChange('1.2.3', '1.2.3')).toBeNull();
  });

  it('does not read a number out of a git sha', () => {
    // semver.coerce('3f2a9c1') would give 3.0.0 and call this a major bump.
    expect(semverChange('3f2a9c1', '4e5d6c7')).toBe('other');
  });
});

describe('diffLockfiles', () => {
  it('reports a version change in the same folder as a bump', () => {
    const changes = diffLockfiles(
      lockfile('mariadb@7.10.4', 'redis@1.0.0'),
      lockfile('mariadb@8.0.0', 'redis@1.0.0'),
      new Set(),
    );
    expect(summary(changes)).toEqual(['bumped charts/mariadb 7.10.4 -> 8.0.0 major']);
  });

  it('reports downgrades, prereleases and v-prefixed versions', () => {
    const changes = diffLockfiles(
      lockfile('a@2.0.0', 'b@1.0.0-rc.1', 'c@v1.15.3'),
      lockfile('a@1.9.0', 'b@1.0.0', 'c@v1.16.0'),
      new Set(),
    );
    expect(summary(changes)).toEqual([
      'bumped charts/a 2.0.0 -> 1.9.0 downgrade',
      'bumped charts/b 1.0.0-rc.1 -> 1.0.0 prerelease',
      'bumped charts/c v1.15.3 -> v1.16.0 minor',
    ]);
  });

  it('reports added and removed entries', () => {
    const changes = diffLockfiles(
      lockfile('mariadb@7.10.4', 'redis@1.0.0'),
      lockfile('mariadb@7.10.4', 'kafka@2.0.0'),
      new Set(),
    );
    expect(summary(changes)).toEqual(['added charts/kafka - -> 2.0.0 null', 'removed charts/redis 1.0.0 -> - null']);
  });

  it('reports every entry as added when there is no lockfile at base', () => {
    expect(summary(diffLockfiles(undefined, lockfile('mariadb@7.10.4'), new Set()))).toEqual([
      'added charts/mariadb - -> 7.10.4 null',
    ]);
  });

  it('pairs a removed and an added entry of the same name and version as a move', () => {
    const changes = diffLockfiles(lockfile('mariadb@7.10.4'), lockfile('mariadb@7.10.4>services'), new Set());
    expect(summary(changes)).toEqual(['moved services/mariadb 7.10.4 -> 7.10.4 null']);
    expect(changes[0].base?.dir).toBe('charts/mariadb');
  });

  it('reports a chart that moved and changed version as a bump across folders', () => {
    const changes = diffLockfiles(lockfile('mariadb@7.10.4'), lockfile('mariadb@8.0.0>services'), new Set());
    expect(summary(changes)).toEqual(['bumped services/mariadb 7.10.4 -> 8.0.0 major']);
    expect([changes[0].base?.dir, changes[0].head?.dir]).toEqual(['charts/mariadb', 'services/mariadb']);
  });

  it('keys entries by folder, so one name in two folders is two charts', () => {
    const changes = diffLockfiles(
      lockfile('mariadb@7.10.4', 'mariadb@7.10.4>services'),
      lockfile('mariadb@7.10.4', 'mariadb@8.0.0>services'),
      new Set(),
    );
    expect(summary(changes)).toEqual(['bumped services/mariadb 7.10.4 -> 8.0.0 major']);
  });

  it('does not pair entries by name when the name is ambiguous', () => {
    const changes = diffLockfiles(
      lockfile('mariadb@7.10.4', 'mariadb@7.10.4>services'),
      lockfile('mariadb@8.0.0>extra'),
      new Set(),
    );
    const kinds = changes.map((c) => c.change).sort();
    expect(kinds).toEqual(['added', 'removed', 'removed']);
  });

  describe('an entry renamed with its release kept is the same release', () => {
    // the caller's release names: "db" is the release of mariadb and of its renamed entry
    const release = (entry: { name: string }) =>
      ['mariadb', 'database', 'mariadb-next'].includes(entry.name) ? 'db' : entry.name;

    it('pairs it as a bump across names and folders, or a move when the version stays', () => {
      const bumped = diffLockfiles(
        lockfile('mariadb@7.10.4'),
        lockfile('database@8.0.0'),
        new Set(),
        undefined,
        release,
      );
      expect(summary(bumped)).toEqual(['bumped charts/database 7.10.4 -> 8.0.0 major']);
      expect([bumped[0].base?.name, bumped[0].head?.name]).toEqual(['mariadb', 'database']);
      const moved = diffLockfiles(
        lockfile('mariadb@7.10.4'),
        lockfile('database@7.10.4'),
        new Set(),
        undefined,
        release,
      );
      expect(summary(moved)).toEqual(['moved charts/database 7.10.4 -> 7.10.4 null']);
    });

    it('leaves a rename to another release, or an ambiguous release, removed + added', () => {
      const other = diffLockfiles(lockfile('redis@1.0.0'), lockfile('valkey@2.0.0'), new Set(), undefined, release);
      expect(other.map((c) => c.change).sort()).toEqual(['added', 'removed']);
      const twice = diffLockfiles(
        lockfile('mariadb@7.10.4'),
        lockfile('database@8.0.0', 'mariadb-next@8.0.0'),
        new Set(),
        undefined,
        release,
      );
      expect(twice.map((c) => c.change).sort()).toEqual(['added', 'added', 'removed']);
    });
  });

  it('reports an unchanged entry whose override files changed, as the caller decides', () => {
    const base = lockfile('mariadb@7.10.4', 'redis@1.0.0');
    const head = lockfile('mariadb@7.10.4', 'redis@1.0.0');
    const changes = diffLockfiles(base, head, new Set(['values/redis.yaml']), (entry) => entry.name === 'redis');
    expect(summary(changes)).toEqual(['overrides-changed charts/redis 1.0.0 -> 1.0.0 null']);
  });

  it('does not ask about override files of a bumped entry', () => {
    const asked: string[] = [];
    diffLockfiles(lockfile('mariadb@7.10.4'), lockfile('mariadb@8.0.0'), new Set(), (entry) => {
      asked.push(entry.name);
      return true;
    });
    expect(asked).toEqual([]);
  });

  describe('with a real git change', () => {
    const repo = new TestRepo();
    afterAll(() => repo.cleanup());

    it('reports an entry whose chart folder changed without a lockfile change as modified, and nothing else', async () => {
      const lock = `charts:\n  - name: mariadb\n    version: 7.10.4\n    repo_name: bitnami\n  - name: redis\n    version: 1.0.0\n    repo_name: bitnami\n${TAIL}`;
      repo.write('helm-freeze.yaml', lock);
      repo.write('charts/mariadb/Chart.yaml', 'name: mariadb\nversion: 7.10.4\n');
      repo.write('charts/mariadb/templates/sts.yaml', 'kind: StatefulSet\n');
      repo.write('charts/redis/Chart.yaml', 'name: redis\nversion: 1.0.0\n');
      const baseSha = repo.commit('base');
      repo.write('charts/mariadb/templates/sts.yaml', 'kind: StatefulSet # hand edit\n');
      const headSha = repo.commit('edit a vendored template');
      const [base, head] = await Promise.all([openSnapshot(repo.dir, baseSha), openSnapshot(repo.dir, headSha)]);
      const changed = await changedFiles(repo.dir, base, head);
      const changes = diffLockfiles(
        parseLockfile(lock, 'helm-freeze.yaml'),
        parseLockfile(lock, 'helm-freeze.yaml'),
        changed,
      );
      expect(summary(changes)).toEqual(['modified charts/mariadb 7.10.4 -> 7.10.4 null']);
    });
  });
});
