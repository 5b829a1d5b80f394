// Kubernetes target versions and Chart.yaml kubeVersion constraints.
// Helm checks kubeVersion with Masterminds/semver, ported in helm-constraint.ts.
import { parseHelmConstraint, parseHelmVersion } from './helm-constraint.js';

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

export type KubeVersionCheck = { ok: true } | { ok: false; reason: 'excluded' | 'unreadable' };

/** Does a cluster of minor version "1.31" (patch 0, like helm's --kube-version 1.31) satisfy the constraint? */
export function checkKubeVersion(constraint: string, kubeVersion: string): KubeVersionCheck {
  const parsed = parseHelmConstraint(constraint);
  const version = parseHelmVersion(`${kubeVersion}.0`);
  if (!parsed || !version) return { ok: false, reason: 'unreadable' };
  return parsed.check(version) ? { ok: true } : { ok: false, reason: 'excluded' };
}

/**
 * Helm 3 checks a real cluster's version as the cluster reports it, often with a vendor pre-release part (EKS
 * "v1.29.3-eks-…", GKE "v1.29.1-gke.…"), and then refuses every bound that names no pre-release. True when the
 * release version passes and such a version does not (helm 4 drops the part and passes it).
 */
export function refusedOnVendorClusters(constraint: string, kubeVersion: string): boolean {
  const parsed = parseHelmConstraint(constraint);
  const release = parseHelmVersion(`${kubeVersion}.0`);
  const vendor = parseHelmVersion(`${kubeVersion}.0-vendor`);
  return !!parsed && !!release && !!vendor && parsed.check(release) && !parsed.check(vendor);
}
