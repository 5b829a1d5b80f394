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
import type { ChartInputs } from './chart-context.js';
import { crdApplyCommand, isCrd, shellWord } from './render/crds.js';
import { kubectlObject, kubectlSlashObject, namespaceFlag, selectorWord } from './render/kubectl-words.js';
import { renderNamesProblem } from './render/release-names.js';
import { chartFile } from './render/rule-support.js';
import { replicasOf, whenDeleted } from './render/statefulset-successor.js';
import type { Manifest, RenderResult } from './render/types.js';
import type {
  Backup,
  ChartReport,
  CrdApply,
  Finding,
  ObjectDelete,
  OrderKinds,
  ResourceRef,
  UpgradeActions,
  UpgradeStep,
} from './report.js';
import type { HooksOf, RunbookAction } from './rule-hooks.js';
import { formatKeyPath, getAt, isMap, type KeyPath } from './values/key-path.js';

/** Workload kinds whose pods can outlive their controller (delete --cascade=orphan keeps them running). */
const WORKLOADS = new Set(['apps/StatefulSet', 'apps/Deployment', 'apps/DaemonSet', 'apps/ReplicaSet']);
/** How long a check waits for a rollout, in every command (one place to change it). */
const WAIT = '10m';

/** Whether a finding's rule calls for a step of the runbook (its runbook hook, rule-hooks.ts). */
const calling =
  (hooks: HooksOf, action: RunbookAction) =>
  (finding: Finding): boolean =>
    hooks(finding.rule).runbook?.includes(action) ?? false;

/** Findings of one environment: those that name it, and those that hold in every environment. */
export function findingsIn(findings: readonly Finding[], environment: string | undefined): Finding[] {
  return findings.filter((f) => environment === undefined || !f.environments || f.environments.includes(environment));
}

/** One chart in one environment, as the pipeline analysed it (a ChartAnalysis). */
export interface PlannedChart {
  context: ChartInputs;
  /** The environment's own code-set keys (config `set` at the top and in the environment), passed to every chart. */
  environment?: { set: readonly { path: KeyPath }[] };
}

/**
 * Every changed chart's upgradeActions, one per environment, numbered in the order the charts are upgraded in that
 * environment. `analyses[i]` are chart i's analyses, one per environment (the report's charts in the same order).
 * With `keepOrderKinds` (a shard's report), each keeps the CRD kinds its order was worked out from, so merging the
 * shards (merge-reports.ts) can order the charts of every shard together. `hooks` is the rule registry's lookup
 * (rules/index.ts ruleHooks): the runbook steps each rule's findings call for.
 */
