// The Kubernetes versions a run checked against, in words: the run's one target, or each environment's (report
// `kubernetes`), so no output says "no version is set" where every environment has one.
import type { Report } from '../core/report/report.js';

type Targets = Pick<Report, 'kubernetesVersion' | 'kubernetes'>;

/**
 * "1.31" (the run's, or every environment's alike), or "aws 1.29-1.31, gcp 1.24, scaleway unset"; undefined when no
 * target is set anywhere.
 */
export function kubernetesText(report: Targets): string | undefined {
  const entries = Object.entries(report.kubernetes ?? {});
  if (entries.length === 0) return report.kubernetesVersion ?? undefined;
  if (entries.every(([, version]) => version === entries[0][1])) return entries[0][1] ?? undefined;
  return entries.map(([name, version]) => `${name} ${version ?? 'unset'}`).join(', ');
}

/** The environment's target, else the run's. */
export function kubernetesOf(report: Targets, environment: string): string | null {
  return report.kubernetes?.[environment] ?? report.kubernetesVersion;
}

/** Where the API and kubeVersion checks did not run: everywhere ('all'), in these environments, or nowhere ([]). */
export function kubernetesUnset(report: Targets): 'all' | string[] {
  if (kubernetesText(report) === undefined) return 'all';
  return Object.entries(report.kubernetes ?? {}).flatMap(([name, version]) => (version === null ? [name] : []));
}
