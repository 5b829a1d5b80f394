import { checkKubeVersion, refusedOnVendorClusters } from '../config/kube-version.js';
import type { ChartRule, FindingDraft } from './rule.js';

// Helm refuses to install or upgrade a chart whose Chart.yaml kubeVersion excludes the cluster
// ("chart requires kubeVersion: >=1.25.0-0 which is incompatible with Kubernetes v1.24.0"), and calls every cluster
// incompatible when it cannot parse the constraint. Constraints are read as Helm reads them (config/helm-constraint.ts).
// A constraint every target passes may still fail with Helm 3 on clusters whose version has a vendor pre-release
// part (EKS, GKE): a warning, since chart-guard cannot know the clusters' vendor or the deploy's helm.
// With a fleet range both ends are checked: the oldest and the newest cluster. The finding sits in the chart's own
// section, so its message does not name the chart again, and it shows the kubeVersion line as a change only when
// the bump changed it.
export const kubeVersionUnsupported = {
  id: 'kube-version-unsupported',
  scope: 'chart',
  modes: ['review', 'lint'],
  needs: {},
  severity: 'error',
  description: 'the new Chart.yaml kubeVersion excludes the target Kubernetes version',
  readiness: {},
  check({ head, base, kube }) {
    const constraint = head?.metadata.kubeVersion;
    if (!head || !kube || !constraint) return [];
    const before = base?.metadata.kubeVersion;
    const changed: Pick<FindingDraft, 'before' | 'after'> =
      base && before !== constraint ? { before: before ?? null, after: constraint } : {};
    const ends = kube.min === kube.max ? [kube.min] : [kube.min, kube.max];
    const excluded: string[] = [];
    for (const version of ends) {
      const result = checkKubeVersion(constraint, version);
      if (result.ok) continue;
      if (result.reason === 'unreadable') {
        return [
          {
            message: `Chart.yaml kubeVersion "${constraint}" is not a constraint Helm can parse: helm refuses to install or upgrade the chart on any cluster.`,
            file: head.chartYamlPath,
            path: 'kubeVersion',
            ...changed,
          },
        ];
      }
      excluded.push(version);
    }
    if (excluded.length === 0) {
      if (!ends.some((version) => refusedOnVendorClusters(constraint, version))) return [];
      return [
        {
          severity: 'warning',
          message:
            `Chart.yaml kubeVersion ${constraint} has a bound without a pre-release part, so Helm 3 refuses the chart on clusters ` +
            'whose version carries one (EKS "v1.29.3-eks-…", GKE "v1.29.1-gke.…"): "chart requires kubeVersion … which is incompatible". Helm 4 accepts it.',
          file: head.chartYamlPath,
          path: 'kubeVersion',
          ...changed,
          remedy:
            'Nothing to do on upstream Kubernetes or with Helm 4. On EKS or GKE with Helm 3, ask for (or patch in) bounds with "-0", such as ">=1.19.0-0", which admit those versions.',
        },
      ];
    }
    const wasExcluded = before !== undefined && excluded.every((v) => !checkKubeVersion(before, v).ok);
    const which = ends.length > 1 ? ` (fleet ${kube.min}–${kube.max})` : '';
    const version = head.metadata.version ? `Version ${head.metadata.version}` : 'The chart';
    return [
      {
        message:
          `${version} requires kubeVersion ${constraint}, which excludes Kubernetes ` +
          `${excluded.join(' and ')}${which}: helm upgrade will refuse to run there` +
          (wasExcluded ? ' (the old version was already excluded).' : '.'),
        file: head.chartYamlPath,
        path: 'kubeVersion',
        ...changed,
        remedy: `Upgrade the clusters on Kubernetes ${excluded.join(', ')} first, or stay on a chart version whose kubeVersion allows them.`,
      },
    ];
  },
} satisfies ChartRule;
