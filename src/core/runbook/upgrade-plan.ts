// The upgrade runbook of a review: per changed chart and environment, what to run before `helm upgrade`, the
// upgrade itself, and what to run after, derived from the rules' findings and the renders they were made from.
// One model (ChartReport.upgradeActions) feeds the JSON report, `--format plan` and the Action's plan file.
//
// Why each step (docs/reference/immutable-fields.md):
// - crds/ CRDs are installed on first install only and never upgraded by Helm (§5.3): they are applied by hand,
//   server-side (large CRDs exceed the client-side last-applied annotation), before any chart whose objects use them.
// - An immutable field makes the API server refuse the patch (§3): the object is deleted first and the upgrade
//   re-creates it. Workloads are deleted with --cascade=orphan so their pods keep serving until the new ones are
//   ready; the old pods no longer match the new selector, so they are deleted by hand afterwards.
// - A replaced StatefulSet starts with new, empty PVCs (§3.1, §6): its data is backed up before the upgrade.
import type { ChartInputs } from '../model/chart-context.js';
import type { HooksOf, RunbookAction } from '../registry/rule-hooks.js';
import { chartFile } from '../render/rendered-sources.js';
import { findingsIn } from '../report/fleet-verdict.js';
import type {
  Backup,
  ChartReport,
  CrdApply,
  Finding,
  ObjectDelete,
  UpgradeActions,
  UpgradeStep,
} from '../report/report.js';
import { changedMembers, templateCrdOwners } from '../rules/analysis/crd-owners.js';
import { crdApplyCommand, isCrd, shellWord } from '../rules/analysis/crds.js';
import { environmentCodeSet, envName } from '../rules/analysis/helm-upgrade-command.js';
import { kubectlObject } from '../rules/analysis/kubectl-words.js';
import { whenDeleted } from '../rules/analysis/statefulset-successor.js';
import { blockingSteps } from './blocking-steps.js';
import { removedClaims } from './claim-backups.js';
import { downtimes } from './downtime.js';
import { helmCommand, releaseSelector } from './helm-command.js';
import {
  baseRender,
  claimsOf,
  groupOf,
  headRender,
  manifestOf,
  ns,
  objectDelete,
  orphanCleanup,
  podNames,
  refKey,
  rolloutChecks,
  step,
  target,
} from './object-commands.js';
import { renderedFiles } from './rendered-files.js';
import { orderKinds, upgradeOrder } from './upgrade-order.js';

/** Workload kinds whose pods can outlive their controller (delete --cascade=orphan keeps them running). */
const WORKLOADS = new Set(['apps/StatefulSet', 'apps/Deployment', 'apps/DaemonSet', 'apps/ReplicaSet']);

/** Whether a finding's rule calls for a step of the runbook (its runbook hook, registry/rule-hooks.ts). */
const calling =
  (hooks: HooksOf, action: RunbookAction) =>
  (finding: Finding): boolean =>
    hooks(finding.rule).runbook?.includes(action) ?? false;

/** One chart in one environment, as the pipeline analysed it (a ChartAnalysis). */
export interface PlannedChart {
  context: ChartInputs;
}

/**
 * Every changed chart's upgradeActions, one per environment, numbered in the order the charts are upgraded in that
 * environment. `analyses[i]` are chart i's analyses, one per environment (the report's charts in the same order).
 * With `keepOrderKinds` (a shard's report), each keeps the CRD kinds its order was worked out from, so merging the
 * shards (shards/merge-reports.ts) can order the charts of every shard together. `hooks` is the rule registry's lookup
 * (rules/index.ts ruleHooks): the runbook steps each rule's findings call for.
 */
