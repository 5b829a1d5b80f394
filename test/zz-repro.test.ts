import { describe, it } from 'vitest';
import { GitSnapshot } from '../src/core/repo/git-snapshot.js';
import { review } from '../src/core/review.js';
import { corpusChart, TestRepo } from '../test/support/git-repo.js';

const BLACKBOX = 'prometheus-blackbox-exporter-9.8.0-to-10.0.0';
const lock = (v: string) =>
  `charts:\n  - name: prometheus-blackbox-exporter\n    version: ${v}\n    repo_name: p\nrepos:\n  - name: p\n    url: https://x\ndestinations:\n  - name: default\n    path: ./charts\n`;
describe('repro', () => {
  it('empty key', async () => {
    for (const mode of ['empty', 'big']) {
      const repo = new TestRepo();
      repo
        .write('helm-freeze.yaml', lock('9.8.0'))
        .copy(corpusChart(BLACKBOX, 'old'), 'charts/prometheus-blackbox-exporter')
        .write('values/prometheus-blackbox-exporter.yaml', 'extraEnvFromSecret:\n  - probe-credentials\n')
        .write('.github/chart-guard.yaml', 'values:\n  - values/{chart}.yaml\n');
      const b = repo.commit();
      repo
        .write('helm-freeze.yaml', lock('10.0.0'))
        .copy(corpusChart(BLACKBOX, 'new'), 'charts/prometheus-blackbox-exporter');
      if (mode === 'empty')
        repo.write(
          'charts/prometheus-blackbox-exporter/values.yaml',
          require('fs').readFileSync(repo.dir + '/charts/prometheus-blackbox-exporter/values.yaml', 'utf8') +
            '\n"": ""\n',
        );
      else
        repo.write(
          'values/prometheus-blackbox-exporter.yaml',
          Array.from({ length: 130000 }, (_, i) => `k${i}: 1`).join('\n'),
        );
      const h = repo.commit();
      const r = await review({
        repoDir: repo.dir,
        base: new GitSnapshot(repo.dir, 'b', b),
        head: new GitSnapshot(repo.dir, 'h', h),
        helm: null,
      });
      console.log(
        mode,
        r.verdict,
        r.summary,
        r.diagnostics,
        r.charts[0]?.findings.slice(0, 3).map((f) => f.rule + ' ' + f.message.slice(0, 100)),
      );
      repo.cleanup();
    }
  }, 120000);
});
