// Where each chart runs, and with what, is the base's policy: a head config that takes a chart out of an environment,
// switches it off there, replaces the patterns the base reads for it there, drops its set keys or moves its release
// there is held to the base's (the chart still runs, as the base has it), with a policy-changed error at its line.
import { describe, expect, it } from 'vitest';
import { chartConfigIn, parseConfig, runsIn } from '../../src/core/config/config.js';
import { withBasePolicy } from '../../src/core/config/policy.js';
import { pinChartScopes } from '../../src/core/config/policy-scope.js';
import type { Config } from '../../src/core/model/model.js';
import { lockfile } from '../rules/support/contexts.js';

const PATH = '.github/chart-guard.yaml';
const ENTRIES = lockfile(
  '  - name: promtail\n    version: 6.15.5\n    repo_name: grafana\n  - name: karpenter\n    version: 0.33.0\n    repo_name: karpenter\n',
).charts;
const [promtail, karpenter] = ENTRIES;
const FLEET = `values: ["common/{chart}.yaml"]
environments:
  aws:
    values: ["aws/{chart}.yaml"]
  gcp:
    values: ["gcp/{chart}.yaml"]
`;

/** The config a review applies for this base and head, pinned, and the policy edits the pin found. */
function applied(baseText: string, headText: string): { config: Config; head: Config; changes: string[] } {
  const base = parseConfig(baseText, PATH);
  const head = parseConfig(headText, PATH);
  const config = withBasePolicy(head, base, () => 'error');
  const changes = pinChartScopes(config, base, head, ENTRIES).map(
    (change) => `${change.line}: ${change.weakens ? 'error' : 'notice'}: ${change.message}`,
  );
  return { config, head, changes };
}
const runs = (config: Config, entry = karpenter) =>
  config.environments.filter((environment) => runsIn(config, entry, environment)).map((e) => e.name);