export function withUpgradeActions(
  charts: ChartReport[],
  analyses: readonly (readonly PlannedChart[])[],
  options: { hooks: HooksOf; keepOrderKinds?: boolean },
): ChartReport[] {
  const contexts = analyses.map((list) => list.map((analysis) => analysis.context));
  // per environment, the CRDs a changed chart renders as templates: its release owns them (crd-owners.ts)
  const owners = templateCrdOwners(changedMembers(charts, analyses));
  const actions = charts.map((chart, i) =>
    chart.change === 'unchanged'
      ? []
      : analyses[i].map((analysis) => {
          const owned = owners.get(environmentOf(analysis.context)) ?? new Map<string, string>();
          const planned = chartActions(chart, analysis, options.hooks, owned);
          return options.keepOrderKinds
            ? { ...planned, orderKinds: orderKinds(headRender(analysis.context)) }
            : planned;
        }),
  );
  // each environment is ordered on its own: a CRD subchart may be switched on in one and off in another
  const environments = new Set(contexts.flat().map(environmentOf));
  for (const environment of environments) {
    const members = charts.flatMap((chart, i) => {
      const index = contexts[i].findIndex((c) => environmentOf(c) === environment);
      return index >= 0 && actions[i][index]
        ? [{ chart, context: contexts[i][index], actions: actions[i][index] }]
        : [];
    });
    const order = upgradeOrder(
      members.map((m) => ({ name: m.chart.name, kinds: m.actions.orderKinds ?? orderKinds(headRender(m.context)) })),
    );
    members.forEach((member, i) => {
      member.actions.order = order.position[i] + 1;
      member.actions.dependsOn = order.dependsOn[i];
    });
  }
  return charts.map((chart, i) => (actions[i].length ? { ...chart, upgradeActions: actions[i] } : chart));
}

/** The environment a context belongs to (undefined: the implicit one, a config without environments). */
function environmentOf(context: ChartInputs): string | undefined {
  return context.environment;
}

// ---------- one chart in one environment ----------