export function withUpgradeActions(
  charts: ChartReport[],
  analyses: readonly (readonly PlannedChart[])[],
  options: { hooks: HooksOf; keepOrderKinds?: boolean },
): ChartReport[] {
  const contexts = analyses.map((list) => list.map((analysis) => analysis.context));
  const actions = charts.map((chart, i) =>
    chart.change === 'unchanged'
      ? []
      : analyses[i].map((analysis) => {
          const planned = chartActions(chart, analysis, options.hooks);
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

function headRender(context: ChartInputs): RenderResult | undefined {
  return context.renders?.head?.status === 'ok' ? context.renders.head : undefined;
}

function baseRender(context: ChartInputs): RenderResult | undefined {
  return context.renders?.base?.status === 'ok' ? context.renders.base : undefined;
}

// ---------- one chart in one environment ----------

function chartActions(chart: ChartReport, analysis: PlannedChart, hooks: HooksOf): UpgradeActions {
  const { context } = analysis;
  const findings = findingsIn(chart.findings, environmentOf(context));
  const release = context.chartConfig.releaseName ?? context.change.name;
  const namespace =
    context.renders?.head?.namespace ?? context.renders?.base?.namespace ?? context.chartConfig.namespace ?? 'default';
  const codeSet = codeSetPaths(analysis);
  const upgrade = upgradeCommand(context, release, namespace, codeSet);
  const crdsToApply = crdApplies(context, findings.filter(calling(hooks, 'apply-crd')));
  const before: UpgradeStep[] = [];
  const after: UpgradeStep[] = [];
  const orphanDeletes: ObjectDelete[] = [];
  const backups: Backup[] = [];

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

  const immutable = findings.filter((f) => calling(hooks, 'delete-and-recreate')(f) && f.resource);
  const byObject = new Map<string, Finding[]>();
  for (const finding of immutable) {
    const key = refKey(finding.resource!);
    byObject.set(key, [...(byObject.get(key) ?? []), finding]);
  }
  for (const group of byObject.values()) {
    const ref = group[0].resource!;
    if (orphanDeletes.some((d) => d.kind === ref.kind && d.name === ref.name && d.namespace === ref.namespace))
      continue;
    const fields = [...new Set(group.map((f) => f.path).filter(Boolean))].join(', ');
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

  const reinstall = chart.needsReinstall && findings.some((f) => f.needsReinstall);
  const upgradeStep = step(
    'upgrade',
    chart.change === 'removed'
      ? `Uninstall ${release}: the chart left the lockfile.`
      : `${chart.change === 'added' ? 'Install' : 'Upgrade'} ${release}${codeSet.length ? ' (set the code-set values from your deploy code)' : ''}.`,
    [upgrade],
  );
  const waited = new Set(after.flatMap((s) => s.commands));
  const rollouts =
    chart.change === 'removed' || before.length + after.length === 0
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
  };
}

function step(phase: UpgradeStep['phase'], description: string, commands: string[]): UpgradeStep {
  return { phase, description, commands };
}

/** In place of the command when the release name or namespace is not one helm takes: a shell comment, no name. */
const NOT_PLANNED =
  '# not planned: the release name or namespace is not one helm accepts (config-invalid, lockfile-invalid)';

/** The exact command: release, chart folder, namespace, the environment's override files in order, code-set keys. */
function upgradeCommand(context: ChartInputs, release: string, namespace: string, codeSet: string[]): string {
  // a name helm would refuse (config-invalid, lockfile-invalid said where) is never put in a command to copy
  if (renderNamesProblem(release, namespace)) return NOT_PLANNED;
  if (context.change.change === 'removed') return `helm uninstall ${release} --namespace ${namespace}`;
  const verb = context.change.change === 'added' ? 'upgrade --install' : 'upgrade';
  const files = context.overrides.map((o) => ` -f ${shellWord(o.path)}`).join('');
  // code-set values come from the deploy code: an environment variable per key, never an example (it may be secret)
  const sets = codeSet.map((path) => ` --set "${path.replace(/["\\$`]/g, '\\$&')}=\${${envName(path)}}"`).join('');
  return `helm ${verb} ${release} ${shellWord(context.change.dir)} --namespace ${namespace}${files}${sets}`;
}

/** The environment's code-set keys, then the chart's (once each, like a later --set of the same key). */
function codeSetPaths(analysis: PlannedChart): string[] {
  const keys = [...(analysis.environment?.set ?? []), ...analysis.context.codeSet];
  return [...new Set(keys.map((key) => formatKeyPath(key.path)))];
}

/** "auth.rootPassword" -> AUTH_ROOTPASSWORD. */
function envName(path: string): string {
  const name = path
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
  return /^[0-9]/.test(name) ? `_${name}` : name || 'VALUE';
}

// ---------- CRDs ----------

/** The crds/ CRDs to apply by hand, from the findings whose rule calls for it. */
function crdApplies(context: ChartInputs, findings: readonly Finding[]): CrdApply[] {
  const head = headRender(context);
  const applies: CrdApply[] = [];
  for (const finding of findings) {
    const name = finding.resource?.name;
    const crd = head?.manifests.find((m) => isCrd(m) && m.ref.name === name);
    // a templates/ CRD is applied by helm upgrade itself
    if (!name || !crd?.fromCrdsDir) continue;
    const file = chartFile(context, crd, 'head') ?? finding.file;
    if (!file || applies.some((a) => a.name === name)) continue;
    applies.push({ name, file, command: crdApplyCommand(file) });
  }
  return applies;
}

/** The shell commands a remedy quotes in backticks, in order. */
function commandsIn(remedy: string | undefined): string[] {
  return [...(remedy ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]).filter((c) => /^(kubectl|helm) /.test(c));
}

// ---------- objects ----------

function groupOf(ref: ResourceRef): string {
  return ref.apiVersion.includes('/') ? ref.apiVersion.split('/')[0] : '';
}

/** "statefulset rel-db -n demo", like the rules' remedies (render/rule-support.ts kubectlTarget). */
function target(ref: ResourceRef): string {
  const group = groupOf(ref);
  const kind = ref.kind.toLowerCase();
  const resource = group === '' || group === 'apps' || group === 'batch' ? kind : `${kind}.${group}`;
  return `${kubectlObject(resource, ref.name)}${ns(ref.namespace)}`;
}

const ns = namespaceFlag;

function objectDelete(ref: ResourceRef, cascade: ObjectDelete['cascade']): ObjectDelete {
  return {
    kind: ref.kind,
    name: ref.name,
    ...(ref.namespace ? { namespace: ref.namespace } : {}),
    cascade,
    command: `kubectl delete ${target(ref)}${cascade === 'orphan' ? ' --cascade=orphan' : ''}`,
  };
}

function refKey(ref: ResourceRef): string {
  return `${groupOf(ref)}/${ref.kind}/${ref.namespace ?? ''}/${ref.name}`;
}

function manifestOf(render: RenderResult | undefined, ref: ResourceRef): Manifest | undefined {
  return render?.manifests.find(
    (m) => m.ref.kind === ref.kind && m.ref.name === ref.name && m.group === groupOf(ref) && !m.isHook,
  );
}

function claimsOf(value: unknown): string[] {
  const claims = isMap(value) ? value.claims : undefined;
  return Array.isArray(claims) ? claims.filter((c): c is string => typeof c === 'string') : [];
}

/** A StatefulSet's pods are <name>-<ordinal>. */
function podNames(name: string, m: Manifest | undefined): string[] {
  if (!m) return [];
  const start = getAt(m.object, ['spec', 'ordinals', 'start']);
  const first = typeof start === 'number' && Number.isInteger(start) && start >= 0 ? start : 0;
  return Array.from({ length: replicasOf(m) }, (_, i) => `${name}-${first + i}`);
}

/**
 * After an orphaning delete: the old pods (and a Deployment's old ReplicaSets) keep running but the new
 * controller does not adopt them when the selector changed. They are deleted once the new ones are ready.
 */
function orphanCleanup(context: ChartInputs, ref: ResourceRef, findings: readonly Finding[]): UpgradeStep | undefined {
  const old = manifestOf(baseRender(context), ref);
  const now = manifestOf(headRender(context), ref);
  const selectorChanged = findings.some((f) => f.path?.startsWith('spec.selector'));
  const wait = `kubectl rollout status ${kubectlSlashObject(ref.kind.toLowerCase(), ref.name)}${ns(ref.namespace)} --timeout=${WAIT}`;
  if (ref.kind === 'StatefulSet') {
    // same name and selector: the new StatefulSet adopts the pods and rolls them itself
    if (!selectorChanged || !old) return undefined;
    const pods = podNames(ref.name, old);
    return step(
      'after',
      `The old pods of ${ref.name} do not match the new selector: delete them one at a time, waiting for each re-created pod to be ready.`,
      pods.flatMap((pod) => [
        `kubectl delete ${kubectlObject('pod', pod)}${ns(ref.namespace)}`,
        `kubectl wait --for=condition=Ready ${kubectlSlashObject('pod', pod)}${ns(ref.namespace)} --timeout=${WAIT}`,
      ]),
    );
  }
  const selector = old && oldPodSelector(old, now);
  if (!selector) {
    return step(
      'after',
      `Once ${ref.kind} ${ref.name} is ready, delete the pods it left behind (they carry the labels of the old pod template).`,
      [wait],
    );
  }
  const leftovers = ref.kind === 'Deployment' ? 'replicasets' : 'pods';
  return step(
    'after',
    `Once the new pods of ${ref.kind} ${ref.name} are ready, delete the old ${leftovers} it left behind (selector of the old pods, excluding the new ones).`,
    [wait, `kubectl delete ${leftovers}${ns(ref.namespace)} -l ${selectorWord(selector)}`],
  );
}

/**
 * A label selector that matches the old pods and not the new ones: the old selector, plus a term only the old
 * pod template has (k=v) or one the new template has that the old lacks (k!=v, which also matches a missing label).
 */
export function oldPodSelector(old: Manifest, now: Manifest | undefined): string | undefined {
  const labels = (m: Manifest | undefined, path: string[]) => {
    const value = m ? getAt(m.object, path) : undefined;
    return isMap(value) ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)])) : {};
  };
  const selector = labels(old, ['spec', 'selector', 'matchLabels']);
  if (Object.keys(selector).length === 0) return undefined;
  const terms = Object.entries(selector).map(([k, v]) => `${k}=${v}`);
  if (!now) return terms.join(',');
  const oldPods = labels(old, ['spec', 'template', 'metadata', 'labels']);
  const newPods = labels(now, ['spec', 'template', 'metadata', 'labels']);
  const newSelector = labels(now, ['spec', 'selector', 'matchLabels']);
  // the new pods already fail the old selector when it asks for a label value they do not carry
  if (Object.entries(selector).some(([k, v]) => newPods[k] !== v)) return terms.join(',');
  const onlyOld = Object.entries(oldPods).find(([k, v]) => newPods[k] !== v);
  if (onlyOld) return [...terms, `${onlyOld[0]}=${onlyOld[1]}`].join(',');
  const onlyNew = Object.entries({ ...newPods, ...newSelector }).find(([k, v]) => oldPods[k] !== v);
  if (onlyNew) return [...terms, `${onlyNew[0]}!=${onlyNew[1]}`].join(',');
  return undefined;
}

