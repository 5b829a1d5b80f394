// The rendered diff of a chart in one environment, what helm-diff and argocd-diff-preview users read: for every
// object the base and head renders hold, matched the way Helm matches them on upgrade (match.ts), the unified
// diff of the two objects as YAML with sorted keys. Hooks and crds/ objects are shown too: a reader wants to see
// them change even though `helm upgrade` treats them apart.
//
// What is left out or hidden, and why:
// - labels and annotations that change with every chart version and say nothing about the change itself
//   (helm.sh/chart, app.kubernetes.io/version, checksum/* annotations), so a version bump is not a wall of noise;
// - credentials: the objects go through the structural redactor first (Secret data and stringData, values under
//   credential-looking keys, env values named like one) and the text redactor later, with the rest of the report
//   (assembleReport). A Secret value that changed shows as `<redacted> (changed)`, so the change is still seen.
import { createTwoFilesPatch } from 'diff';
import { stringify } from 'yaml';
import type { ChartInputs } from '../chart-context.js';
import { CredentialMatcher, REDACTED, redactTree } from '../redact.js';
import type { ObjectDiff, RenderedDiff } from '../report.js';
import { isMap, setOwn } from '../values/key-path.js';
import { effectiveRef, matchRenders } from './match.js';
import { chartFile, renderedPair } from './rule-support.js';
import type { Manifest } from './types.js';

/** Labels and annotations left out of the diff: they change with every chart version. */
const NOISE_KEYS = new Set(['helm.sh/chart', 'app.kubernetes.io/version']);
const NOISE_PREFIXES = ['checksum/'];

/** Said wherever the diff is shown. */
export const RENDERED_DIFF_NOTE =
  'Labels helm.sh/chart and app.kubernetes.io/version and checksum/* annotations are left out; Secret data and credential-like values are redacted.';

/** The diff of both renders of a chart in the context's environment; undefined unless both rendered. */
export function renderedDiff(ctx: ChartInputs): RenderedDiff | undefined {
  const pair = renderedPair(ctx);
  if (!pair) return undefined;
  const match = matchRenders(pair.base, pair.head, () => true);
  const matcher = new CredentialMatcher(ctx.config.redact);
  const shown = (m: Manifest, other?: Manifest) => serialise(withoutNoise(redacted(m, matcher, other)));
  const objects: ObjectDiff[] = [];
  const push = (change: ObjectDiff['change'], m: Manifest, side: 'base' | 'head', before: string, after: string) => {
    if (before === after) return;
    const label = objectLabel(m, side === 'base' ? pair.base.namespace : pair.head.namespace);
    const patch = createTwoFilesPatch(`a/${label}`, `b/${label}`, before, after, '', '', { context: 3 })
      .split('\n')
      .filter((line, i) => !(i === 0 && line.startsWith('====')))
      .join('\n');
    const file = chartFile(ctx, m, side);
    objects.push({
      change,
      resource: effectiveRef(m, side === 'base' ? pair.base.namespace : pair.head.namespace, match.scopes),
      ...(file ? { file } : {}),
      patch,
    });
  };
  for (const { base, head } of match.matched) push('changed', head, 'head', shown(base), shown(head, base));
  for (const m of match.removed) push('removed', m, 'base', shown(m), '');
  for (const m of match.added) push('added', m, 'head', '', shown(m));
  return { ...(ctx.environment !== undefined ? { environment: ctx.environment } : {}), objects };
}

/** "apps/v1/StatefulSet/demo/rel-mariadb.yaml": a path-like name for the patch headers. */
function objectLabel(m: Manifest, releaseNamespace: string): string {
  return `${m.ref.kind}/${m.ref.namespace ?? releaseNamespace}/${m.ref.name}.yaml`;
}

/**
 * The object with credentials hidden. For the head of a Secret, a data key whose value differs from the base's
 * `other` (or that it lacks) shows `<redacted> (changed)`: the reader sees which keys changed, never a value.
 */
function redacted(m: Manifest, matcher: CredentialMatcher, other?: Manifest): unknown {
  const out = redactTree(m.object, matcher);
  if (!other || m.ref.kind !== 'Secret' || !isMap(out)) return out;
  for (const key of ['data', 'stringData']) {
    const mine = m.object[key];
    const theirs = other.object[key];
    const shown = out[key];
    if (!isMap(mine) || !isMap(shown)) continue;
    for (const name of Object.keys(mine)) {
      const changed = !isMap(theirs) || !Object.hasOwn(theirs, name) || theirs[name] !== mine[name];
      if (changed && shown[name] === REDACTED) shown[name] = `${REDACTED} (changed)`;
    }
  }
  return out;
}

/** A copy without the noise labels and annotations, at any depth (pod templates carry them too). */
function withoutNoise(value: unknown, key?: string): unknown {
  if (Array.isArray(value)) return value.map((item) => withoutNoise(item));
  if (!isMap(value)) return value;
  const out: Record<string, unknown> = {};
  const meta = key === 'labels' || key === 'annotations';
  for (const [k, child] of Object.entries(value)) {
    if (meta && (NOISE_KEYS.has(k) || NOISE_PREFIXES.some((p) => k.startsWith(p)))) continue;
    setOwn(out, k, withoutNoise(child, k));
  }
  return out;
}

function serialise(object: unknown): string {
  return stringify(object, { sortMapEntries: true, lineWidth: 0, aliasDuplicateObjects: false });
}
