// The words of a render-based finding and its remedy: the exact kubectl commands a user pastes (its helm upgrade:
// helm-upgrade-command.ts), lists of names and values short enough for a sentence.
import { type CustomScopes, objectNamespace } from '../../render/match.js';
import type { Manifest, RenderResult } from '../../render/types.js';
import { kubectlObject, namespaceFlag } from './kubectl-words.js';

/** "statefulset rel-mariadb -n demo" (no -n for cluster-scoped kinds). */
export function kubectlTarget(m: Manifest, render: RenderResult, scopes?: CustomScopes): string {
  const namespace = objectNamespace(m, render.namespace, scopes);
  const resource =
    m.group === '' || m.group === 'apps' || m.group === 'batch'
      ? m.ref.kind.toLowerCase()
      : `${m.ref.kind.toLowerCase()}.${m.group}`;
  return `${kubectlObject(resource, m.ref.name)}${namespaceFlag(namespace)}`;
}

/** "a", "a and b", "a, b and c". */
export function joinWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** A value short enough for a sentence, or undefined when it is not (maps, lists, long strings). */
export function inlineValue(value: unknown): string | undefined {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string') return value.length <= 80 ? `"${value}"` : undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** "PVC data-x-0" or "PVCs data-x-0 and data-x-1". */
export function claimsPhrase(claims: string[]): string {
  return `${claims.length === 1 ? 'PVC' : 'PVCs'} ${joinWords(claims)}`;
}
