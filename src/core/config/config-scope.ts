// The reader's part for where charts run: `charts.<chart>.environments` (the environments a chart is scoped to) and
// `environments.<env>.charts.<chart>` (a chart's settings in one environment). Names that point at nothing are
// config problems at their line: an environment the config does not define here, a chart the lockfile lacks in
// workspace.ts (the lockfile is read there).
import { isScalar, isSeq, type Node } from 'yaml';
import { didYouMeanText } from '../input/nearest.js';
import type { EnvironmentChartConfig, EnvironmentConfig, InputProblem } from '../model/model.js';
import { namespaceProblem, releaseNameProblem } from '../render/release-names.js';
import { ENVIRONMENT_CHART, keysOf } from './config-definition.js';
import { type Reader, scalarText } from './config-reader.js';
import { normaliseChartKey } from './config-resolve.js';

const ENVIRONMENT_CHART_KEYS = keysOf(ENVIRONMENT_CHART);

/** An environment name a chart's `environments` list gives, and where, to be checked once every environment is read. */
export interface ScopedName {
  chart: string;
  environment: string;
  line?: number;
}

/** `charts.<chart>.environments: [aws, gcp]` (a single name is a list of one); each name kept for checkScopes. */
export function readChartScope(reader: Reader, node: Node | null, chart: string, names: ScopedName[]): string[] {
  const list = reader.strings(node) ?? [];
  const items = isSeq(node) ? (node.items as Node[]) : [node];
  list.forEach((environment, i) => {
    const line = reader.line(items[i] ?? node);
    names.push({ chart, environment, ...(line !== undefined ? { line } : {}) });
  });
  return [...new Set(list)];
}

/** The scoped names that are no environment of the config: the chart would silently run nowhere there. */
export function checkScopes(names: readonly ScopedName[], environments: readonly EnvironmentConfig[], file: string) {
  const known = environments.map((environment) => environment.name);
  return names
    .filter(({ environment }) => !known.includes(environment))
    .map(
      ({ chart, environment, line }): InputProblem => ({
        file,
        ...(line !== undefined ? { line } : {}),
        message:
          known.length === 0
            ? `charts.${chart}.environments names "${environment}", but the config defines no environments`
            : `charts.${chart}.environments names "${environment}", which is no environment of this config (known: ${known.join(', ')})${didYouMeanText(environment, known)}`,
      }),
    );
}

/** `environments.<env>.charts`: per chart key, its settings in that environment. */
export function readEnvironmentCharts(
  reader: Reader,
  value: Node | null,
  environment: string,
): Record<string, EnvironmentChartConfig> {
  // No prototype: a chart keyed "__proto__" is just a name.
  const charts: Record<string, EnvironmentChartConfig> = Object.create(null);
  const at = `environments.${environment}.charts`;
  if (!reader.readableMap(value)) return charts;
  for (const pair of value.items) {
    const keyNode = pair.key as Node;
    const name = isScalar(keyNode) ? scalarText(keyNode) : undefined;
    if (!name) continue; // the schema reports an empty name
    const chart: EnvironmentChartConfig = { set: [], ...lineOf(reader, keyNode) };
    charts[normaliseChartKey(name)] = chart;
    const node = pair.value as Node | null;
    if (!reader.readableMap(node)) continue;
    for (const [key, child] of reader.entries(node, ENVIRONMENT_CHART_KEYS)) {
      const where = `${at}.${name}.${key}`;
      reader.policyAt(where, child);
      if (key === 'enabled') chart.enabled = reader.boolean(child);
      else if (key === 'values') chart.values = reader.patterns(child, where) ?? [];
      else if (key === 'set') chart.set = reader.setKeys(child, where);
      else if (key === 'releaseName' || key === 'namespace') {
        // kept even when helm would refuse it: the chart is then not rendered there, not rendered as another
        chart[key] = reader.string(child);
        const problem = chart[key] && (key === 'releaseName' ? releaseNameProblem : namespaceProblem)(chart[key]);
        if (problem) reader.problem(child, `${where} "${chart[key]}" ${problem}`);
      }
    }
  }
  return charts;
}

function lineOf(reader: Reader, node: Node): { line?: number } {
  const line = reader.line(node);
  return line !== undefined ? { line } : {};
}
