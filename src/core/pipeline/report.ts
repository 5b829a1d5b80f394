// Step 8, report: assembled, redacted, verdict computed.
import { createHash } from 'node:crypto';
import type { Environment, KubeTarget } from '../model/model.js';
import { redactChartReport, redactFindings } from '../redact/redact.js';
import type { Redactor } from '../redact/redact-text.js';
import type { Snapshot } from '../repo/snapshot.js';
import {
  type EnvironmentReport,
  type Finding,
  type Report,
  type ReportStats,
  SCHEMA_VERSION,
  summarise,
  verdictOf,
} from '../report/report.js';
import { stableJson } from '../runtime/stable-json.js';
import { formatKeyPath } from '../values/key-path.js';
import type { AnalysisOptions, ReviewOptions } from './options.js';
import type { Workspace } from './workspace.js';

export interface AssembleInput {
  mode: 'review' | 'lint';
  options: Pick<ReviewOptions, 'head' | 'failOn' | 'failOnExisting' | 'toolVersion'> & { base?: Snapshot };
  space: Workspace;
  charts: Report['charts'];
  findings: Finding[];
  diagnostics: string[];
  /** Hides the run's credentials: applied here, to everything the report says, so no format can show one. */
  redactor: Redactor;
  stats?: ReportStats;
  configDigest?: string;
  shard?: Report['shard'];
  readiness?: Report['readiness'];
}

export function assembleReport(input: AssembleInput): Report {
  const { mode, options, space, redactor, stats, configDigest, shard } = input;
  const charts = input.charts.map((chart) => redactChartReport(chart, redactor));
  const findings = redactFindings(input.findings, redactor);
  const diagnostics = input.diagnostics.map(redactor.text);
  const partial = { charts, findings };
  const summary = summarise(partial);
  // the flag or input, else the policy's failOn (and failOnExisting)
  const failOn = options.failOn ?? space.config.failOn ?? 'error';
  const failOnExisting = options.failOnExisting ?? space.config.failOnExisting ?? false;
  const environments = space.environments.flatMap((e) => (e.name === undefined ? [] : [environmentReport(e)]));
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'chart-guard', version: options.toolVersion ?? '0.0.0' },
    mode,
    base: options.base ? { ref: options.base.ref, sha: options.base.sha } : null,
    head: { ref: options.head.ref, sha: options.head.sha },
    lockfile: space.lockfilePath,
    kubernetesVersion: kubeText(space.kube),
    ...(environments.length
      ? { kubernetes: Object.fromEntries(environments.map((e) => [e.name, e.kubernetesVersion])) }
      : {}),
    verdict: verdictOf(summary, failOn, failOnExisting),
    summary,
    charts,
    findings,
    ...(diagnostics.length ? { diagnostics } : {}),
    ...(stats ? { stats } : {}),
    ...(environments.length ? { environments } : {}),
    failOn,
    ...(failOnExisting ? { failOnExisting } : {}),
    ...(configDigest ? { configDigest } : {}),
    ...(shard ? { shard } : {}),
    ...(input.readiness ? { readiness: input.readiness } : {}),
  };
}

function environmentReport(environment: Environment): EnvironmentReport {
  return {
    name: environment.name!,
    values: environment.values,
    kubernetesVersion: kubeText(environment.kube),
    apiVersions: environment.apiVersions,
    set: environment.set.map((key) => formatKeyPath(key.path)),
  };
}

function kubeText(kube: KubeTarget | undefined): string | null {
  if (!kube) return null;
  return kube.min === kube.max ? kube.max : `${kube.min}-${kube.max}`;
}

/**
 * What the run's findings depend on besides the commits: the config as applied (with the base's policy), the flags
 * that change it, the environments resolved, and whether charts are rendered. Shards merge only when it is equal.
 */
export function configDigest(space: Workspace, options: AnalysisOptions): string {
  const effective = {
    config: space.config,
    lockfile: space.lockfilePath,
    values: options.values ?? [],
    kube: space.kube ?? null,
    // each environment's target under the digest's own name for it, `kubernetes`: digests stay what they were
    environments: space.environments.map(({ kube, ...environment }) => ({ ...environment, kubernetes: kube })),
    render: options.helm !== null,
  };
  return `sha256:${createHash('sha256').update(stableJson(effective)).digest('hex')}`;
}