/** `kubectl rollout status` of every workload the new render holds (hooks run and go). */
function rolloutChecks(context: ChartInputs): string[] {
  const head = headRender(context);
  if (!head) return [];
  return head.manifests
    .filter((m) => !m.isHook && m.group === 'apps' && ['Deployment', 'StatefulSet', 'DaemonSet'].includes(m.ref.kind))
    .map((m) => {
      const namespace = m.ref.namespace ?? head.namespace;
      return `kubectl rollout status ${kubectlSlashObject(m.ref.kind.toLowerCase(), m.ref.name)}${ns(namespace)} --timeout=${WAIT}`;
    });
}

// ---------- order ----------

/** What a chart's place in the runbook depends on: the CRD kinds its head render ships, and the kinds it uses. */
export function orderKinds(render: RenderResult | undefined): OrderKinds {
  const manifests = render?.manifests ?? [];
  return {
    provides: [...new Set(manifests.filter(isCrd).flatMap(crdKind))],
    uses: [...new Set(manifests.filter((m) => !isCrd(m)).map((m) => `${m.group}/${m.ref.kind}`))],
  };
}

/**
 * Charts that ship CRDs go first, and every chart after the charts whose CRDs its objects use (stable otherwise,
 * in lockfile order). A cycle keeps lockfile order.
 */
