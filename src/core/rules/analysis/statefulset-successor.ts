// StatefulSets that disappear while another takes their place (a rename such as Bitnami's "master -> primary").
// PVC names are <volumeClaimTemplate name>-<StatefulSet name>-<ordinal> (docs/reference/immutable-fields.md §3.1),
// so a renamed StatefulSet starts with new empty claims and the old ones are orphaned (§6).

import type { RenderMatch } from '../../render/match.js';
import { parseQuantity } from '../../render/normalise.js';
import type { Manifest } from '../../render/types.js';
import { getAt, isMap } from '../../values/key-path.js';

export function isStatefulSet(m: Manifest): boolean {
  return m.group === 'apps' && m.ref.kind === 'StatefulSet';
}

/** Names of the volumeClaimTemplates, in order. */
export function claimTemplateNames(m: Manifest): string[] {
  const templates = getAt(m.object, ['spec', 'volumeClaimTemplates']);
  if (!Array.isArray(templates)) return [];
  return templates
    .map((t) => getAt(t, ['metadata', 'name']))
    .filter((n): n is string => typeof n === 'string' && n !== '');
}

/** spec.replicas, default 1 (§3.1 SetDefaults_StatefulSet). */
export function replicasOf(m: Manifest): number {
  const replicas = getAt(m.object, ['spec', 'replicas']);
  return typeof replicas === 'number' && Number.isInteger(replicas) && replicas >= 0 ? replicas : 1;
}

/** The PVCs the StatefulSet's pods use: one per template and ordinal (at least ordinal start, even at 0 replicas). */
export function claimNames(m: Manifest): string[] {
  const start = getAt(m.object, ['spec', 'ordinals', 'start']);
  const first = typeof start === 'number' && Number.isInteger(start) && start >= 0 ? start : 0;
  const count = Math.max(replicasOf(m), 1);
  return claimTemplateNames(m).flatMap((template) =>
    Array.from({ length: count }, (_, i) => `${template}-${m.ref.name}-${first + i}`),
  );
}

/** persistentVolumeClaimRetentionPolicy.whenDeleted, default Retain (§3.1). */
export function whenDeleted(m: Manifest): 'Retain' | 'Delete' {
  return getAt(m.object, ['spec', 'persistentVolumeClaimRetentionPolicy', 'whenDeleted']) === 'Delete'
    ? 'Delete'
    : 'Retain';
}

const PRIMARY_ROLES = new Set(['master', 'primary', 'leader', 'main']);
const SECONDARY_ROLES = new Set(['slave', 'secondary', 'replica', 'replicas', 'follower', 'read', 'reader']);
const ROLE_LABELS = ['app.kubernetes.io/component', 'component', 'role'];
const APP_LABELS = ['app.kubernetes.io/name', 'app', 'k8s-app'];

function labelsOf(m: Manifest): Record<string, unknown>[] {
  return [
    getAt(m.object, ['spec', 'selector', 'matchLabels']),
    getAt(m.object, ['spec', 'template', 'metadata', 'labels']),
    getAt(m.object, ['metadata', 'labels']),
  ].filter(isMap);
}

function roleWord(word: unknown): 'primary' | 'secondary' | undefined {
  if (typeof word !== 'string') return undefined;
  const w = word.toLowerCase();
  if (PRIMARY_ROLES.has(w)) return 'primary';
  if (SECONDARY_ROLES.has(w)) return 'secondary';
  return undefined;
}

/** Primary/secondary role from a component/role label, else from the name's last segment. */
export function roleOf(m: Manifest): 'primary' | 'secondary' | undefined {
  for (const labels of labelsOf(m)) {
    for (const key of ROLE_LABELS) {
      const role = roleWord(labels[key]);
      if (role) return role;
    }
  }
  return roleWord(m.ref.name.split('-').pop());
}

/** The role label value as written (e.g. "primary"), for matching values keys such as primary.persistence. */
export function roleLabel(m: Manifest): string | undefined {
  for (const labels of labelsOf(m)) {
    for (const key of ROLE_LABELS) if (typeof labels[key] === 'string') return labels[key] as string;
  }
  return undefined;
}

function appOf(m: Manifest): string | undefined {
  for (const labels of labelsOf(m)) {
    for (const key of APP_LABELS) if (typeof labels[key] === 'string') return labels[key] as string;
  }
  return undefined;
}

/** The name without a trailing role word: rel-mariadb-master -> rel-mariadb. */
function stem(name: string): string {
  const parts = name.split('-');
  return parts.length > 1 && roleWord(parts[parts.length - 1]) ? parts.slice(0, -1).join('-') : name;
}

function claimSizes(m: Manifest): (number | undefined)[] {
  const templates = getAt(m.object, ['spec', 'volumeClaimTemplates']);
  if (!Array.isArray(templates)) return [];
  return templates.map((t) => parseQuantity(getAt(t, ['spec', 'resources', 'requests', 'storage'])));
}

const MIN_SCORE = 4;

/** How likely `candidate` (new in head) takes the place of `old` (gone from head); undefined when it cannot. */
export function successorScore(old: Manifest, candidate: Manifest): number | undefined {
  const oldTemplates = claimTemplateNames(old);
  const newTemplates = claimTemplateNames(candidate);
  if (!oldTemplates.some((t) => newTemplates.includes(t))) return undefined;
  const oldRole = roleOf(old);
  const newRole = roleOf(candidate);
  if (oldRole && newRole && oldRole !== newRole) return undefined;
  let score = 0;
  if (stem(old.ref.name) === stem(candidate.ref.name)) score += 4;
  const oldApp = appOf(old);
  const newApp = appOf(candidate);
  if (oldApp && newApp) score += oldApp === newApp ? 3 : -3;
  if (oldRole && oldRole === newRole) score += 2;
  if (oldTemplates.join() === newTemplates.join()) score += 1;
  const oldSizes = claimSizes(old);
  if (oldSizes.length > 0 && oldSizes.join() === claimSizes(candidate).join()) score += 1;
  return score >= MIN_SCORE ? score : undefined;
}

export interface StatefulSetReplacement {
  old: Manifest;
  successor: Manifest;
}

/** Pairs each removed StatefulSet with volumeClaimTemplates to its best-scoring new StatefulSet (each used once). */
export function findReplacements(match: RenderMatch): StatefulSetReplacement[] {
  const olds = match.removed.filter((m) => isStatefulSet(m) && claimTemplateNames(m).length > 0);
  const candidates = match.added.filter(isStatefulSet);
  const scored: { old: Manifest; successor: Manifest; score: number }[] = [];
  for (const old of olds) {
    for (const successor of candidates) {
      const score = successorScore(old, successor);
      if (score !== undefined) scored.push({ old, successor, score });
    }
  }
  scored.sort((a, b) => b.score - a.score);
  const used = new Set<Manifest>();
  const replacements: StatefulSetReplacement[] = [];
  for (const { old, successor } of scored) {
    if (used.has(old) || used.has(successor)) continue;
    used.add(old);
    used.add(successor);
    replacements.push({ old, successor });
  }
  return replacements;
}
