// resource-removed: an object of the old render is gone from the new one, so Helm deletes it after a successful
// upgrade unless it carries helm.sh/resource-policy: keep (docs/reference/immutable-fields.md §5.4).
// Hooks and crds/ files are not release objects and are never deleted this way (§5.3, §5.5). A CRD that leaves
// crds/ (a CRD subchart switched off with crds.enabled: false, a chart that stops shipping it) gets a notice that
// says so: it stays in the cluster with its custom resources, and only a person deletes it.
//
// Decision for a removed StatefulSet with volumeClaimTemplates and no successor (mariadb 7 -> 8 drops
// rel-mariadb-slave): it is reported here, not as statefulset-replaced, because nothing takes its place; the
// message names the orphaned PVCs. Severity stays notice unless data goes with it (whenDeleted: Delete, a PVC,
// a CRD in templates/ or a Namespace), which is raised to warning. A StatefulSet already reported as replaced and
// a CRD that moved to crds/ (crd-moved) are not repeated here.

import { describe, effectiveRef } from '../render/match.js';
import { baseLocation, renderedPair } from '../render/rendered-sources.js';
import type { Manifest } from '../render/types.js';
import { getAt } from '../values/key-path.js';
import { crdsByName } from './analysis/crds.js';
import { kubectlObject, kubectlObjects, namespaceFlag } from './analysis/kubectl-words.js';
import { claimsPhrase, kubectlTarget } from './analysis/remedy-words.js';
import { claimNames, findReplacements, isStatefulSet, whenDeleted } from './analysis/statefulset-successor.js';
import type { ChartRule, FindingDraft } from './rule.js';

const KEEP = 'helm.sh/resource-policy';

function isCrd(m: Manifest): boolean {
  return m.group === 'apiextensions.k8s.io' && m.ref.kind === 'CustomResourceDefinition';
}

export const resourceRemoved = {
  id: 'resource-removed',
  scope: 'chart',
  modes: ['review'],
  needs: { base: true, renders: true },
  severity: 'notice',
  description: 'a resource in the old render is absent from the new one',
  runbook: ['back-up-claims'],
  check(ctx) {
    const renders = renderedPair(ctx);
    if (!renders) return [];
    const match = ctx.matchedRenders();
    if (!match) return [];
    const replaced = new Set(findReplacements(match).map((r) => r.old));
    const crdsInCrdsDir = new Set(
      renders.head.manifests.filter((m) => m.fromCrdsDir && isCrd(m)).map((m) => m.ref.name),
    );
    const headCrds = crdsByName(renders.head);
    const leftCrdsDir = renders.base.manifests
      .filter((m) => m.fromCrdsDir && isCrd(m) && !headCrds.has(m.ref.name))
      .map(
        (m): FindingDraft => ({
          message: `${describe(m)} from crds/ is no longer rendered: Helm never deletes CRDs it installed from crds/, so it stays in the cluster with its custom resources.`,
          ...baseLocation(ctx, m),
          resource: effectiveRef(m, renders.base.namespace, match.scopes),
          remedy: `Nothing to do if it is still wanted (or managed elsewhere now). Once nothing uses it, delete it by hand: \`kubectl delete ${kubectlObject('customresourcedefinition', m.ref.name)}\` (this deletes every custom resource of that type).`,
        }),
      );
    const released = match.removed
      .filter((m) => !replaced.has(m) && !(isCrd(m) && crdsInCrdsDir.has(m.ref.name)))
      .map((m): FindingDraft => {
        const target = kubectlTarget(m, renders.base, match.scopes);
        const keep = `\`kubectl annotate ${target} ${KEEP}=keep\``;
        const finding: FindingDraft = {
          message: `${describe(m)} is no longer rendered: \`helm upgrade\` deletes it.`,
          ...baseLocation(ctx, m),
          resource: effectiveRef(m, renders.base.namespace, match.scopes),
          remedy: `Nothing to do if that is intended; to keep it in the cluster, run ${keep} before upgrading.`,
        };
        if (getAt(m.object, ['metadata', 'annotations', KEEP]) === 'keep') {
          return {
            ...finding,
            message: `${describe(m)} is no longer rendered; it is annotated ${KEEP}: keep, so Helm leaves it in the cluster, no longer managed by the release.`,
            remedy: `Delete it by hand when it is no longer needed: \`kubectl delete ${target}\`.`,
          };
        }
        if (isStatefulSet(m) && claimNames(m).length > 0) {
          const claims = claimNames(m);
          const lost = whenDeleted(m) === 'Delete';
          return {
            ...finding,
            ...(lost ? { severity: 'warning' } : {}),
            message: lost
              ? `${describe(m)} is no longer rendered: \`helm upgrade\` deletes it and, with whenDeleted: Delete, its ${claimsPhrase(claims)} and the data.`
              : `${describe(m)} is no longer rendered: \`helm upgrade\` deletes it and its pods; its ${claimsPhrase(claims)} ${claims.length === 1 ? 'stays' : 'stay'} behind unused with the data (whenDeleted: Retain).`,
            before: { name: m.ref.name, claims },
            after: null,
            remedy: lost
              ? `Back up the data first, or ${keep} before upgrading.`
              : `Back up or migrate the data if it is still needed, then delete the PVCs (\`kubectl delete ${kubectlObjects('pvc', claims)}${namespaceFlag(renders.base.namespace)}\`) to free the volumes.`,
          };
        }
        if (m.group === '' && m.ref.kind === 'PersistentVolumeClaim') {
          return {
            ...finding,
            severity: 'warning',
            message: `${describe(m)} is no longer rendered: \`helm upgrade\` deletes the claim, and its volume with the data when the reclaim policy is Delete.`,
            remedy: `Back up the data, or run ${keep} before upgrading.`,
          };
        }
        if (isCrd(m)) {
          return {
            ...finding,
            severity: 'warning',
            message: `${describe(m)} is no longer rendered: \`helm upgrade\` deletes the CRD and with it every custom resource of that type.`,
            remedy: `Run ${keep} before upgrading to keep the CRD and its custom resources.`,
          };
        }
        if (m.group === '' && m.ref.kind === 'Namespace') {
          return {
            ...finding,
            severity: 'warning',
            message: `${describe(m)} is no longer rendered: \`helm upgrade\` deletes the namespace and everything in it.`,
            remedy: `Run ${keep} before upgrading unless everything in it should go.`,
          };
        }
        return finding;
      });
    return [...released, ...leftCrdsDir];
  },
} satisfies ChartRule;
