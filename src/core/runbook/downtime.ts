// Downtime of a rollout: a workload with one replica whose pod template changes has no pod serving while the new one
// starts, when the old pod goes first: always for a StatefulSet (its rolling update deletes the pod, then re-creates
// it), for a Deployment with strategy Recreate, or a rolling update that may not surge (maxSurge 0) or may stop the old pod at once
// (maxUnavailable 1 or 100%). A Deployment
// with the default rolling update (maxSurge 25%, rounded up to one pod) starts the new pod first: no notice.
import type { ChartInputs } from '../model/chart-context.js';
import { printedAlike } from '../render/document-identity.js';
import { semanticEqual } from '../render/normalise.js';
import type { Manifest } from '../render/types.js';
import { replicasOf } from '../rules/analysis/statefulset-successor.js';
import { getAt } from '../values/key-path.js';
import { baseRender, headRender, manifestOf } from './object-commands.js';

export interface Downtime {
  kind: string;
  name: string;
  namespace?: string;
}

/** The single-replica workloads whose pods the upgrade restarts with nothing serving in between. */
export function downtimes(context: ChartInputs): Downtime[] {
  const head = headRender(context);
  const base = baseRender(context);
  if (!head || !base) return [];
  return head.manifests
    .filter((m) => !m.isHook && m.group === 'apps' && (m.ref.kind === 'StatefulSet' || m.ref.kind === 'Deployment'))
    .filter((m) => {
      // a workload printed alike is not rolled: its object need not even be read
      const old = manifestOf(base, m.ref);
      return (
        old !== undefined &&
        !printedAlike(old, m) &&
        !semanticEqual(getAt(old.object, ['spec', 'template']), getAt(m.object, ['spec', 'template']))
      );
    })
    .filter((m) => replicasOf(m) === 1 && stopsFirst(m))
    .map((m) => ({ kind: m.ref.kind, name: m.ref.name, ...(m.ref.namespace ? { namespace: m.ref.namespace } : {}) }));
}

/** Whether the rollout stops the one old pod before the new one is ready. */
function stopsFirst(m: Manifest): boolean {
  if (m.ref.kind === 'StatefulSet') return getAt(m.object, ['spec', 'updateStrategy', 'type']) !== 'OnDelete';
  const strategy = getAt(m.object, ['spec', 'strategy', 'type']);
  if (strategy === 'Recreate') return true;
  const rolling = (key: string, fallback: string) =>
    getAt(m.object, ['spec', 'strategy', 'rollingUpdate', key]) ?? fallback;
  // of one replica, maxSurge rounds up (only 0 forbids the extra pod), maxUnavailable rounds down (only 100% or a
  // whole pod lets the old one go at once)
  return pods(rolling('maxSurge', '25%'), 'up') === 0 || pods(rolling('maxUnavailable', '25%'), 'down') >= 1;
}

/** An int-or-percent of one replica, in pods. */
function pods(value: unknown, round: 'up' | 'down'): number {
  if (typeof value === 'number') return value;
  const percent = typeof value === 'string' ? /^(\d+)%$/.exec(value) : null;
  if (!percent) return typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : round === 'up' ? 1 : 0;
  return (round === 'up' ? Math.ceil : Math.floor)(Number(percent[1]) / 100);
}
