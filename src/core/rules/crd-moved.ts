// crd-moved: a CRD changes between templates/ (a release object) and crds/ (installed once, never managed).
// templates/ -> crds/: the CRD leaves the release manifest, so `helm upgrade` deletes it, and every custom
// resource of that type with it; crds/ is not applied on upgrade (helm/helm#8163,
// docs/reference/immutable-fields.md §5.3, §6). crds/ -> templates/: Helm now creates it as a release object,
// but the existing CRD has no Helm ownership metadata, so the upgrade stops with "invalid ownership metadata" (§5.4).

import { effectiveRef } from '../render/match.js';
import { chartLocation, renderedPair } from '../render/rendered-sources.js';
import { crdLocation, pairedCrds, shellWord } from './analysis/crds.js';
import { kubectlObject } from './analysis/kubectl-words.js';
import { helmUpgradeCommand } from './analysis/remedy-words.js';
import type { ChartRule, FindingDraft } from './rule.js';

export const crdMoved = {
  id: 'crd-moved',
  scope: 'chart',
  modes: ['review'],
  needs: { base: true, renders: true },
  severity: 'error',
  description: 'a CRD moves between templates/ and crds/: Helm deletes it, or cannot adopt it',
  check(ctx) {
    const renders = renderedPair(ctx);
    if (!renders) return [];
    const findings: FindingDraft[] = [];
    for (const { name, base, head } of pairedCrds(renders.base, renders.head)) {
      const from = crdLocation(base);
      const to = crdLocation(head);
      const target = kubectlObject('customresourcedefinition', name);
      const common = {
        ...chartLocation(ctx, head, 'head'),
        resource: effectiveRef(head, renders.head.namespace),
        before: base.source ?? from,
        after: head.source ?? to,
      };
      if (from === 'templates' && to === 'crds') {
        findings.push({
          ...common,
          message: `CRD ${name} moves from templates/ to crds/: \`helm upgrade\` deletes it as a resource that left the release, and every custom resource of that type with it.`,
          remedy: `Before upgrading, tell Helm to keep it: \`kubectl annotate ${target} helm.sh/resource-policy=keep\`. From then on apply CRD updates by hand (\`kubectl apply --server-side --force-conflicts -f ${shellWord(common.file ?? '')}\`).`,
        });
      } else if (from === 'crds' && to === 'templates') {
        const { releaseName, namespace } = renders.head;
        findings.push({
          ...common,
          severity: 'warning',
          message: `CRD ${name} moves from crds/ to templates/: Helm now manages it, but the CRD already in the cluster has no Helm ownership metadata, so \`helm upgrade\` fails with "invalid ownership metadata".`,
          remedy:
            `Let the release adopt it before upgrading: \`kubectl label ${target} app.kubernetes.io/managed-by=Helm\` and ` +
            `\`kubectl annotate ${target} ${shellWord(`meta.helm.sh/release-name=${releaseName}`)} ${shellWord(`meta.helm.sh/release-namespace=${namespace}`)}\`, then \`${helmUpgradeCommand(ctx, renders.head)}\`. ` +
            'From then on Helm upgrades it, and deletes it (with all its custom resources) on uninstall.',
        });
      }
    }
    return findings;
  },
} satisfies ChartRule;
