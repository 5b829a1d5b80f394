// statefulset-replaced: a StatefulSet with volumeClaimTemplates leaves the render and a new one takes its place.
// PVC names embed the StatefulSet name (docs/reference/immutable-fields.md §3.1), so the successor starts
// with new empty claims; after the upgrade Helm deletes the old StatefulSet and its claims are orphaned
// (whenDeleted: Retain, the default) or deleted with it (whenDeleted: Delete) (§6, §5.4).
import { effectiveRef } from '../render/match.js';
import { chartLocation, renderedPair } from '../render/rendered-sources.js';
import type { Manifest } from '../render/types.js';
import { formatKeyPath, isMap, type KeyPath } from '../values/key-path.js';
import { remedyUpgrade } from './analysis/helm-upgrade-command.js';
import { claimsPhrase, kubectlTarget } from './analysis/remedy-words.js';
import { claimNames, findReplacements, roleLabel, whenDeleted } from './analysis/statefulset-successor.js';
import type { ChartContext, ChartRule, FindingDraft } from './rule.js';

export const statefulsetReplaced = {
  id: 'statefulset-replaced',
  scope: 'chart',
  modes: ['review'],
  needs: { base: true, renders: true },
  severity: 'error',
  description:
    'a StatefulSet with volumeClaimTemplates disappears and another takes its place: its volumes are orphaned',
  check(ctx) {
    const renders = renderedPair(ctx);
    if (!renders) return [];
    const match = ctx.matchedRenders();
    if (!match) return [];
    return findReplacements(match).map(({ old, successor }): FindingDraft => {
      const oldClaims = claimNames(old);
      const newClaims = claimNames(successor);
      const deleted = whenDeleted(old) === 'Delete';
      const one = oldClaims.length === 1;
      const fate = deleted
        ? `${one ? 'is' : 'are'} deleted with it (persistentVolumeClaimRetentionPolicy.whenDeleted: Delete), and the data with ${one ? 'it' : 'them'}`
        : `${one ? 'stays' : 'stay'} behind unused with the data (whenDeleted: Retain)`;
      const existingClaim = existingClaimKey(ctx, successor);
      const reuse = existingClaim
        ? `point the new release at the old claim (\`--set ${existingClaim}=${oldClaims[0]}\`, if that value fits this chart)`
        : 'point the new release at the old claim, if the chart has an existingClaim value';
      const target = kubectlTarget(old, renders.base, match.scopes);
      return {
        message:
          `StatefulSet ${old.ref.name} is replaced by ${successor.ref.name}: Helm deletes ${old.ref.name} after the upgrade and its ` +
          `${claimsPhrase(oldClaims)} ${fate}, while ${successor.ref.name} starts with new empty ${claimsPhrase(newClaims)}.`,
        ...chartLocation(ctx, successor, 'head'),
        resource: effectiveRef(old, renders.base.namespace, match.scopes),
        before: { name: old.ref.name, claims: oldClaims },
        after: { name: successor.ref.name, claims: newClaims },
        remedy:
          `Migrate the data: back up from ${old.ref.name} and restore into ${successor.ref.name}, or ${reuse}. ` +
          `To keep the old pods serving during the migration, run \`kubectl delete ${target} --cascade=orphan\` before ${remedyUpgrade(ctx, renders.head)}: ` +
          'the orphaned pods are no longer managed (nothing restarts them), so delete them once the data is moved.' +
          (deleted
            ? ` Set whenDeleted: Retain on ${old.ref.name} first (\`kubectl patch ${target} --type=merge -p '{"spec":{"persistentVolumeClaimRetentionPolicy":{"whenDeleted":"Retain"}}}'\`), or the claims go with it.`
            : ''),
        needsReinstall: true,
      };
    });
  },
  change: 'statefulset-successor',
  runbook: ['back-up-and-replace'],
  reinstall(finding) {
    const successor = isMap(finding.after) && typeof finding.after.name === 'string' ? finding.after.name : undefined;
    return {
      sentence: `StatefulSet ${finding.resource.name} is replaced${successor ? ` by ${successor}` : ''} and its volumes are orphaned`,
    };
  },
} satisfies ChartRule;

/**
 * A values key of the new chart ending in existingClaim (in its defaults or read by its templates, since charts
 * often leave it commented out), preferring one under the successor's role (primary.persistence.existingClaim).
 */
function existingClaimKey(ctx: ChartContext, successor: Manifest): string | undefined {
  const found: KeyPath[] = [];
  const walk = (node: unknown, path: KeyPath) => {
    if (!isMap(node) || path.length > 6) return;
    for (const [key, child] of Object.entries(node)) {
      if (key === 'existingClaim') found.push([...path, key]);
      else walk(child, [...path, key]);
    }
  };
  walk(ctx.head?.defaults, []);
  for (const read of ctx.head?.templateReads ?? []) {
    if (read[read.length - 1] === 'existingClaim' && !found.some((p) => formatKeyPath(p) === formatKeyPath(read)))
      found.push(read);
  }
  if (found.length === 0) return undefined;
  const role = roleLabel(successor);
  const preferred = (role && found.find((p) => p.includes(role))) || (found.length === 1 ? found[0] : undefined);
  return preferred ? formatKeyPath(preferred) : undefined;
}
