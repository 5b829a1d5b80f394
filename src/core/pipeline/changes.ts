// Step 2, changes: which charts a run checks (the changed ones, or all for a lint).
import { chartConfigFor, runsIn } from '../config/config.js';
import { diffLockfiles } from '../lockfile/changes.js';
import type { ChartChange, Environment, LockEntry } from '../model/model.js';
import { inShard, type Shard } from '../shards/shard.js';
import type { Plan } from './options.js';
import { readinessCharts, readinessScope } from './readiness.js';
import type { Workspaces } from './workspaces.js';

function changedCharts(plan: Plan, spaces: Workspaces): { changes: ChartChange[]; diagnostics: string[] } {
  const { base, head, changed } = spaces;
  if (!plan.base) {
    const entries = head.lockfile.charts.filter((entry) => !plan.skipCharts?.has(entry.dir));
    const changes = entries.map(
      (entry): ChartChange => ({
        name: entry.name,
        dir: entry.dir,
        change: 'unchanged',
        head: entry,
        semverChange: null,
      }),
    );
    return { changes, diagnostics: [] };
  }
  // An unreadable lockfile has no entries: diffing it would report every chart as added or removed.
  const unreadable = [base, head].find((space) => space.lockfile.unreadable);
  if (unreadable) {
    const why = `charts were not compared: ${unreadable.lockfilePath} cannot be read at ${unreadable.snapshot.ref}`;
    return { changes: [], diagnostics: [why] };
  }
  const overridesChanged = (entry: LockEntry) =>
    [...(head.overrideFiles.get(entry.dir) ?? []), ...(base.overrideFiles.get(entry.dir) ?? [])].some((f) =>
      changed.has(f),
    );
  // an entry renamed (or moved) with its release kept is the same release: a bump, with every check of one
  const release = (entry: LockEntry) => {
    const chart = chartConfigFor(head.config, entry);
    return `${chart.namespace ?? 'default'}/${chart.releaseName ?? entry.name}`;
  };
  return {
    changes: diffLockfiles(base.lockfile, head.lockfile, changed, overridesChanged, release),
    diagnostics: [],
  };
}

export interface ChartsToCheck {
  /** Every chart of the run (a shard's report names them all). */
  all: ChartChange[];
  /** The charts this run analyses: those that run in an environment of the shard. */
  changes: ChartChange[];
  diagnostics: string[];
  /** Whether a chart is checked in an environment (it runs there, and its pair is in the shard). */
  ofShard(change: ChartChange): (environment: Environment) => boolean;
}

/**
 * The charts of the run, said on the progress lines. A chart is analysed only in the environments it runs in
 * (`charts.<chart>.environments`, `enabled: false`), and a shard only its pairs: a chart with no such environment
 * is not analysed at all.
 */
export function changesOf(
  plan: Plan,
  spaces: Workspaces,
  shard: Shard | undefined,
  progress: (message: string) => void,
): ChartsToCheck {
  const { changes: changed, diagnostics } = changedCharts(plan, spaces);
  // a raise checks every chart in the raised environments (readiness.ts)
  const readiness =
    plan.mode === 'review' && plan.readinessCharts !== false
      ? readinessCharts(changed, spaces.head.lockfile, spaces.readiness)
      : [];
  const all = [...changed, ...readiness];
  const scope = readinessScope(readiness, spaces.readiness);
  progress(
    plan.mode === 'review'
      ? `${changed.length} changed chart(s) in ${spaces.head.lockfilePath}`
      : `linting ${all.length} chart(s) of ${spaces.head.lockfilePath}`,
  );
  if (spaces.head.environments.length > 1) {
    progress(`environments: ${spaces.head.environments.map((e) => e.name).join(', ')}`);
  }
  if (readiness.length) {
    const where = spaces.readiness.map((r) => `${r.name ?? 'the clusters'} ${r.from.max} → ${r.to.max}`).join(', ');
    progress(`readiness review (${where}): ${readiness.length} more chart(s) checked there`);
  }
  const config = spaces.head.config;
  // the scope of the head's entry (a removed chart's: of the base's), in the config the run applies
  const ofShard = (change: ChartChange) => (environment: Environment) =>
    runsIn(config, (change.head ?? change.base)!, environment) &&
    inShard(shard, change.dir, environment.name) &&
    scope(change, environment);
  const changes = all.filter((change) => spaces.head.environments.some(ofShard(change)));
  if (shard) progress(`shard ${shard.index}/${shard.count}: ${changes.length} of ${all.length} chart(s)`);
  return { all, changes, diagnostics, ofShard };
}
