import { checkKubeVersion } from '../config/kube-version.js';
import type { ChartRule, FindingDraft } from './rule.js';

// Helm refuses to install or upgrade a chart whose Chart.yaml kubeVersion excludes the cluster
// ("chart requires kubeVersion: >=1.25.0-0 which is incompatible with Kubernetes v1.24.0").
// With a fleet range both ends are checked: the oldest and the newest cluster.
export const kubeVersionUnsupported = {
  id: 'kube-version-unsupported',
  scope: 'chart',
  modes: ['review', 'lint'],
  needs: {},
  severity: 'error',
  description: 'the new Chart.yaml kubeVersion excludes the target Kubernetes version',
  check({ head, base, kube, change }) {
    const constraint = head?.metadata.kubeVersion;
    if (!head || !kube || !constraint) return [];
    const ends = kube.min === kube.max ? [kube.min] : [kube.min, kube.max];
    const findings: FindingDraft[] = [];
    const excluded: string[] = [];
    for (const version of ends) {
      const result = checkKubeVersion(constraint, version);
      if (result.ok) continue;
      if (result.reason === 'unreadable') {
        return [
          {
            severity: 'warning',
            message: `${change.name}: Chart.yaml kubeVersion "${constraint}" is not a constraint Helm can read; helm install will fail.`,
            file: head.chartYamlPath,
            after: constraint,
          },
        ];
      }
      excluded.push(version);
    }
    if (excluded.length === 0) return [];
    const before = base?.metadata.kubeVersion;
    const wasExcluded = before !== undefined && excluded.every((v) => !checkKubeVersion(before, v).ok);
    const which = ends.length > 1 ? ` (fleet ${kube.min}–${kube.max})` : '';
    findings.push({
      message:
        `${change.name} ${head.metadata.version ?? ''} requires kubeVersion ${constraint}, which excludes Kubernetes ` +
        `${excluded.join(' and ')}${which}: helm upgrade will refuse to run there` +
        (wasExcluded ? ' (the old version was already excluded).' : '.'),
      file: head.chartYamlPath,
      path: 'kubeVersion',
      before: before ?? null,
      after: constraint,
      remedy: `Upgrade the clusters on Kubernetes ${excluded.join(', ')} first, or stay on a chart version whose kubeVersion allows them.`,
    });
    return findings;
  },
} satisfies ChartRule;
