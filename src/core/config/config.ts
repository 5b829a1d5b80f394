// Reads the chart-guard configuration file (default .github/chart-guard.yaml) into a Config. Its keys, their types,
// defaults and editor descriptions are defined once, in config-definition.ts (written out as chart-guard.schema.json
// by `npm run docs`); docs/configuration.md shows each in an annotated example.
//
// Mistakes (unknown keys, wrong types, unknown rule ids, bad key paths) become problems with file and line for
// the `config-invalid` rule; the rest of the file still applies. In a review, the head's config is held to the
// base's key by key: the stricter or wider of both applies, never narrower than the base's (policy.ts).
import { isMap, isScalar, type Node } from 'yaml';
import type { SchemaCheck } from '../input/schema-check.js';
import { readYaml } from '../input/yaml-input.js';
import {
  type ChartConfig,
  type Config,
  DEFAULT_FREE_FORM_KEYS,
  DEFAULT_VALUES_PATTERNS,
  type EnvironmentConfig,
  type KubeTarget,
} from '../model/model.js';
import { namespaceProblem, releaseNameProblem } from '../render/release-names.js';
import type { FailOn } from '../report/report.js';
import {
  ACCEPTANCES,
  APPROVER,
  CHART,
  CONFIG_SCHEMA,
  DEFAULT_ACCEPTANCE_MAX_DAYS,
  DEFAULT_ACCEPTANCES_PATH,
  DEFAULT_LOCKFILE,
  DEFAULT_PROOF_RENDERS,
  DEFAULT_RENDER_TIMEOUT_SECONDS,
  ENVIRONMENT,
  ENVIRONMENT_NAME,
  FAIL_ON_SETTINGS,
  keysOf,
  REDACT,
  RENDER,
} from './config-definition.js';
import { Reader, scalarText } from './config-reader.js';
import { emptyChartConfig, normaliseChartKey } from './config-resolve.js';
import { configCheck, schemaProblems } from './config-schema.js';
import { checkScopes, readChartScope, readEnvironmentCharts, type ScopedName } from './config-scope.js';
import { readRing, readRings } from './rings.js';

export {
  DEFAULT_ACCEPTANCE_MAX_DAYS,
  DEFAULT_ACCEPTANCES_PATH,
  DEFAULT_LOCKFILE,
  DEFAULT_PROOF_RENDERS,
  DEFAULT_RENDER_TIMEOUT_SECONDS,
  FAIL_ON_SETTINGS,
  isRuleId,
  RULE_IDS,
} from './config-definition.js';
export {
  chartConfigFor,
  chartConfigIn,
  environmentChartFor,
  mergeSetKeys,
  resolveEnvironments,
  runsIn,
} from './config-resolve.js';

// The keys of each map, in the definition's order (config-definition.ts): the reader lists them in its problems.
const TOP_LEVEL_KEYS = keysOf(CONFIG_SCHEMA);
const ENVIRONMENT_KEYS = keysOf(ENVIRONMENT);
const REDACT_KEYS = keysOf(REDACT);
const ACCEPTANCES_KEYS = keysOf(ACCEPTANCES);
const RENDER_KEYS = keysOf(RENDER);
const CHART_KEYS = keysOf(CHART);
/**
 * Top-level keys of the policy, whose lines policy-changed findings point at: all but the maps whose settings are
 * recorded one by one (rules.<id>, render.<key>, charts.<chart>.<key>) or are no policy (redact).
 */
const POLICY_KEYS = TOP_LEVEL_KEYS.filter((key) => !['rules', 'render', 'redact', 'charts'].includes(key));

export function defaultConfig(): Config {
  return {
    lockfile: DEFAULT_LOCKFILE,
    values: [...DEFAULT_VALUES_PATTERNS],
    freeFormKeys: [...DEFAULT_FREE_FORM_KEYS],
    rules: {},
    apiVersions: [],
    charts: {},
    set: [],
    environments: [],
    render: { enabled: true, timeoutSeconds: DEFAULT_RENDER_TIMEOUT_SECONDS, proofRenders: DEFAULT_PROOF_RENDERS },
    redact: { keys: [], replace: false },
    acceptances: DEFAULT_ACCEPTANCES_PATH,
    acceptanceMaxDays: DEFAULT_ACCEPTANCE_MAX_DAYS,
    policyLines: {},
    problems: [],
  };
}

