// Small hand-built inputs for rules whose check() reads only metadata: a lockfile parsed from text (real lines),
// a loaded chart with the given Chart.yaml fields, and a ChartContext made by the pipeline's own chartContext().

import { parseLockfile } from '../../../src/core/lockfile/parse.js';
import { type ChartInputs, chartContext } from '../../../src/core/model/chart-context.js';
import type { ChartChange, ChartMetadata, LoadedChart, Lockfile } from '../../../src/core/model/model.js';
import type { ChangeKind } from '../../../src/core/report/report.js';
import type { ChartContext, RepoContext } from '../../../src/core/rules/rule.js';
import { testConfig } from '../../values/helpers.js';

const REPOS_AND_DESTINATIONS = `repos:
  - name: bitnami
    url: https://charts.bitnami.com/bitnami
destinations:
  - name: default
    path: charts
`;

/** helm-freeze.yaml whose charts section is `charts` (from line 2), then one repo and the charts/ destination. */
export function lockfile(charts: string): Lockfile {
  return parseLockfile(`charts:\n${charts}${REPOS_AND_DESTINATIONS}`, 'helm-freeze.yaml');
}

export function loadedChart(
  dir: string,
  metadata: Partial<ChartMetadata>,
  extra: Partial<LoadedChart> = {},
): LoadedChart {
  return {
    dir,
    metadata: { annotations: {}, dependencies: [], ...metadata },
    chartYamlPath: `${dir}/Chart.yaml`,
    ownDefaults: {},
    defaults: {},
    templateReads: [],
    crds: [],
    problems: [],
    ...extra,
  };
}

/** The change of the chart `name` between two lockfiles (base optional: an added chart). */
export function changeOf(name: string, head: Lockfile, base?: Lockfile, change?: ChangeKind): ChartChange {
  const headEntry = head.charts.find((c) => c.name === name);
  const baseEntry = base?.charts.find((c) => c.name === name);
  const dir = headEntry?.dir ?? baseEntry?.dir ?? `charts/${name}`;
  return {
    name,
    dir,
    change: change ?? (baseEntry ? 'bumped' : 'added'),
    base: baseEntry,
    head: headEntry,
    semverChange: null,
  };
}

export function ruleContext(inputs: Partial<ChartInputs> & Pick<ChartInputs, 'change'>): ChartContext {
  return chartContext({
    overrides: [],
    baseOverrides: [],
    codeSet: [],
    chartConfig: { values: [], set: [], rules: {} },
    config: testConfig(),
    ...inputs,
  });
}

export function repoContext(extra: Partial<RepoContext> = {}): RepoContext {
  return {
    config: testConfig(),
    head: lockfile('  - name: redis\n    version: 17.0.0\n    repo_name: bitnami\n'),
    ...extra,
  };
}
