// A pull request names its files: a chart folder or override file may hold spaces, `#`, `?`, `%`, `:` or non-ASCII
// characters. SARIF's artifactLocation.uri is a URI reference (RFC 3986), so each must reach code scanning
// percent-encoded: unencoded, `#` and `?` cut the path into a fragment or query and `%` reads as an escape.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report/report.js';
import { relativeUri, renderSarif } from '../../src/format/sarif.js';
import { sampleReport } from '../format/fixtures.js';
import { type BuiltCli, buildCli, runCli } from '../support/cli-bundle.js';
import { TestRepo } from '../support/git-repo.js';
import { oneChartLockfile } from '../support/lockfile.js';

const STACK_FRAME = /^\s+at /m;
const HOSTILE = 'charts/my chart #1?v=2 100% é:ü/Chart.yaml';
const ENCODED = 'charts/my%20chart%20%231%3Fv%3D2%20100%25%20%C3%A9%3A%C3%BC/Chart.yaml';

interface SarifLog {
  runs: {
    results: { locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string } } }[] }[];
  }[];
}
const uris = (text: string) =>
  (JSON.parse(text) as SarifLog).runs.flatMap((run) =>
    run.results.map((result) => result.locations[0].physicalLocation.artifactLocation),
  );

describe('SARIF artifact URIs', () => {
  it('percent-encodes each path segment as UTF-8 and keeps the slashes', () => {
    expect(relativeUri(HOSTILE)).toBe(ENCODED);
    expect(relativeUri('values/mariadb.yaml')).toBe('values/mariadb.yaml');
    // resolved against the source root, the URI is the file again, nothing cut off as query or fragment
    const url = new URL(relativeUri(HOSTILE), 'file:///src/');
    expect([url.search, url.hash]).toEqual(['', '']);
    expect(decodeURIComponent(url.pathname)).toBe(`/src/${HOSTILE}`);
    // a lone surrogate (only a forged report holds one) does not stop the output
    expect(relativeUri('values/\ud800.yaml')).toBe('values/%EF%BF%BD.yaml');
  });

  it('writes every finding place and the lockfile fallback encoded', () => {
    const report: Report = sampleReport();
    report.lockfile = 'deploy #2/helm-freeze.yaml';
    const [placed] = report.charts.flatMap((chart) => chart.findings).filter((finding) => finding.file);
    placed.file = HOSTILE;
    placed.fileAtBase = undefined;
    report.findings.push({ rule: 'kube-version-unset', severity: 'notice', message: 'no target' });
    const locations = uris(renderSarif(report));
    expect(locations).toContainEqual({ uri: ENCODED, uriBaseId: '%SRCROOT%' });
    expect(locations).toContainEqual({ uri: 'deploy%20%232/helm-freeze.yaml', uriBaseId: '%SRCROOT%' });
    for (const { uri } of locations) expect(uri).toMatch(/^[A-Za-z0-9\-._~!$&'()*+,;=:@%/]+$/);
  });
});

describe('a lint of a repository with a chart folder named with URI delimiters', () => {
  const repo = new TestRepo('cg-sarif-uris-');
  let cli: BuiltCli;
  beforeAll(() => {
    cli = buildCli();
    repo
      .write('helm-freeze.yaml', oneChartLockfile('app', '1.0.0'))
      .write('charts/app/Chart.yaml', 'apiVersion: v2\nname: app\nversion: 1.0.0\n')
      // a folder no lockfile entry names: chart-dir-orphan, placed at its Chart.yaml
      .write(HOSTILE, 'apiVersion: v2\nname: stray\nversion: 1.0.0\n');
    repo.commit('charts');
  }, 120_000);
  afterAll(() => {
    cli?.cleanup();
    repo.cleanup();
  });

  it('exits 0 (a warning only) with the orphan finding at the encoded URI', () => {
    const run = runCli(cli, ['lint', '--no-render', '--format', 'sarif'], repo.dir);
    expect(run.stderr).not.toMatch(STACK_FRAME);
    expect(run.status).toBe(0);
    const locations = uris(run.stdout);
    expect(locations).toContainEqual({ uri: ENCODED, uriBaseId: '%SRCROOT%' });
    expect(locations.map(({ uri }) => uri)).not.toContainEqual(expect.stringContaining('#'));
  });
});