function chartActions(
  chart: ChartReport,
  analysis: PlannedChart,
  hooks: HooksOf,
  crdOwners: ReadonlyMap<string, string>,
): UpgradeActions {
  const { context } = analysis;
  const findings = findingsIn(chart.findings, environmentOf(context));
  const release = context.chartConfig.releaseName ?? context.change.name;
  const namespace =
    context.renders?.head?.namespace ?? context.renders?.base?.namespace ?? context.chartConfig.namespace ?? 'default';
  const many = context.chartConfig.releases === 'many';
  const codeSet = environmentCodeSet(context);
  const files = chart.change === 'removed' ? [] : renderedFiles(context.overrides, environmentOf(context), chart.name);
  // the lockfile still pins it but the head deleted its folder: nothing to upgrade with (the base's folder is older)
  const folderGone = chart.change !== 'removed' && !context.head;
  const upgrade = folderGone
    ? `# skipped: ${context.change.dir} is gone at head; to remove the release: helm uninstall ${release} --namespace ${namespace}`
    : helmCommand(context, { release, namespace }, codeSet, files);
  const applies = crdApplies(context, findings.filter(calling(hooks, 'apply-crd')), hooks);
  // a CRD another chart of the environment renders as a template is that release's: never kubectl apply'd over it
  const crdsToApply = applies.filter((crd) => (crdOwners.get(crd.name) ?? chart.name) === chart.name);
  const before: UpgradeStep[] = [...blockingSteps(chart, context)];
  const after: UpgradeStep[] = [];
  const orphanDeletes: ObjectDelete[] = [];
  const backups: Backup[] = [];

  for (const crd of applies.filter((c) => !crdsToApply.includes(c))) {
    before.push(
      step(
        'before',
        `Do not apply ${crd.name} from ${crd.file}: it belongs to release ${crdOwners.get(crd.name)}, which renders it as a template and is upgraded before ${chart.name}.`,
        [],
      ),
    );
  }
  for (const crd of crdsToApply.filter((c, i) => crdsToApply.findIndex((o) => o.file === c.file) === i)) {
    const names = crdsToApply.filter((c) => c.file === crd.file).map((c) => c.name);
    before.push(
      step('before', `Apply the CRDs of ${crd.file} (${names.join(', ')}): helm upgrade does not.`, [crd.command]),
    );
  }
  for (const finding of findings.filter(calling(hooks, 'migrate-stored-objects'))) {
    before.push(step('before', `Migrate the stored objects first: ${finding.message}`, commandsIn(finding.remedy)));
  }

  for (const finding of findings.filter((f) => calling(hooks, 'back-up-and-replace')(f) && f.resource)) {
    const ref = finding.resource!;
    const old = manifestOf(baseRender(context), ref);
    const claims = claimsOf(finding.before);
    const successor = finding.after as { name?: string; claims?: string[] } | undefined;
    backups.push({
      kind: ref.kind,
      name: ref.name,
      ...(ref.namespace ? { namespace: ref.namespace } : {}),
      claims,
      ...(successor?.name ? { successor: { name: successor.name, claims: successor.claims ?? [] } } : {}),
      note: `Back up the data of ${ref.kind} ${ref.name} (${claims.join(', ') || 'no PVCs'}): ${successor?.name ?? 'its successor'} starts with new, empty PVCs.`,
    });
    const commands: string[] = [];
    if (old && whenDeleted(old) === 'Delete') {
      // whenDeleted: Delete would take the claims with the StatefulSet
      commands.push(
        `kubectl patch ${target(ref)} --type=merge -p '{"spec":{"persistentVolumeClaimRetentionPolicy":{"whenDeleted":"Retain"}}}'`,
      );
    }
    const remove = objectDelete(ref, 'orphan');
    orphanDeletes.push(remove);
    commands.push(remove.command);
    before.push(
      step(
        'before',
        `Back up ${claims.join(', ') || `the data of ${ref.name}`} (the PVCs of ${ref.kind} ${ref.name}), then delete ${ref.name} without its pods, so they keep serving while the data moves to ${successor?.name ?? 'its successor'}.`,
        commands,
      ),
    );
    const pods = podNames(ref.name, old);
    if (pods.length) {
      after.push(
        step(
          'after',
          `Once the data is in ${successor?.name ?? 'the new StatefulSet'}, delete the orphaned pods of ${ref.name} (its PVCs stay: delete them when the data is safe).`,
          pods.map((pod) => `kubectl delete ${kubectlObject('pod', pod)}${ns(ref.namespace)}`),
        ),
      );
    }
  }

  // only what needs it: a change the deploy's own values may undo plans nothing
  for (const finding of findings.filter((f) => calling(hooks, 'back-up-claims')(f) && f.resource)) {
    const claimed = removedClaims(context, finding);
    if (!claimed) continue;
    backups.push(claimed.backup);
    before.push(claimed.step);
  }

  const immutable = findings.filter((f) => calling(hooks, 'delete-and-recreate')(f) && f.resource && f.needsReinstall);
  const byObject = new Map<string, Finding[]>();
  for (const finding of immutable) {
    const key = refKey(finding.resource!);
    byObject.set(key, [...(byObject.get(key) ?? []), finding]);
  }
  for (const group of byObject.values()) {
    const ref = group[0].resource!;
    if (orphanDeletes.some((d) => d.kind === ref.kind && d.name === ref.name && d.namespace === ref.namespace))
      continue;
    // every field of each finding (one finding may name several), as its rule's reinstall hook lists them
    const fieldsOf = (f: Finding) => {
      const cause = hooks(f.rule).reinstall?.({ ...f, resource: ref });
      return cause && 'immutableField' in cause ? [cause.immutableField ?? []].flat() : [f.path ?? ''];
    };
    const fields = [...new Set(group.flatMap(fieldsOf).filter(Boolean))].join(', ');
    const kind = `${groupOf(ref)}/${ref.kind}`;
    const workload = WORKLOADS.has(kind);
    const remove = objectDelete(ref, workload ? 'orphan' : 'background');
    orphanDeletes.push(remove);
    const commands = [remove.command];
    if (kind === '/PersistentVolumeClaim' || kind === 'apiextensions.k8s.io/CustomResourceDefinition') {
      const what = ref.kind === 'PersistentVolumeClaim' ? 'the data of the claim' : `every ${ref.name} object`;
      backups.push({
        kind: ref.kind,
        name: ref.name,
        ...(ref.namespace ? { namespace: ref.namespace } : {}),
        claims: ref.kind === 'PersistentVolumeClaim' ? [ref.name] : [],
        note: `Back up ${what} before deleting ${ref.kind} ${ref.name}: deleting it deletes ${ref.kind === 'PersistentVolumeClaim' ? 'its volume when the reclaim policy is Delete' : 'its custom resources'}.`,
      });
    }
    before.push(
      step(
        'before',
        workload
          ? `Delete ${ref.kind} ${ref.name} without its pods (${fields} cannot change in place); the upgrade re-creates it.`
          : `Delete ${ref.kind} ${ref.name} (${fields} cannot change in place); the upgrade re-creates it.`,
        commands,
      ),
    );
    if (workload) {
      const cleanup = orphanCleanup(context, ref, group);
      if (cleanup) after.push(cleanup);
    }
  }

  for (const workload of downtimes(context)) {
    const which = many ? `of each release (${workload.name} in the review's render)` : workload.name;
    before.push(
      step(
        'before',
        `Downtime: ${workload.kind} ${which} has one replica and its pod template changes: the upgrade stops its only pod before the new one is ready. Plan a window, or scale it up first.`,
        [],
      ),
    );
  }

  const reinstall = chart.needsReinstall && findings.some((f) => f.needsReinstall);
  const upgradeStep = step('upgrade', upgradeDescription(chart, context, { release, namespace }, codeSet), [upgrade]);
  const waited = new Set(after.flatMap((s) => s.commands));
  // a loop over many releases waits for each rollout itself (--wait): it names no object
  const rollouts =
    chart.change === 'removed' || folderGone || many || before.length + after.length === 0
      ? []
      : rolloutChecks(context).filter((command) => !waited.has(command));
  if (rollouts.length) after.push(step('after', 'Check that every workload rolled out.', rollouts));
  return {
    ...(environmentOf(context) !== undefined ? { environment: environmentOf(context) } : {}),
    release,
    namespace,
    order: 0,
    dependsOn: [],
    reinstall,
    crdsToApply,
    orphanDeletes,
    backups,
    upgrade,
    steps: [...before, upgradeStep, ...after],
    ...(many ? { releaseFilter: releaseSelector(context, release) } : {}),
    ...(files.length ? { renderedFiles: files } : {}),
  };
}

