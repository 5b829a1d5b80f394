// release-api-removed: in a readiness review (the change raises the environment's Kubernetes), the release as it is
// deployed (its render for the cluster version it runs on now, pipeline/readiness.ts) holds an object whose
// apiVersion the new version removes. Helm keeps that manifest in the release record; once the cluster is upgraded,
// every `helm upgrade` of the release fails with "current release manifest contains removed kubernetes api(s) for
// this kubernetes version", even when the new chart uses the new API (Helm, "Deprecated Kubernetes APIs",
// https://helm.sh/docs/topics/kubernetes_apis/). The fix is no code change: the helm-mapkubeapis plugin
// (https://github.com/helm/helm-mapkubeapis) rewrites the stored manifest, before the cluster upgrade. Severity
// warning: the pull request cannot fix it, the runbook step does (runbook/mapkubeapis.ts); it is a row of the
// readiness table.
import { apiStatusAt, apiVersionEntry } from '../render/api-versions.js';
import { effectiveRef, isReleaseObject } from '../render/match.js';
import { baseLocation, chartLocation } from '../render/rendered-sources.js';
import type { ChartRule, FindingDraft } from './rule.js';

/** The plugin that rewrites a release's stored manifest, and where it is installed from. */
export const MAPKUBEAPIS_PLUGIN = 'helm plugin install https://github.com/helm/helm-mapkubeapis';

export const releaseApiRemoved = {
  id: 'release-api-removed',
  scope: 'chart',
  modes: ['review', 'lint'],
  needs: { renders: true },
  severity: 'warning',
  description:
    'the deployed release stores an apiVersion the raised Kubernetes version removes: run helm mapkubeapis before the cluster upgrade',
  readiness: {},
  runbook: ['map-kube-apis'],
  check(ctx) {
    const deployed = ctx.renders?.deployed;
    if (!ctx.readiness || deployed?.status !== 'ok') return [];
    const { from, to } = ctx.readiness;
    const release = deployed.releaseName;
    const command = `helm mapkubeapis ${release} --namespace ${deployed.namespace}`;
    // an unchanged chart is deployed as the head holds it; a changed one as the base holds it
    const deployedAtHead = ctx.change.change === 'unchanged' || !ctx.base;
    return deployed.manifests.filter(isReleaseObject).flatMap((m): FindingDraft[] => {
      const entry = apiVersionEntry(m.ref.apiVersion, m.ref.kind);
      // removed at the new version, still served where it runs now (else it could not have been deployed)
      if (apiStatusAt(entry, to.max) !== 'removed' || apiStatusAt(entry, from.max) === 'removed') return [];
      return [
        {
          message:
            `The deployed release ${release} stores ${m.ref.kind} ${m.ref.name} as ${m.ref.apiVersion}, removed in ` +
            `Kubernetes ${entry!.removedIn}: once the cluster runs ${to.max}, helm upgrade of ${release} fails ` +
            '("current release manifest contains removed kubernetes api(s)") until the stored manifest is rewritten.',
          ...(deployedAtHead ? chartLocation(ctx, m, 'head') : baseLocation(ctx, m)),
          resource: effectiveRef(m, deployed.namespace),
          path: 'apiVersion',
          before: m.ref.apiVersion,
          after: entry!.replacement ?? null,
          remedy:
            `Before the cluster upgrade to ${to.max}, rewrite the stored manifest with the helm-mapkubeapis plugin ` +
            `(\`${MAPKUBEAPIS_PLUGIN}\`): \`${command}\` (try it with --dry-run first).`,
        },
      ];
    });
  },
} satisfies ChartRule;
