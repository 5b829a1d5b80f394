// A finding whose place is in the base commit (resource-removed: the object's template may be gone at head) links to
// the file at the base sha, says so in text, and is annotated on the head at the chart's lockfile line instead.
import { describe, expect, it } from 'vitest';
import type { Finding, Report } from '../../src/core/report/report.js';
import { selectAnnotations } from '../../src/format/annotations.js';
import { renderComment } from '../../src/format/markdown.js';
import { renderSarif } from '../../src/format/sarif.js';
import { renderText } from '../../src/format/text.js';
import { mariadbChart, sampleReport, withTotals } from './fixtures.js';

const LINK_BASE = 'https://github.com/acme/platform/blob/1206942b69c02a140a60e4e5ab59bf6d53d5b7e6';
const BASE_SHA = '91fcd1eb5d00c33cc74e24502a85ce656ac1e963';

const removed: Finding = {
  rule: 'resource-removed',
  severity: 'warning',
  message: 'StatefulSet rel-mariadb-slave is no longer rendered: `helm upgrade` deletes it.',
  chart: 'mariadb',
  file: 'charts/mariadb/templates/slave-statefulset.yaml',
  line: 2,
  fileAtBase: true,
  resource: { apiVersion: 'apps/v1', kind: 'StatefulSet', namespace: 'demo', name: 'rel-mariadb-slave' },
};

function reportWithRemoval(): Report {
  const { summary: _s, verdict: _v, ...sample } = sampleReport();
  const mariadb = mariadbChart();
  return withTotals({
    ...sample,
    charts: sample.charts.map((c) =>
      c.name === 'mariadb' ? { ...mariadb, findings: [...mariadb.findings, removed] } : c,
    ),
  });
}

describe('places in the base commit', () => {
  const report = reportWithRemoval();

  it('links the file at the base commit in the comment, and says it is the base', () => {
    const comment = renderComment(report, { marker: 'm', linkBase: LINK_BASE });
    expect(comment).toContain(
      `[\`charts/mariadb/templates/slave-statefulset.yaml:2\`](https://github.com/acme/platform/blob/${BASE_SHA}/charts/mariadb/templates/slave-statefulset.yaml#L2) at base \`91fcd1e\``,
    );
    // every other place still links the head
    expect(comment).toContain(
      '(https://github.com/acme/platform/blob/1206942b69c02a140a60e4e5ab59bf6d53d5b7e6/helm-freeze.yaml#L14)',
    );
  });

  it('names the base commit in the text output', () => {
    expect(renderText(report, { color: false })).toContain(
      'charts/mariadb/templates/slave-statefulset.yaml:2 (base 91fcd1e): ',
    );
  });

  it('annotates the head at the chart lockfile line, with the link to the base file in the message', () => {
    const annotation = selectAnnotations(report, undefined, LINK_BASE).find(
      (a) => a.title === 'resource-removed (mariadb)',
    );
    expect(annotation).toMatchObject({ file: 'helm-freeze.yaml', startLine: 14 });
    expect(annotation?.message).toContain(
      `https://github.com/acme/platform/blob/${BASE_SHA}/charts/mariadb/templates/slave-statefulset.yaml#L2`,
    );
  });

  it('puts the SARIF location in the head checkout: the chart lockfile line', () => {
    const sarif = JSON.parse(renderSarif(report));
    const result = sarif.runs
      .flatMap((run: { results: unknown[] }) => run.results)
      .find((r: { ruleId: string }) => r.ruleId === 'resource-removed');
    expect(result.locations[0].physicalLocation).toMatchObject({
      artifactLocation: { uri: 'helm-freeze.yaml' },
      region: { startLine: 14 },
    });
  });

  it('gives no link rather than a wrong one when the link base is not a blob address', () => {
    const comment = renderComment(report, { marker: 'm', linkBase: 'https://example.com/browse' });
    expect(comment).toContain('`charts/mariadb/templates/slave-statefulset.yaml:2` at base `91fcd1e`');
    expect(comment).not.toContain('https://example.com/browse/charts/mariadb/templates/slave-statefulset.yaml');
  });
});