/** Reads the configuration; undefined text means no file (the defaults). Never throws. */
/** `configs`: the run's config check (config-schema.ts), shared by the configs it reads; a fresh one by default. */
export function parseConfig(
  text: string | undefined,
  path: string | undefined,
  configs: SchemaCheck = configCheck(),
): Config {
  const config = defaultConfig();
  if (text === undefined) return config;
  config.path = path;
  const reader = new Reader(path ?? 'chart-guard.yaml');
  config.problems = reader.problems;
  config.policyLines = reader.policyLines;
  // The reader (yaml-input.ts) bounds aliases and depth, and refuses an alias without its anchor, before any walk.
  const read = readYaml(text, reader.file, {
    what: 'the configuration',
    lineCounter: reader.lineCounter,
    allErrors: true,
  });
  const [{ doc, problems }] = read.documents;
  if (problems.length > 0) {
    reader.problems.push(...problems);
    return config;
  }
  const root = doc.contents as Node | null;
  if (root === null || (isScalar(root) && root.value === null)) return config;
  // One validation, by the definition's schema; the walk below converts, reporting only what no schema can say.
  reader.problems.push(...schemaProblems(doc, reader.lineCounter, reader.file, configs));
  if (!isMap(root)) return config;

  let freeFormKeys: string[] | undefined;
  let replaceFreeFormKeys = false;
  let kubernetesVersion: KubeTarget | undefined;
  const scoped: ScopedName[] = [];
  for (const [key, value] of reader.entries(root, TOP_LEVEL_KEYS)) {
    if (POLICY_KEYS.includes(key)) reader.policyAt(key, value);
    switch (key) {
      case 'lockfile':
        config.lockfile = reader.string(value)?.replace(/^\.\//, '') ?? config.lockfile;
        break;
      case 'values':
        config.values = reader.patterns(value, key) ?? config.values;
        break;
      case 'kubernetesVersion': {
        const version = reader.kubeVersion(value);
        kubernetesVersion = version ? { min: version, max: version } : undefined;
        break;
      }
      case 'kubernetes':
        config.kubernetes = reader.kubeTarget(value);
        break;
      case 'apiVersions':
        config.apiVersions = reader.apiVersions(value);
        break;
      case 'freeFormKeys':
        freeFormKeys = reader.strings(value);
        break;
      case 'freeFormKeysReplace':
        replaceFreeFormKeys = reader.boolean(value) ?? false;
        break;
      case 'rules':
        config.rules = reader.rules(value, 'rules');
        break;
      case 'render':
        readRender(reader, value, config);
        break;
      case 'redact':
        readRedact(reader, value, config);
        break;
      case 'templates':
        config.templates = reader.templates(value);
        break;
      case 'failOnExisting':
        config.failOnExisting = reader.boolean(value);
        break;
      case 'charts':
        config.charts = readCharts(reader, value, scoped);
        break;
      case 'set':
        config.set = reader.setKeys(value, key);
        break;
      case 'environments':
        config.environments = readEnvironments(reader, value);
        break;
      case 'failOn': {
        const setting = reader.string(value);
        if (setting !== undefined && (FAIL_ON_SETTINGS as readonly string[]).includes(setting))
          config.failOn = setting as FailOn;
        break;
      }
      case 'acceptances':
        readAcceptancesSetting(reader, value, config);
        break;
      case 'rings':
        config.rings = readRings(reader, value);
        break;
      case 'acceptanceMaxDays': {
        const days = isScalar(value) ? value.value : undefined;
        if (typeof days === 'number' && Number.isInteger(days) && days > 0) config.acceptanceMaxDays = days;
        break;
      }
    }
  }
  if (kubernetesVersion) {
    if (config.kubernetes) reader.problem(root, 'set either kubernetes or kubernetesVersion, not both');
    else config.kubernetes = kubernetesVersion;
  }
  reader.problems.push(...checkScopes(scoped, config.environments, reader.file));
  if (replaceFreeFormKeys) config.freeFormKeys = freeFormKeys ?? [];
  else if (freeFormKeys) config.freeFormKeys = [...new Set([...DEFAULT_FREE_FORM_KEYS, ...freeFormKeys])];
  // one problem per line: the schema's, before what the walk adds about the same value
  const lines = new Set<number | undefined>();
  config.problems = reader.problems.filter((p) => (lines.has(p.line) ? false : lines.add(p.line)));
  return config;
}

function readRender(reader: Reader, value: Node | null, config: Config): void {
  if (!reader.readableMap(value)) return;
  for (const [key, node] of reader.entries(value, RENDER_KEYS)) {
    reader.policyAt(`render.${key}`, node);
    if (key === 'enabled') config.render.enabled = reader.boolean(node) ?? config.render.enabled;
    else if (key === 'helm') config.render.helm = reader.string(node);
    else if (key === 'timeoutSeconds') {
      const seconds = isScalar(node) ? node.value : undefined;
      if (typeof seconds === 'number' && seconds > 0) config.render.timeoutSeconds = seconds;
    } else if (key === 'proofRenders') {
      const renders = isScalar(node) ? node.value : undefined;
      if (typeof renders === 'number' && Number.isInteger(renders) && renders >= 0)
        config.render.proofRenders = renders;
    }
  }
}

/** `acceptances: path`, or `acceptances: { file: path, approvers: [login, org/team] }`. */
function readAcceptancesSetting(reader: Reader, value: Node | null, config: Config): void {
  if (!isMap(value)) {
    config.acceptances = reader.string(value)?.replace(/^\.\//, '') ?? config.acceptances;
    return;
  }
  for (const [key, node] of reader.entries(value, ACCEPTANCES_KEYS)) {
    if (key === 'file') config.acceptances = reader.string(node)?.replace(/^\.\//, '') ?? config.acceptances;
    else {
      reader.policyAt('acceptances.approvers', node);
      const approvers = reader.strings(node);
      // a list with one wrong name is no list of approvers (the schema names the wrong one)
      if (approvers && approvers.length > 0 && approvers.every((name) => APPROVER.test(name))) {
        config.acceptanceApprovers = approvers;
      }
    }
  }
}

function readRedact(reader: Reader, value: Node | null, config: Config): void {
  if (!reader.readableMap(value)) return;
  for (const [key, node] of reader.entries(value, REDACT_KEYS)) {
    if (key === 'keys') config.redact.keys = reader.strings(node) ?? [];
    else config.redact.replace = reader.boolean(node) ?? false;
  }
}

function readCharts(reader: Reader, value: Node | null, scoped: ScopedName[]): Record<string, ChartConfig> {
  // No prototype: a chart keyed "__proto__" or "constructor" is just a name.
  const charts: Record<string, ChartConfig> = Object.create(null);
  if (!reader.readableMap(value)) return charts;
  for (const pair of value.items) {
    const keyNode = pair.key as Node;
    const name = isScalar(keyNode) ? scalarText(keyNode) : undefined;
    if (!name) continue;
    const chartValue = pair.value as Node | null;
    const chart: ChartConfig = { ...emptyChartConfig(), line: reader.line(keyNode) };
    charts[normaliseChartKey(name)] = chart;
    if (chartValue === null || (isScalar(chartValue) && chartValue.value === null)) continue;
    if (!reader.readableMap(chartValue)) continue;
    for (const [key, node] of reader.entries(chartValue, CHART_KEYS)) {
      const where = `charts.${name}.${key}`;
      reader.policyAt(where, node);
      if (key === 'values') chart.values = reader.patterns(node, where) ?? [];
      else if (key === 'set') chart.set = reader.setKeys(node, where);
      else if (key === 'releaseName' || key === 'namespace') {
        // kept even when helm would refuse it: the chart is then not rendered (renderJobsFor), not rendered as another
        chart[key] = reader.string(node);
        const problem = chart[key] && (key === 'releaseName' ? releaseNameProblem : namespaceProblem)(chart[key]);
        if (problem) reader.problem(node, `${where} "${chart[key]}" ${problem}`);
      } else if (key === 'rules') chart.rules = reader.rules(node, where);
      else if (key === 'apiVersions') chart.apiVersions = reader.apiVersions(node);
      else if (key === 'templates') chart.templates = reader.templates(node);
      else if (key === 'environments') chart.environments = readChartScope(reader, node, name, scoped);
      else if (key === 'releases' || key === 'releaseFilter') readReleases(reader, node, where, chart, key);
    }
  }
  return charts;
}

/** `releases: one | many` (the schema reports other values) and `releaseFilter`, a regular expression. */
function readReleases(reader: Reader, node: Node | null, where: string, chart: ChartConfig, key: string): void {
  const text = reader.string(node);
  if (key === 'releases') {
    if (text === 'one' || text === 'many') chart.releases = text;
    return;
  }
  if (text === undefined) return;
  try {
    new RegExp(text);
    chart.releaseFilter = text;
  } catch {
    reader.problem(node, `${where} "${text}" is not a regular expression`);
  }
}

function readEnvironments(reader: Reader, value: Node | null): EnvironmentConfig[] {
  const environments: EnvironmentConfig[] = [];
  if (!reader.readableMap(value)) return environments;
  for (const pair of value.items) {
    const keyNode = pair.key as Node;
    const name = isScalar(keyNode) ? scalarText(keyNode) : undefined;
    if (!name || !ENVIRONMENT_NAME.test(name)) continue;
    const environment: EnvironmentConfig = {
      name,
      values: [],
      apiVersions: [],
      set: [],
      line: reader.line(keyNode) ?? 1,
    };
    environments.push(environment);
    const node = pair.value as Node | null;
    if (node === null || (isScalar(node) && node.value === null)) continue;
    if (!reader.readableMap(node)) continue;
    for (const [key, child] of reader.entries(node, ENVIRONMENT_KEYS)) {
      const where = `environments.${name}.${key}`;
      reader.policyAt(where, child);
      if (key === 'values') {
        environment.values = reader.patterns(child, where) ?? [];
        environment.valuesLine = reader.line(child);
      } else if (key === 'set') environment.set = reader.setKeys(child, where);
      else if (key === 'kubernetes') environment.kubernetes = reader.kubeTarget(child, where);
      else if (key === 'apiVersions') environment.apiVersions = reader.apiVersions(child);
      else if (key === 'templates') environment.templates = reader.templates(child);
      else if (key === 'ring') environment.ring = readRing(child);
      else if (key === 'charts') environment.charts = readEnvironmentCharts(reader, child, name);
    }
  }
  return environments;
}
