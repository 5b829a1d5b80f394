// What a review shows of the renders, end to end with real helm v4 on corpus charts: the template line each
// render-based finding points at (render/template-lines.ts) and the rendered diff of every changed object.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { review } from '../../src/core/pipeline/review.js';
import { GitSnapshot } from '../../src/core/repo/git-snapshot.js';
import type { Report } from '../../src/core/report/report.js';
import { corpusChart, HELM_BINARIES, TestRepo } from '../support/git-repo.js';
import { chartsLockfile } from '../support/lockfile.js';

const lockfile = (charts: { name: string; version: string }[]) => chartsLockfile(charts);

const MARIADB = 'mariadb-7.10.4-to-8.0.0';
const NODE_EXPORTER = 'prometheus-node-exporter-3.4.0-to-4.0.0';
const RENDER_RULES = new Set<string>([
  'immutable-field-changed',
  'statefulset-replaced',
  'resource-removed',
  'api-removed',
  'api-deprecated',
  'crd-changed',
  'crd-moved',
  'crd-version-removed',
]);

describe('a review of mariadb 7 -> 8 and node-exporter 3 -> 4 (helm v4)', () => {
  const repo = new TestRepo();
  let report: Report;

  beforeAll(async () => {
    repo
      .write(
        'helm-freeze.yaml',
        lockfile([
          { name: 'mariadb', version: '7.10.4' },
          { name: 'prometheus-node-exporter', version: '3.4.0' },
        ]),
      )
      .copy(corpusChart(MARIADB, 'old'), 'charts/mariadb')
      .copy(corpusChart(NODE_EXPORTER, 'old'), 'charts/prometheus-node-exporter');
    const base = repo.commit('base');
    repo
      .write(
        'helm-freeze.yaml',
        lockfile([
          { name: 'mariadb', version: '8.0.0' },
          { name: 'prometheus-node-exporter', version: '4.0.0' },
        ]),
      )
      .copy(corpusChart(MARIADB, 'new'), 'charts/mariadb')
      .copy(corpusChart(NODE_EXPORTER, 'new'), 'charts/prometheus-node-exporter');
    const head = repo.commit('bump');
    report = await review({
      repoDir: repo.dir,
      base: new GitSnapshot(repo.dir, 'main~1', base),
      head: new GitSnapshot(repo.dir, 'main', head),
      helm: HELM_BINARIES.v4,
      kubernetesVersion: '1.25',
    });
  }, 120_000);
  afterAll(() => repo.cleanup());

  const renderFindings = () => report.charts.flatMap((c) => c.findings).filter((f) => RENDER_RULES.has(f.rule));

  it('points each render-based finding at the kind: line of the object in its template', () => {
    const findings = renderFindings();
    const rules = new Set(findings.map((f) => f.rule));
    // the bumps replace a StatefulSet, remove objects and change a DaemonSet selector
    for (const rule of ['statefulset-replaced', 'resource-removed', 'immutable-field-changed'] as const) {
      expect(rules.has(rule), rule).toBe(true);
    }
    for (const finding of findings) {
      expect(finding.file, `${finding.rule} ${finding.message}`).toBeDefined();
      expect(finding.line, `${finding.rule} ${finding.message}`).toBeDefined();
      // resource-removed names the base's file, which the head commit may have deleted: read it from git
      const side = finding.rule === 'resource-removed' ? 'main~1' : 'main';
      const text = repo.git('show', `${side}:${finding.file}`);
      expect(text.split('\n')[finding.line! - 1]).toMatch(new RegExp(`^kind:\\s*${finding.resource!.kind}\\b`));
    }
  });

  it('tells apart two objects of one kind in one file by their name', () => {
    // mariadb 8's primary folder: the StatefulSet successor sits in its own file, the removed slave in another
    const replaced = renderFindings().find((f) => f.rule === 'statefulset-replaced');
    expect(replaced?.file).toMatch(/^charts\/mariadb\/templates\/primary\/statefulset\.yaml$/);
    const removed = renderFindings().filter((f) => f.rule === 'resource-removed' && f.resource?.kind === 'StatefulSet');
    expect(removed.map((f) => f.file)).toEqual(['charts/mariadb/templates/slave-statefulset.yaml']);
  });

  it('holds the rendered diff of node-exporter: the DaemonSet selector lines change, noise labels left out', () => {
    const chart = report.charts.find((c) => c.name === 'prometheus-node-exporter')!;
    const [diff] = chart.renderedDiff ?? [];
    const daemonSet = diff.objects.find((o) => o.resource.kind === 'DaemonSet')!;
    expect(daemonSet.change).toBe('changed');
    const selector = report.charts
      .flatMap((c) => c.findings)
      .find((f) => f.rule === 'immutable-field-changed' && f.resource?.kind === 'DaemonSet')!;
    expect(selector.path).toBe('spec.selector.matchLabels');
    // each selector label the bump removes and adds is a - and a + line of the patch
    const labels = (value: unknown) => Object.entries(value as Record<string, string>);
    expect(labels(selector.before).length).toBeGreaterThan(0);
    for (const [key, value] of labels(selector.before)) expect(daemonSet.patch).toMatch(lineOf('-', key, value));
    for (const [key, value] of labels(selector.after)) expect(daemonSet.patch).toMatch(lineOf('+', key, value));
    expect(daemonSet.patch).not.toMatch(/helm\.sh\/chart|app\.kubernetes\.io\/version/);
  });

  it('lists no object whose only change is a noise label (every bumped object carries a new helm.sh/chart)', () => {
    const objects = report.charts.flatMap((c) => c.renderedDiff ?? []).flatMap((d) => d.objects);
    expect(objects.length).toBeGreaterThan(0);
    for (const object of objects.filter((o) => o.change === 'changed')) {
      const changedLines = object.patch.split('\n').filter((l) => /^[-+](?![-+]{2} )/.test(l));
      expect(changedLines.length, `${object.resource.kind}/${object.resource.name}`).toBeGreaterThan(0);
    }
  });
});

/** A diff line adding or removing `key: value` at any indentation. */
function lineOf(sign: '-' | '+', key: string, value: string): RegExp {
  const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return new RegExp(`^\\${sign}\\s+${literal(key)}: ${literal(value)}$`, 'm');
}
