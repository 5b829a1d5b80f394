// Issue 19 §9: a templated override file whose context file lacks several variables. One run reports them all,
// in one finding for the file: twenty missing variables are not twenty runs. Real mariadb pair, real git, helm 3 and 4.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { review } from '../../src/core/pipeline/review.js';
import { GitSnapshot } from '../../src/core/repo/git-snapshot.js';
import { allFindings, type Report } from '../../src/core/report/report.js';
import { corpusChart, HELM_BINARIES, PROJECT_DIR, TestRepo } from '../support/git-repo.js';
import { oneChartLockfile } from '../support/lockfile.js';

const FIXTURE = join(PROJECT_DIR, 'test/fixtures/templated-undefined');
const PAIR = 'mariadb-19.1.2-to-20.0.0';
const CONFIG =
  'kubernetes: "1.29"\nvalues: ["values/{chart}.yaml"]\ntemplates: { engine: jinja, context: ci/template-context.yaml }\n';

describe.each(['v3', 'v4'] as const)(
  'a templated override file with several undefined variables (helm %s)',
  (version) => {
    const repo = new TestRepo('cg-templated-undefined-');
    let report: Report;
    beforeAll(async () => {
      repo
        .write('helm-freeze.yaml', oneChartLockfile('mariadb', '19.1.2'))
        .copy(corpusChart(PAIR, 'old'), 'charts/mariadb')
        .copy(join(FIXTURE, 'values'), 'values')
        .copy(join(FIXTURE, 'ci'), 'ci')
        .write('.github/chart-guard.yaml', CONFIG);
      const base = repo.commit('mariadb 19.1.2');
      repo
        .write('helm-freeze.yaml', oneChartLockfile('mariadb', '20.0.0'))
        .remove('charts/mariadb')
        .copy(corpusChart(PAIR, 'new'), 'charts/mariadb');
      const head = repo.commit('mariadb 20.0.0');
      const snap = (sha: string) => new GitSnapshot(repo.dir, sha, sha);
      report = await review({ repoDir: repo.dir, base: snap(base), head: snap(head), helm: HELM_BINARIES[version] });
    });
    afterAll(() => repo.cleanup());

    it('is one values-file-invalid finding listing every undefined expression with its lines', () => {
      const invalid = allFindings(report).filter((f) => f.rule === 'values-file-invalid');
      expect(invalid.map((f) => [f.file, f.line, f.severity, f.message])).toEqual([
        [
          'values/mariadb.yaml',
          5,
          'error',
          'values/mariadb.yaml: 5 expressions print variables that ci/template-context.yaml does not define: ' +
            '`{{ service_id }}` (lines 5, 18), `{{ environment_id }}` (line 6), `{{ database_name }}` (line 8), ' +
            '`{{ database_login }}` (line 9), `{{ disk_size_in_gib }}` (line 12)',
        ],
      ]);
      expect(invalid[0].remedy).toBe(
        'Fix the template in values/mariadb.yaml around line 5, or define the variables the message names in ci/template-context.yaml.',
      );
    });

    it('changes nothing else', () => {
      expect(allFindings(report).map((f) => `${f.rule} ${f.file}:${f.line ?? ''}`)).toEqual([
        'major-upgrade-notes helm-freeze.yaml:3',
        'values-file-invalid values/mariadb.yaml:5',
        // the file is left out of the renders: the StatefulSet's serviceName and selector changes of the pair remain
        'immutable-field-changed charts/mariadb/templates/primary/statefulset.yaml:7',
      ]);
    });
  },
);