export function upgradeOrder(charts: readonly { name: string; kinds: OrderKinds }[]): {
  position: number[];
  dependsOn: string[][];
} {
  const provides = charts.map((c) => new Set(c.kinds.provides));
  const uses = charts.map((c) => new Set(c.kinds.uses));
  const dependsOn = charts.map((_, i) =>
    charts.flatMap((_other, j) => (j !== i && [...uses[i]].some((k) => provides[j].has(k)) ? [j] : [])),
  );
  const candidates = charts
    .map((_, i) => i)
    .sort((a, b) => Number(provides[b].size > 0) - Number(provides[a].size > 0));
  const placed: number[] = [];
  while (placed.length < charts.length) {
    const ready = candidates.find((i) => !placed.includes(i) && dependsOn[i].every((j) => placed.includes(j)));
    placed.push(ready ?? candidates.find((i) => !placed.includes(i))!);
  }
  return {
    position: charts.map((_, i) => placed.indexOf(i)),
    dependsOn: dependsOn.map((deps) => deps.map((j) => charts[j].name)),
  };
}

/** "example.com/Widget" of a CRD. */
function crdKind(m: Manifest): string[] {
  const spec = m.object.spec;
  if (!isMap(spec) || !isMap(spec.names)) return [];
  return typeof spec.group === 'string' && typeof spec.names.kind === 'string'
    ? [`${spec.group}/${spec.names.kind}`]
    : [];
}
