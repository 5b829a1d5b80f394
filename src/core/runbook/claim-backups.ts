// Backups of the data the upgrade deletes or orphans: a StatefulSet no longer rendered (resource-removed) takes its pods
// and leaves its PVCs behind (whenDeleted: Retain) or deletes them (Delete); a PVC no longer rendered is deleted with
// its volume when the reclaim policy is Delete. The runbook names the PVCs to back up.
import type { ChartInputs } from '../model/chart-context.js';
import type { Backup, Finding, UpgradeStep } from '../report/report.js';
import { whenDeleted } from '../rules/analysis/statefulset-successor.js';
import { baseRender, claimsOf, manifestOf, step, target } from './object-commands.js';

/**
 * A StatefulSet or PVC the upgrade deletes (resource-removed): the PVCs to back up, named. A StatefulSet's claims stay
 * behind orphaned (whenDeleted: Retain) or go with it (Delete: patched to Retain first, so the data outlives it).
 */
export function removedClaims(
  context: ChartInputs,
  finding: Finding,
): { backup: Backup; step: UpgradeStep } | undefined {
  const ref = finding.resource!;
  const claims = ref.kind === 'PersistentVolumeClaim' ? [ref.name] : claimsOf(finding.before);
  if (claims.length === 0) return undefined;
  const old = manifestOf(baseRender(context), ref);
  const lost = ref.kind === 'StatefulSet' && old !== undefined && whenDeleted(old) === 'Delete';
  const fate =
    ref.kind === 'PersistentVolumeClaim'
      ? 'the upgrade deletes the claim, and its volume when the reclaim policy is Delete'
      : lost
        ? `the upgrade deletes StatefulSet ${ref.name} and, with whenDeleted: Delete, its PVCs`
        : `the upgrade deletes StatefulSet ${ref.name}; its PVCs stay behind, orphaned`;
  return {
    backup: {
      kind: ref.kind,
      name: ref.name,
      ...(ref.namespace ? { namespace: ref.namespace } : {}),
      claims,
      note: `Back up ${claims.join(', ')}: ${fate}.`,
    },
    step: step(
      'before',
      `Back up ${claims.join(', ')} (${fate})${lost ? '; keep the PVCs when it goes' : ''}.`,
      lost
        ? [
            `kubectl patch ${target(ref)} --type=merge -p '{"spec":{"persistentVolumeClaimRetentionPolicy":{"whenDeleted":"Retain"}}}'`,
          ]
        : [],
    ),
  };
}
