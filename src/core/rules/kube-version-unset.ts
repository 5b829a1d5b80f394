import type { RepoRule } from './rule.js';

// Without a target Kubernetes version, api-removed, api-deprecated and kube-version-unsupported have nothing to
// compare with and find nothing: say once that they did not run, instead of a pass that looks like a checked one.
export const kubeVersionUnset = {
  id: 'kube-version-unset',
  scope: 'repo',
  modes: ['review', 'lint'],
  needs: {},
  severity: 'notice',
  description: 'no target Kubernetes version is set: the API and kubeVersion checks did not run',
  check({ kube }) {
    if (kube) return [];
    return [
      {
        message:
          'No Kubernetes version is set: the API checks (api-removed, api-deprecated) and the kubeVersion check (kube-version-unsupported) did not run.',
        remedy:
          'Set `kubernetes: "1.31"` (or `{ min, max }` for a fleet) in the chart-guard config, the kubernetes-version input, or --kube-version.',
      },
    ];
  },
} satisfies RepoRule;
