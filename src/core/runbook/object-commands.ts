// The kubectl commands of the runbook for single objects: deleting one the upgrade must re-create, cleaning up the
// pods an orphaning delete left behind, and waiting for the rollouts of the new render.
import type { ChartInputs } from '../model/chart-context.js';
import type { Manifest, RenderResult } from '../render/types.js';
import type { Finding, ObjectDelete, ResourceRef, UpgradeStep } from '../report/report.js';
import { kubectlObject, kubectlSlashObject, namespaceFlag, selectorWord } from '../rules/analysis/kubectl-words.js';
import { replicasOf } from '../rules/analysis/statefulset-successor.js';
import { getAt, isMap } from '../values/key-path.js';

/** How long a check waits for a rollout, in every command (one place to change it). */
const WAIT = '10m';

export function headRender(context: ChartInputs): RenderResult | undefined {
  return context.renders?.head?.status === 'ok' ? context.renders.head : undefined;
}

export function baseRender(context: ChartInputs): RenderResult | undefined {
  return context.renders?.base?.status === 'ok' ? context.renders.base : undefined;
}

export function step(phase: UpgradeStep['phase'], description: string, commands: string[]): UpgradeStep {
  return { phase, description, commands };
}

export function groupOf(ref: ResourceRef): string {
  return ref.apiVersion.includes('/') ? ref.apiVersion.split('/')[0] : '';
}

/** "statefulset rel-db -n demo", like the rules' remedies (rules/analysis/remedy-words.ts kubectlTarget). */
export function target(ref: ResourceRef): string {
  const group = groupOf(ref);
  const kind = ref.kind.toLowerCase();
  const resource = group === '' || group === 'apps' || group === 'batch' ? kind : `${kind}.${group}`;
  return `${kubectlObject(resource, ref.name)}${ns(ref.namespace)}`;
}

export const ns = namespaceFlag;

export function objectDelete(ref: ResourceRef, cascade: ObjectDelete['cascade']): ObjectDelete {
  return {
    kind: ref.kind,
    name: ref.name,
    ...(ref.namespace ? { namespace: ref.namespace } : {}),
    cascade,
    command: `kubectl delete ${target(ref)}${cascade === 'orphan' ? ' --cascade=orphan' : ''}`,
  };
}

export function refKey(ref: ResourceRef): string {
  return `${groupOf(ref)}/${ref.kind}/${ref.namespace ?? ''}/${ref.name}`;
}

export function manifestOf(render: RenderResult | undefined, ref: ResourceRef): Manifest | undefined {
  return render?.manifests.find(
    (m) => m.ref.kind === ref.kind && m.ref.name === ref.name && m.group === groupOf(ref) && !m.isHook,
  );
}

export function claimsOf(value: unknown): string[] {
  const claims = isMap(value) ? value.claims : undefined;
  return Array.isArray(claims) ? claims.filter((c): c is string => typeof c === 'string') : [];
}

/** A StatefulSet's pods are <name>-<ordinal>. */
export function podNames(name: string, m: Manifest | undefined): string[] {
  if (!m) return [];
  const start = getAt(m.object, ['spec', 'ordinals', 'start']);
  const first = typeof start === 'number' && Number.isInteger(start) && start >= 0 ? start : 0;
  return Array.from({ length: replicasOf(m) }, (_, i) => `${name}-${first + i}`);
}

/**
 * After an orphaning delete: the old pods (and a Deployment's old ReplicaSets) keep running but the new
 * controller does not adopt them when the selector changed. They are deleted once the new ones are ready.
 */
export function orphanCleanup(
  context: ChartInputs,
  ref: ResourceRef,
  findings: readonly Finding[],
): UpgradeStep | undefined {
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
export function rolloutChecks(context: ChartInputs): string[] {
  const head = headRender(context);
  if (!head) return [];
  return head.manifests
    .filter((m) => !m.isHook && m.group === 'apps' && ['Deployment', 'StatefulSet', 'DaemonSet'].includes(m.ref.kind))
    .map((m) => {
      const namespace = m.ref.namespace ?? head.namespace;
      return `kubectl rollout status ${kubectlSlashObject(m.ref.kind.toLowerCase(), m.ref.name)}${ns(namespace)} --timeout=${WAIT}`;
    });
}
