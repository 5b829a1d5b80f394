// crd-moved: a CRD changes between templates/ (a release object) and crds/ (installed once, never managed).
// templates/ -> crds/: the CRD leaves the release manifest, so `helm upgrade` deletes it, and every custom
// resource of that type with it; crds/ is not applied on upgrade (helm/helm#8163,
// docs/reference/immutable-fields.md §5.3, §6). crds/ -> templates/: Helm now creates it as a release object,
// but the existing CRD has no Helm ownership metadata, so the upgrade stops with "invalid ownership metadata" (§5.4).
// A CRD moving into crds/ that another chart of the environment renders as a template (karpenter's CRDs, now
// karpenter-crd's) is that release's from then on: it must get that release's ownership metadata before the owner's
// upgrade, and this chart's crds/ copy is never applied over it (ownedCrds).

import { effectiveRef } from '../render/match.js';
import { chartLocation, renderedPair } from '../render/rendered-sources.js';
import { crdLocation, pairedCrds, shellWord } from './analysis/crds.js';
import { remedyUpgrade } from './analysis/helm-upgrade-command.js';
import { kubectlObject } from './analysis/kubectl-words.js';
import type { ChartRule, FindingDraft, RuleHooks } from './rule.js';

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
      // (a CRD that stays where it was: no finding, and no template line looked up for it)
      if (!((from === 'templates' && to === 'crds') || (from === 'crds' && to === 'templates'))) continue;
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
          message: `${intoCrds(name)}: \`helm upgrade\` deletes it as a resource that left the release, and every custom resource of that type with it.`,
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
            `\`kubectl annotate ${target} ${shellWord(`meta.helm.sh/release-name=${releaseName}`)} ${shellWord(`meta.helm.sh/release-namespace=${namespace}`)}\`, then ${remedyUpgrade(ctx, renders.head)}. ` +
            'From then on Helm upgrades it, and deletes it (with all its custom resources) on uninstall.',
        });
      }
    }
    return findings;
  },
  ownedCrds,
} satisfies ChartRule;

/** The start of the message of a CRD leaving templates/ for crds/. */
function intoCrds(name: string): string {
  return `CRD ${name} moves from templates/ to crds/`;
}

/** Into crds/ while another release renders it as a template: kept, and handed to that release, never applied. */
function ownedCrds(...[finding, owners, chart]: Parameters<NonNullable<RuleHooks['ownedCrds']>>) {
  const name = finding.resource?.name;
  const owner = name === undefined ? undefined : owners.get(name);
  if (!name || !owner || !finding.message.startsWith(`${intoCrds(name)}:`)) return [finding];
  const target = kubectlObject('customresourcedefinition', name);
  const metadata = [`meta.helm.sh/release-name=${owner.release}`, `meta.helm.sh/release-namespace=${owner.namespace}`];
  return [
    {
      ...finding,
      remedy:
        `Before upgrading ${owner.chart} (upgraded first: it renders the CRD as a template and owns it from then on), tell Helm to keep it when ${chart.name} lets it go: \`kubectl annotate ${target} helm.sh/resource-policy=keep\`, ` +
        `and hand it to release ${owner.release}: \`kubectl annotate ${target} --overwrite ${metadata.map(shellWord).join(' ')}\`. ` +
        `From then on ${owner.chart}'s upgrades update it; do not apply ${chart.name}'s crds/ copy over it.`,
    },
  ];
}
