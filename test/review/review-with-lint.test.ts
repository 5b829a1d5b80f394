// `chart-guard review --lint` prints what the Action posts with `lint: true`: both call reviewWithLint, which
// reviews the changed charts and lints the others into one report with one verdict.
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/analysis.js';
import { run } from '../../src/cli/run.js';
import { reviewWithLint } from '../../src/core/pipeline/review.js';
import { GitSnapshot } from '../../src/core/repo/git-snapshot.js';
import type { Report } from '../../src/core/report/report.js';
import { PROJECT_DIR, TestRepo } from '../support/git-repo.js';

const FIXTURE = join(PROJECT_DIR, 'test/fixtures/environments');

const lockfile = (version: string) =>
  [
    'charts:',
    '  - name: web',
    `    version: ${version}`,
    '    repo_name: example',
    '  - name: caps',
    '    version: 1.0.0',
    '    repo_name: example',
    'repos:',
    '  - name: example',
    '    url: https://charts.example.com',
    'destinations:',
    '  - name: default',
    '    path: ./charts',
    '',
  ].join('\n');

function captureIo(cwd: string): { io: CliIo; stdout: () => string } {
  let out = '';
  const sink = (collect: boolean) =>
    new Writable({
      write(chunk, _encoding, done) {
        if (collect) out += String(chunk);
        done();
      },
    }) as unknown as NodeJS.WriteStream;
  return { io: { stdout: sink(true), stderr: sink(false), env: {}, cwd, toolVersion: '0.0.0' }, stdout: () => out };
}

/** The report without what differs from run to run. */
const stable = ({ stats: _, ...report }: Report) => report;

describe('review --lint', () => {
  const repo = new TestRepo('cg-review-lint-');
  let base: string;
  let head: string;

  beforeAll(() => {
    for (const folder of ['values', 'envs', '.github']) repo.copy(join(FIXTURE, 'repo', folder), folder);
    repo
      .write('helm-freeze.yaml', lockfile('1.0.0'))
      .copy(join(FIXTURE, 'base/web'), 'charts/web')
      .copy(join(PROJECT_DIR, 'test/fixtures/capabilities/base/caps'), 'charts/caps')
      // caps is not touched by the change, yet its override file sets a key it does not have: lint finds it
      .write('values/caps.yaml', 'notAKey: 1\n');
    base = repo.commit('base');
    repo.write('helm-freeze.yaml', lockfile('2.0.0')).copy(join(FIXTURE, 'head/web'), 'charts/web');
    head = repo.commit('bump web');
  });
  afterAll(() => repo.cleanup());

  it('prints the report the Action posts: the review of web, then the lint of the untouched caps', async () => {
    const { io, stdout } = captureIo(repo.dir);
    const code = await run(['review', '--base', base, '--head', head, '--lint', '--no-render', '--format', 'json'], io);
    const printed = JSON.parse(stdout()) as Report;
    const posted = await reviewWithLint({
      repoDir: repo.dir,
      base: new GitSnapshot(repo.dir, base, base),
      head: new GitSnapshot(repo.dir, head, head),
      helm: null,
    });
    expect(stable(printed)).toEqual(stable(posted));
    expect(printed.charts.map((c) => [c.name, c.change])).toEqual([
      ['web', 'bumped'],
      ['caps', 'unchanged'],
    ]);
    const unknown = printed.charts[1].findings.filter((f) => f.rule === 'override-key-unknown');
    expect(unknown.map((f) => [f.file, f.path, f.environments])).toEqual([
      ['values/caps.yaml', 'notAKey', ['aws', 'gcp']],
    ]);
    expect(code).toBe(printed.verdict === 'fail' ? 1 : 0);
  });

  it('counts the changed charts apart from the linted ones in the text and Markdown summaries', async () => {
    const text = captureIo(repo.dir);
    await run(['review', '--base', base, '--head', head, '--lint', '--no-render', '--format', 'text'], text.io);
    expect(text.stdout()).toMatch(/ in 1 changed chart and 1 unchanged chart( ·.*)?\n$/);
    const only = captureIo(repo.dir);
    await run(['review', '--base', base, '--head', head, '--no-render', '--format', 'text'], only.io);
    expect(only.stdout()).toMatch(/ in 1 changed chart( ·.*)?\n$/);
  });

  it('reviews only, without --lint', async () => {
    const { io, stdout } = captureIo(repo.dir);
    await run(['review', '--base', base, '--head', head, '--no-render', '--format', 'json'], io);
    expect((JSON.parse(stdout()) as Report).charts.map((c) => c.name)).toEqual(['web']);
  });
});
