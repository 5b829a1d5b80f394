// Shard reports given to `chart-guard merge` are untrusted, and their size and nesting are the forger's too. A
// finding's before/after take any JSON value in the report schema, so a report nesting one 200,000 levels deep
// passed the schema and then overflowed the call stack of the JSON output ("Maximum call stack size exceeded",
// exit 2, naming nothing). It is now refused like any report that breaks the schema: exit 2, one line naming the file
// and the field. A 100 MB message is a valid report: it merges, and the comment stays bounded.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report/report.js';
import { type BuiltCli, buildCli } from '../support/cli-bundle.js';
import { HELM_BINARIES } from '../support/git-repo.js';
import { preexistingBump } from '../support/preexisting-bump.js';

const STACK_FRAME = /^\s+at /m;
const SECRET = 'ghp_shardBoundsTestSecret000000000000000';
/** GitHub refuses a comment longer than this. */
const COMMENT_LIMIT = 65_536;
const DEPTH = 200_000;

/** `{"a":{"a":…1…}}` nested `depth` levels, written as text: JSON.stringify itself would overflow. */
const nestedObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const nestedArray = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe.each(Object.entries(HELM_BINARIES))(
  'chart-guard merge of a shard report built to exhaust it, helm %s',
  (_, helm) => {
    const { repo, base } = preexistingBump('cg-shard-bounds-');
    let cli: BuiltCli;
    let report = '';
    /** The CLI with a token in its environment, which no output may show. */
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [cli.path, ...args], {
        cwd: repo.dir,
        env: { ...process.env, GITHUB_TOKEN: SECRET },
        encoding: 'utf8',
      });

    beforeAll(() => {
      cli = buildCli();
      const head = repo.commit('web 1.1.0');
      const review = run('review', '--base', base, '--head', head, '--helm', helm, '--format', 'json', '-o', 'r.json');
      expect(review.status, review.stderr).toBe(1);
      report = readFileSync(join(repo.dir, 'r.json'), 'utf8');
      expect((JSON.parse(report) as Report).charts[0].findings.length).toBeGreaterThan(0);
    }, 120_000);
    afterAll(() => {
      cli?.cleanup();
      repo.cleanup();
    });

    it.each([
      [
        'a finding whose after value',
        '"message":',
        `"after":${nestedObject(DEPTH)},"message":`,
        '/charts/0/findings/0/after/a/…',
      ],
      ['a field of its own holding an array', '{', `{"zz":${nestedArray(DEPTH)},`, '/zz/0/0/0/0/0/…'],
    ])(
      'refuses %s nested 200,000 levels deep: exit 2, one line naming the file and field, in every format',
      (_, at, forged, pointer) => {
        writeFileSync(join(repo.dir, 'deep.json'), report.replace(at, forged));
        for (const format of ['json', 'markdown', 'text', 'sarif']) {
          const merged = run('merge', 'deep.json', '--format', format);
          expect(merged.status).toBe(2);
          expect(merged.stdout).toBe('');
          expect(merged.stderr).toBe(
            `chart-guard merge: deep.json is not a chart-guard JSON report: ${pointer} is nested deeper than 550 levels\n`,
          );
          expect(merged.stderr).not.toMatch(STACK_FRAME);
        }
      },
    );

    it('merges a report nested as deep as chart-guard reads values (500 levels)', () => {
      writeFileSync(
        join(repo.dir, 'within.json'),
        report.replace('"message":', `"after":${nestedObject(500)},"message":`),
      );
      const merged = run('merge', 'within.json', '--format', 'json');
      expect(merged.stderr).toBe('');
      expect(merged.status).toBe(1);
    });

    it('merges a 100 MB message into a comment GitHub accepts, and prints no secret', () => {
      const big = JSON.parse(report) as Report;
      big.charts[0].findings[0].message = `${'x'.repeat(100 * 1024 * 1024)}`;
      writeFileSync(join(repo.dir, 'big.json'), JSON.stringify(big));
      const merged = run('merge', 'big.json', '--format', 'markdown');
      expect(merged.status).toBe(1);
      expect(merged.stdout.length).toBeLessThan(COMMENT_LIMIT);
      expect(merged.stdout + merged.stderr).not.toContain(SECRET);
    }, 60_000);
  },
);
