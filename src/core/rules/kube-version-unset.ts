import type { RepoRule } from './rule.js';

// Without a target Kubernetes version, api-removed, api-deprecated and kube-version-unsupported have nothing to
// compare with and find nothing: say once that they did not run, instead of a pass that looks like a checked one.
// With environments, where some have a target and others none, the others are named.
export const kubeVersionUnset = {
  id: 'kube-version-unset',
  scope: 'repo',
  modes: ['review', 'lint'],
  needs: {},
  severity: 'notice',
  description: 'no target Kubernetes version is set: the API and kubeVersion checks did not run',
  check({ kube, kubeUnsetIn = [] }) {
    if (kube && kubeUnsetIn.length > 0) {
      // the others have one: the checks ran there, not in these
      const names = kubeUnsetIn.join(', ');
      return [
        {
          message: `No Kubernetes version is set for ${names}: the API checks (api-removed, api-deprecated) and the kubeVersion check (kube-version-unsupported) did not run there.`,
          remedy: `Set \`kubernetes: "1.31"\` (or \`{ min, max }\`) under environments.${kubeUnsetIn[0]} in the chart-guard config, or a top-level \`kubernetes\` every environment without its own takes.`,
        },
      ];
    }
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