describe('pinChartScopes', () => {
  it('keeps a chart running in an environment the head takes it out of', () => {
    const base = `${FLEET}charts:\n  karpenter:\n    environments: [aws, gcp]\n`;
    const { config, head, changes } = applied(base, `${FLEET}charts:\n  karpenter:\n    environments: [aws]\n`);
    expect(runs(head)).toEqual(['aws']);
    expect(runs(config)).toEqual(['aws', 'gcp']);
    expect(changes).toEqual([
      '9: error: charts.karpenter.environments leaves out gcp, where the base runs karpenter; it is still checked there',
    ]);
  });

  it('sees through a head that scopes the chart under its folder key, which wins over the base’s name key', () => {
    const base = `${FLEET}charts:\n  karpenter:\n    environments: [aws, gcp]\n`;
    const head = `${base}  charts/karpenter:\n    environments: [aws]\n`;
    const { config, changes } = applied(base, head);
    expect(runs(config)).toEqual(['aws', 'gcp']);
    expect(changes).toEqual([
      '11: error: charts.charts/karpenter.environments leaves out gcp, where the base runs karpenter; it is still checked there',
    ]);
  });

  it('keeps a chart running where the head switches it off', () => {
    const head = FLEET.replace('  gcp:\n', '  gcp:\n    charts:\n      karpenter: { enabled: false }\n');
    const { config, changes } = applied(FLEET, head);
    expect(runs(config)).toEqual(['aws', 'gcp']);
    expect(changes).toEqual([
      '7: error: environments.gcp.charts.karpenter.enabled is false: it switches karpenter off in gcp, where the base runs karpenter; it is still checked there',
    ]);
  });

  it('reads every pattern the base reads for a chart where the head replaces them', () => {
    const head = FLEET.replace(
      '  gcp:\n',
      '  gcp:\n    charts:\n      promtail:\n        values: ["gcp/promtail.yaml"]\n',
    );
    const { config, changes } = applied(FLEET, head);
    const gcp = config.environments[1];
    expect(gcp.charts?.['charts/promtail']?.values).toEqual([
      'gcp/promtail.yaml',
      'common/{chart}.yaml',
      'gcp/{chart}.yaml',
    ]);
    expect(changes).toEqual([
      '8: error: environments.gcp.charts.promtail.values leaves out common/{chart}.yaml, gcp/{chart}.yaml, which the base reads for promtail in gcp; still read',
    ]);
    // a replacement the base already makes, kept by the head, is no edit
    expect(applied(head, head).changes).toEqual([]);
  });

  it("keeps the base's set keys and namespace of a chart in an environment", () => {
    const base = FLEET.replace(
      '  gcp:\n',
      '  gcp:\n    charts:\n      promtail:\n        namespace: qovery\n        set: { clientUrl: http://gateway }\n',
    );
    const head = base
      .replace('namespace: qovery', 'namespace: elsewhere')
      .replace('{ clientUrl: http://gateway }', '{}');
    const { config, changes } = applied(base, head);
    const there = chartConfigIn(config, promtail, config.environments[1]);
    expect([there.namespace, there.set.map((k) => [k.path.join('.'), k.example])]).toEqual([
      'qovery',
      [['clientUrl', 'http://gateway']],
    ]);
    expect(changes).toEqual([
      "9: error: environments.gcp.charts.promtail.set drops or changes clientUrl, which the base sets for promtail in gcp; the base's apply",
      '8: error: environments.gcp.charts.promtail.namespace changes from qovery to elsewhere',
    ]);
  });

  it("leaves the shared lists' edits to policy-changes: no error per chart and environment for them", () => {
    const base = `${FLEET}charts:\n  promtail:\n    set: { clientUrl: http://gateway }\n`;
    const head = base.replace('values: ["common/{chart}.yaml"]\n', '').replace('{ clientUrl: http://gateway }', '[]');
    expect(applied(base, head).changes).toEqual([]);
  });

  it("holds an environment's set example that overrides the chart's to the base's", () => {
    const base = `${FLEET}charts:\n  promtail:\n    set: { clientUrl: http://gateway }\n`;
    const head = base.replace(
      '  gcp:\n',
      '  gcp:\n    charts:\n      promtail: { set: { clientUrl: http://elsewhere } }\n',
    );
    const { config, changes } = applied(base, head);
    const there = chartConfigIn(config, promtail, config.environments[1]);
    expect(there.set.map((k) => [k.path.join('.'), k.example])).toEqual([['clientUrl', 'http://gateway']]);
    expect(changes).toEqual([
      "7: error: environments.gcp.charts.promtail.set drops or changes clientUrl, which the base sets for promtail in gcp; the base's apply",
    ]);
  });

  it('holds a head that adopts environments to running each chart somewhere', () => {
    const head = `${FLEET}charts:\n  karpenter:\n    environments: []\n`;
    const { config, changes } = applied('values: ["common/{chart}.yaml"]\n', head);
    expect(runs(config)).toEqual(['aws', 'gcp']);
    expect(changes).toEqual([
      '9: error: karpenter runs in no environment of the change, where the base checks it; it is still checked in every one',
    ]);
    // scoping it to some of the new environments narrows nothing the base checked
    expect(applied('values: ["common/{chart}.yaml"]\n', head.replace('[]', '[aws]')).changes).toEqual([]);
  });

  it('lets a head widen where a chart runs, and scope it in an environment the base does not have', () => {
    const base = `${FLEET}charts:\n  karpenter:\n    environments: [aws]\n`;
    const wider = applied(base, `${FLEET}charts:\n  karpenter:\n    environments: [aws, gcp]\n`);
    expect([runs(wider.config), wider.changes]).toEqual([['aws', 'gcp'], []]);
    const added = `${FLEET}  azure: {}\ncharts:\n  karpenter:\n    environments: [aws]\n`;
    expect(applied(base, added).changes).toEqual([]);
  });
});
