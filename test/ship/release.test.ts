// The release steps of CONTRIBUTING.md run against scratch git repositories: `npm run bump-version` (files only),
// `release tag` (the maintainer's annotated tag) and `release prepare` (what .github/workflows/release.yml runs on
// the tag: the checks, the notes, the major tag). A bare `origin` shows that nothing is ever pushed.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_DIR, TestRepo } from '../support/git-repo.js';

const CHANGELOG = `# Changelog

Intro.

## [Unreleased]

### Added

- A pre-commit hook.

### Fixed

- No EBADENGINE on Node 20.

## [0.1.0] - 2026-12-07

### Added

- The first version.
`;

const README = `# chart-guard

\`\`\`yaml
      - uses: OWNER/chart-guard@v0
\`\`\`

\`\`\`yaml
repos:
  - repo: https://github.com/OWNER/chart-guard
    rev: v0.1.0
    hooks:
      - id: chart-guard-lint
\`\`\`

An exact pin stays: \`OWNER/chart-guard@v0.1.0\`.
`;

const FLEET_DOC = `# Fleet

      - uses: OWNER/chart-guard@v0
`;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function script(name: string, args: string[], dir: string): Run {
  const result = spawnSync(process.execPath, [join(PROJECT_DIR, 'scripts', name), ...args, '--dir', dir], {
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A chart-guard checkout at 0.1.0 with a bare origin it was cloned from. */
function scratchProject(): { repo: TestRepo; origin: string } {
  const repo = new TestRepo('cg-release-');
  repo
    .write('package.json', `${JSON.stringify({ name: 'chart-guard', version: '0.1.0', private: false }, null, 2)}\n`)
    .write(
      'package-lock.json',
      `${JSON.stringify({ name: 'chart-guard', version: '0.1.0', lockfileVersion: 3, packages: { '': { name: 'chart-guard', version: '0.1.0' } } }, null, 2)}\n`,
    )
    .write('CHANGELOG.md', CHANGELOG)
    .write('README.md', README)
    .write('docs/fleet.md', FLEET_DOC)
    .commit('0.1.0');
  const origin = mkdtempSync(join(tmpdir(), 'cg-release-origin-'));
  repo.git('init', '-q', '--bare', origin);
  repo.git('remote', 'add', 'origin', origin);
  repo.git('push', '-q', 'origin', 'main');
  return { repo, origin };
}

/** bump-version, commit, release tag: what a maintainer runs for a version. */
function release(repo: TestRepo, version: string, date = '2026-12-08'): Run {
  const bump = script('bump-version.mjs', [version, '--date', date], repo.dir);
  expect(bump.status, bump.stderr).toBe(0);
  repo.commit(`Release ${version}`);
  return script('release.mjs', ['tag'], repo.dir);
}

function prepare(repo: TestRepo, tag: string): Run & { notes: string; outputs: Record<string, string> } {
  const out = mkdtempSync(join(tmpdir(), 'cg-release-out-'));
  try {
    const run = script(
      'release.mjs',
      ['prepare', tag, '--notes', join(out, 'notes.md'), '--outputs', join(out, 'outputs')],
      repo.dir,
    );
    const read = (file: string) => {
      try {
        return readFileSync(join(out, file), 'utf8');
      } catch {
        return '';
      }
    };
    const outputs = Object.fromEntries(
      read('outputs')
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split('=') as [string, string]),
    );
    return { ...run, notes: read('notes.md'), outputs };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** Lists a change under [Unreleased], as the pull request that makes it does. */
function addUnreleased(repo: TestRepo, entries: string): void {
  const changelog = readFileSync(join(repo.dir, 'CHANGELOG.md'), 'utf8');
  repo.write('CHANGELOG.md', changelog.replace('## [Unreleased]\n', `## [Unreleased]\n\n${entries}\n`));
}

const tagCommit = (repo: TestRepo, tag: string) => repo.git('rev-parse', `${tag}^{commit}`);

describe('npm run bump-version', () => {
  let repo: TestRepo;
  afterEach(() => repo.cleanup());

  it('sets the version in package.json and the lock, dates the Unreleased section and points the docs at it', () => {
    ({ repo } = scratchProject());
    const bump = script('bump-version.mjs', ['1.0.0', '--date', '2026-12-08'], repo.dir);
    expect(bump.stdout).toBe(
      '0.1.0 -> 1.0.0: package.json, CHANGELOG.md, package-lock.json, README.md, docs/fleet.md\n' +
        'next: npm run build, commit with dist/, then npm run release -- tag\n',
    );
    expect(bump.status).toBe(0);
    const read = (path: string) => readFileSync(join(repo.dir, path), 'utf8');
    expect(JSON.parse(read('package.json')).version).toBe('1.0.0');
    const lock = JSON.parse(read('package-lock.json'));
    expect([lock.version, lock.packages[''].version]).toEqual(['1.0.0', '1.0.0']);
    expect(read('CHANGELOG.md')).toBe(
      CHANGELOG.replace('## [Unreleased]\n', '## [Unreleased]\n\n## [1.0.0] - 2026-12-08\n'),
    );
    expect(read('README.md')).toBe(
      README.replace('chart-guard@v0\n', 'chart-guard@v1\n').replace('rev: v0.1.0', 'rev: v1.0.0'),
    );
    expect(read('README.md')).toContain('An exact pin stays: `OWNER/chart-guard@v0.1.0`.');
    expect(read('docs/fleet.md')).toBe(FLEET_DOC.replace('@v0', '@v1'));
  });

  it('refuses a version that is not above the current one, and an empty Unreleased section', () => {
    ({ repo } = scratchProject());
    const lower = script('bump-version.mjs', ['0.0.9'], repo.dir);
    expect(lower.stderr).toBe('bump-version: 0.0.9 is not above the current version 0.1.0\n');
    expect(lower.status).toBe(1);

    expect(script('bump-version.mjs', ['0.2.0', '--date', '2026-12-08'], repo.dir).status).toBe(0);
    repo.commit('0.2.0');
    const empty = script('bump-version.mjs', ['0.3.0'], repo.dir);
    expect(empty.stderr).toBe('bump-version: CHANGELOG.md lists no change under [Unreleased]: nothing to release\n');
    expect(empty.status).toBe(1);
    expect(repo.git('status', '--porcelain')).toBe(''); // a refused bump writes nothing
  });

  it('leaves the docs alone for a prerelease: users are not sent to it', () => {
    ({ repo } = scratchProject());
    const bump = script('bump-version.mjs', ['1.0.0-rc.1', '--date', '2026-12-08'], repo.dir);
    expect(bump.stdout).toMatch(/^0\.1\.0 -> 1\.0\.0-rc\.1: package\.json, CHANGELOG\.md, package-lock\.json\n/);
    expect(readFileSync(join(repo.dir, 'README.md'), 'utf8')).toBe(README);
  });
});

describe('release tag and release prepare (the release workflow, without its GitHub steps)', () => {
  let repo: TestRepo;
  let origin: string;
  afterEach(() => {
    repo.cleanup();
    rmSync(origin, { recursive: true, force: true });
  });

  it('tags the bump commit, extracts its CHANGELOG section as the notes and moves v1 there, pushing nothing', () => {
    ({ repo, origin } = scratchProject());
    const tag = release(repo, '1.0.0');
    expect(tag.stdout).toBe(
      `tagged v1.0.0 at ${repo.git('rev-parse', '--short', 'HEAD')}; publish it with:\n  git push origin v1.0.0\n`,
    );
    expect(tag.status).toBe(0);
    expect(repo.git('cat-file', '-t', 'v1.0.0')).toBe('tag'); // annotated, as `git push --follow-tags` wants

    const run = prepare(repo, 'v1.0.0');
    expect(run.status, run.stderr).toBe(0);
    expect(run.notes).toBe('### Added\n\n- A pre-commit hook.\n\n### Fixed\n\n- No EBADENGINE on Node 20.\n');
    expect(run.outputs).toEqual({
      version: '1.0.0',
      major: 'v1',
      'major-moved': 'true',
      prerelease: 'false',
      latest: 'true',
    });
    expect(tagCommit(repo, 'v1')).toBe(tagCommit(repo, 'v1.0.0'));
    expect(run.stderr).toMatch(/^release: v1\.0\.0 at [0-9a-f]{7}; v1 moved to v1\.0\.0\n$/);
    expect(repo.git('ls-remote', '--tags', origin)).toBe(''); // the workflow pushes; the script never does
  });

  it('moves v1 forward with each release of its major, and leaves it on the newest when an older minor is fixed', () => {
    ({ repo, origin } = scratchProject());
    release(repo, '1.0.0');
    expect(prepare(repo, 'v1.0.0').status).toBe(0);
    addUnreleased(repo, '- Faster lint.');
    release(repo, '1.1.0');
    const minor = prepare(repo, 'v1.1.0');
    expect(minor.outputs['major-moved']).toBe('true');
    expect(tagCommit(repo, 'v1')).toBe(tagCommit(repo, 'v1.1.0'));

    // a fix for 1.0 made on a branch from v1.0.0, released after 1.1.0
    repo.git('checkout', '-q', '-b', 'release-1.0', 'v1.0.0');
    addUnreleased(repo, '### Fixed\n\n- A crash.');
    expect(release(repo, '1.0.1').status).toBe(0);
    const fix = prepare(repo, 'v1.0.1');
    expect(fix.status, fix.stderr).toBe(0);
    expect(fix.notes).toBe('### Fixed\n\n- A crash.\n');
    expect(fix.outputs).toMatchObject({ 'major-moved': 'false', latest: 'false' });
    expect(fix.stderr).toContain('v1 stays at v1.1.0 (newer than v1.0.1)');
    expect(tagCommit(repo, 'v1')).toBe(tagCommit(repo, 'v1.1.0'));
  });

  it('moves no major tag for a prerelease, and starts v2 with 2.0.0', () => {
    ({ repo, origin } = scratchProject());
    release(repo, '1.0.0');
    prepare(repo, 'v1.0.0');
    addUnreleased(repo, '- Config v2.');
    release(repo, '2.0.0-rc.1');
    const rc = prepare(repo, 'v2.0.0-rc.1');
    expect(rc.status, rc.stderr).toBe(0);
    expect(rc.outputs).toEqual({
      version: '2.0.0-rc.1',
      major: '',
      'major-moved': 'false',
      prerelease: 'true',
      latest: 'false',
    });
    expect(repo.git('tag', '--list', 'v2')).toBe('');

    addUnreleased(repo, '- Config v2, final.');
    release(repo, '2.0.0');
    const major = prepare(repo, 'v2.0.0');
    expect(major.outputs).toMatchObject({ major: 'v2', 'major-moved': 'true', latest: 'true' });
    expect(tagCommit(repo, 'v2')).toBe(tagCommit(repo, 'v2.0.0'));
    expect(tagCommit(repo, 'v1')).toBe(tagCommit(repo, 'v1.0.0'));
    expect(readFileSync(join(repo.dir, 'README.md'), 'utf8')).toContain('uses: OWNER/chart-guard@v2\n');
  });

  it('refuses a tag whose files do not name its version, each problem at its file and line, moving nothing', () => {
    ({ repo, origin } = scratchProject());
    repo.git('tag', '-a', 'v1.0.0', '-m', 'tagged by hand, without the bump');
    const run = prepare(repo, 'v1.0.0');
    expect(run.stderr.split('\n').filter(Boolean)).toEqual([
      'release: package.json says version 0.1.0, the tag 1.0.0',
      'release: CHANGELOG.md has no entries under "## [1.0.0]": run npm run bump-version -- 1.0.0',
      'release: README.md:4: chart-guard@v0 should be chart-guard@v1 (npm run bump-version -- 1.0.0)',
      'release: README.md:10: rev: v0.1.0 should be rev: v1.0.0 (npm run bump-version -- 1.0.0)',
      'release: docs/fleet.md:3: chart-guard@v0 should be chart-guard@v1 (npm run bump-version -- 1.0.0)',
    ]);
    expect(run.status).toBe(1);
    expect(run.notes).toBe('');
    expect(repo.git('tag', '--list', 'v1')).toBe('');
  });

  it('refuses to tag uncommitted work, a version already tagged, and a name that is not a release tag', () => {
    ({ repo, origin } = scratchProject());
    expect(script('bump-version.mjs', ['1.0.0'], repo.dir).status).toBe(0);
    const dirty = script('release.mjs', ['tag'], repo.dir);
    expect(dirty.stderr).toBe(
      'release: the working tree has uncommitted changes: commit the bump first (npm run bump-version -- X.Y.Z)\n',
    );
    expect(dirty.status).toBe(1);
    repo.commit('1.0.0');
    expect(script('release.mjs', ['tag'], repo.dir).status).toBe(0);
    const again = script('release.mjs', ['tag'], repo.dir);
    expect(again.stderr).toBe(
      'release: v1.0.0 is already tagged: bump the version first (npm run bump-version -- X.Y.Z)\n',
    );
    expect(again.status).toBe(1);
    const notATag = prepare(repo, 'main');
    expect(notATag.stderr).toBe('release: "main" is not a release tag (vX.Y.Z or vX.Y.Z-pre)\n');
    expect(notATag.status).toBe(1);
  });
});

describe("the project's own release files", () => {
  it('release as 1.0.0 (the major the README already names) with no problem, the notes being the Unreleased list', () => {
    const repo = new TestRepo('cg-release-self-');
    try {
      for (const path of ['package.json', 'package-lock.json', 'CHANGELOG.md', 'README.md', 'SECURITY.md', 'docs']) {
        cpSync(join(PROJECT_DIR, path), join(repo.dir, path), { recursive: true });
      }
      repo.commit('chart-guard as it is');
      const unreleased = /## \[Unreleased\]\n([\s\S]*?)\n## \[/.exec(
        readFileSync(join(repo.dir, 'CHANGELOG.md'), 'utf8'),
      );
      expect(unreleased?.[1]).toMatch(/^- /m);
      const tag = release(repo, '1.0.0');
      expect(tag.status, tag.stderr).toBe(0);
      const run = prepare(repo, 'v1.0.0');
      expect(run.status, run.stderr).toBe(0);
      expect(run.notes).toBe(`${unreleased?.[1].trim()}\n`);
      // no doc changed: the README's `uses:` lines and pre-commit pin already name the first release
      expect(repo.git('diff', '--name-only', 'HEAD~1', 'HEAD').split('\n').sort()).toEqual([
        'CHANGELOG.md',
        'package-lock.json',
        'package.json',
      ]);
    } finally {
      repo.cleanup();
    }
  });
});
