// Kubernetes target versions and Chart.yaml kubeVersion constraints.
// Helm checks kubeVersion with Masterminds/semver: "," means AND, "||" means OR, "-0" admits pre-releases
// (e.g. EKS "v1.29.3-eks-..."). node-semver reads the same ranges once commas become spaces.
import semver from 'semver';

/** "1.31", "v1.31", "1.31.4" -> "1.31"; undefined when not a version. */
export function normaliseKubeVersion(text: string | number | undefined): string | undefined {
  if (text === undefined) return undefined;
  const m = /^v?(\d+)\.(\d+)(?:\.\d+)?(?:[-+].*)?$/.exec(String(text).trim());
  return m ? `${Number(m[1])}.${Number(m[2])}` : undefined;
}

export function compareKubeVersions(a: string, b: string): number {
  const [am, an] = a.split('.').map(Number);
  const [bm, bn] = b.split('.').map(Number);
  return am - bm || an - bn;
}

/** Converts a Masterminds constraint to a node-semver range; undefined when it cannot be read. */
export function toSemverRange(constraint: string): string | undefined {
  const converted = constraint
    .split('||')
    .map((part) =>
      part
        .replace(/,/g, ' ')
        .replace(/(>=|<=|!=|=|>|<|~>|~|\^)\s+/g, '$1')
        .replace(/~>/g, '~')
        .trim(),
    )
    .join(' || ');
  return semver.validRange(converted, { loose: true }) ?? undefined;
}

export type KubeVersionCheck = { ok: true } | { ok: false; reason: 'excluded' | 'unreadable' };

/** Does a cluster of minor version "1.31" (patch 0, like helm's --kube-version 1.31) satisfy the constraint? */
export function checkKubeVersion(constraint: string, kubeVersion: string): KubeVersionCheck {
  const range = toSemverRange(constraint);
  if (!range) return { ok: false, reason: 'unreadable' };
  return semver.satisfies(`${kubeVersion}.0`, range, { includePrerelease: true, loose: true })
    ? { ok: true }
    : { ok: false, reason: 'excluded' };
}