/** What the upgrade step says: install, upgrade, uninstall or skip, and what the deploy code must provide. */
function upgradeDescription(
  chart: ChartReport,
  context: ChartInputs,
  { release, namespace }: { release: string; namespace: string },
  codeSet: readonly { path: string; example?: unknown }[],
): string {
  if (chart.change === 'removed')
    return `Uninstall ${release}: the chart left the lockfile (skip this step if something else still deploys it).`;
  if (!context.head) {
    const pinned = [context.change.name, context.change.head?.version].filter(Boolean).join(' ');
    return `Skip ${release}: the lockfile still pins ${pinned} but ${context.change.dir} is gone at head, so there is no chart to upgrade with. If the chart is no longer deployed, uninstall it: helm uninstall ${release} --namespace ${namespace}.`;
  }
  const json = codeSet.filter((key) => key.example !== null && typeof key.example === 'object');
  const set = codeSet.length
    ? ` (set the code-set values from your deploy code${json.length ? `; ${json.map((k) => envName(k.path)).join(', ')} as JSON, for --set-json` : ''})`
    : '';
  if (context.chartConfig.releases === 'many') {
    const list = `helm list --all-namespaces --filter ${shellWord(releaseSelector(context, release))}`;
    return `Upgrade every release of ${context.change.name}${set}, each in its own namespace: the releases \`${list}\` lists (config releaseFilter). Run that line alone first to check the selection.`;
  }
  return `${chart.change === 'added' ? 'Install' : 'Upgrade'} ${release}${set}.`;
}

// ---------- CRDs ----------

/** The crds/ CRDs to apply by hand, from the findings whose rule calls for it. */
function crdApplies(context: ChartInputs, findings: readonly Finding[], hooks: HooksOf): CrdApply[] {
  const head = headRender(context);
  const applies: CrdApply[] = [];
  for (const finding of findings) {
    // one finding may list several CRDs (crd-changed: one per chart)
    const names = hooks(finding.rule).appliedCrds?.(finding) ?? (finding.resource ? [finding.resource.name] : []);
    for (const name of names) {
      const crd = head?.manifests.find((m) => isCrd(m) && m.ref.name === name);
      // a templates/ CRD is applied by helm upgrade itself
      if (!crd?.fromCrdsDir) continue;
      const file = chartFile(context, crd, 'head') ?? finding.file;
      if (!file || applies.some((a) => a.name === name)) continue;
      applies.push({ name, file, command: crdApplyCommand(file) });
    }
  }
  return applies;
}

/** The shell commands a remedy quotes in backticks, in order. */
function commandsIn(remedy: string | undefined): string[] {
  return [...(remedy ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]).filter((c) => /^(kubectl|helm) /.test(c));
}
