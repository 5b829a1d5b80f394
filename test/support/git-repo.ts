// Builds real git repositories for tests: write files, commit, get the sha. No mocks.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const PROJECT_DIR = resolve(__dirname, '../..');
/** Real chart version pairs (public charts, vendored) with notes on what changes between them. */
export const CORPUS_DIR = join(PROJECT_DIR, 'test/fixtures/corpus');

export class TestRepo {
  readonly dir: string;

  constructor(prefix = 'cg-repo-') {
    this.dir = mkdtempSync(join(tmpdir(), prefix));
    this.git('init', '-q', '-b', 'main');
    this.git('config', 'user.email', 'test@example.com');
    this.git('config', 'user.name', 'test');
    this.git('config', 'commit.gpgsign', 'false');
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  }

  write(path: string, content: string | Buffer): this {
    const full = join(this.dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
    return this;
  }

  /** Copies a folder (e.g. a corpus chart) into the repo, replacing what was there. */
  copy(from: string, to: string): this {
    const full = join(this.dir, to);
    rmSync(full, { recursive: true, force: true });
    mkdirSync(dirname(full), { recursive: true });
    cpSync(from, full, { recursive: true });
    return this;
  }

  remove(path: string): this {
    rmSync(join(this.dir, path), { recursive: true, force: true });
    return this;
  }

  /** Stages everything and commits; returns the new sha. */
  commit(message = 'change'): string {
    this.git('add', '-A');
    this.git('commit', '-q', '--allow-empty', '-m', message);
    return this.git('rev-parse', 'HEAD');
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A corpus chart folder: corpusChart('mariadb-7.10.4-to-8.0.0', 'old') -> .../old/mariadb */
export function corpusChart(pair: string, side: 'old' | 'new'): string {
  const chart = pair.replace(/-\d+\.\d+\.\d+-to-\d+\.\d+\.\d+$/, '');
  return join(CORPUS_DIR, pair, side, chart);
}

/** helm binaries extracted by scripts/provision-helm.mjs (npm pretest). */
export const HELM_BINARIES = {
  v3: join(PROJECT_DIR, '.cache/helm/v3/helm'),
  v4: join(PROJECT_DIR, '.cache/helm/v4/helm'),
};
