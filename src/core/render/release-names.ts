// The names chart-guard passes helm as arguments, checked by helm's and Kubernetes' own rules before they are used:
// a release name or namespace from the pull request (config releaseName / namespace, a lockfile entry name) that
// helm would refuse is reported where it is written, and the chart is not rendered with it. Whatever the check,
// helm gets names after `--` (helm.ts templateArgs), so none can become a flag.

/** helm's ValidateReleaseName (pkg/chartutil/validate_name.go, helm 3 and 4): a DNS-1123 subdomain of at most 53. */
const RELEASE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
export const MAX_RELEASE_NAME_LENGTH = 53;

/** A Kubernetes namespace name: a DNS-1123 label of at most 63. */
const NAMESPACE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
export const MAX_NAMESPACE_LENGTH = 63;

/** Why helm refuses `name` as a release name, or undefined when it takes it. */
export function releaseNameProblem(name: string): string | undefined {
  if (name.length > MAX_RELEASE_NAME_LENGTH)
    return `is not a valid helm release name: ${name.length} characters, helm takes at most ${MAX_RELEASE_NAME_LENGTH}`;
  if (!RELEASE_NAME.test(name))
    return 'is not a valid helm release name: lowercase letters, digits, "-" and ".", starting and ending with a letter or digit';
  return undefined;
}

/** Why `name` is not a Kubernetes namespace, or undefined when it is one. */
export function namespaceProblem(name: string): string | undefined {
  if (name.length > MAX_NAMESPACE_LENGTH)
    return `is not a valid namespace: ${name.length} characters, Kubernetes takes at most ${MAX_NAMESPACE_LENGTH}`;
  if (!NAMESPACE.test(name))
    return 'is not a valid namespace: lowercase letters, digits and "-", starting and ending with a letter or digit';
  return undefined;
}

/** Why a chart is not rendered with this release name and namespace (helm would refuse or misread them). */
export function renderNamesProblem(releaseName: string, namespace: string): string | undefined {
  const release = releaseNameProblem(releaseName);
  if (release) return `release name "${releaseName}" ${release}`;
  const space = namespaceProblem(namespace);
  return space ? `namespace "${namespace}" ${space}` : undefined;
}
