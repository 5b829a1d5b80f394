// crd-version-removed: a CRD (in crds/ or templates/) drops a version. Every version in status.storedVersions
// must stay in spec.versions, so the API server refuses the new CRD while objects may still be stored in the
// dropped version (docs/reference/immutable-fields.md §3.9); a storage migration has to come first.
// A crds/ CRD another chart of the environment renders as a template (karpenter's copy of karpenter-crd's CRD) is not
// this chart's to apply: the cluster's definition is the owner's, and the owner's own finding says when it drops the
// version; crd-changed names the owner for this copy's change. So where it is owned, nothing is said here (ownedCrds).

import { printedAlike } from '../render/document-identity.js';
import { effectiveRef } from '../render/match.js';
import { chartFile, chartLocation, renderedPair } from '../render/rendered-sources.js';
import { getAt } from '../values/key-path.js';
import { crdApplyCommand, crdVersions, pairedCrds, shellWord, storageVersion } from './analysis/crds.js';
import { remedyUpgrade } from './analysis/helm-upgrade-command.js';
import { kubectlObject } from './analysis/kubectl-words.js';
import type { ChartRule, FindingDraft } from './rule.js';

export const crdVersionRemoved = {
  id: 'crd-version-removed',
  scope: 'chart',
  modes: ['review'],
  needs: { base: true, renders: true },
  severity: 'error',
  description: 'a CRD drops a version that may still be stored',
  check(ctx) {
    const renders = renderedPair(ctx);
    if (!renders) return [];
    const findings: FindingDraft[] = [];
    for (const { name, base, head } of pairedCrds(renders.base, renders.head)) {
      if (printedAlike(base, head)) continue; // the same definition: no version dropped, and no need to parse it
      const versionsBefore = crdVersions(base).map((v) => v.name);
      const versionsAfter = crdVersions(head).map((v) => v.name);
      const newStorage = storageVersion(head) ?? versionsAfter[0];
      const plural = getAt(head.object, ['spec', 'names', 'plural']);
      const group = getAt(head.object, ['spec', 'group']);
      const apply = head.fromCrdsDir
        ? `\`${crdApplyCommand(chartFile(ctx, head, 'head') ?? `<chart dir>/${head.source ?? 'crds/'}`)}\``
        : remedyUpgrade(ctx, renders.head);
      for (const removed of versionsBefore.filter((v) => !versionsAfter.includes(v))) {
        const wasStorage = storageVersion(base) === removed;
        findings.push({
          message:
            `CRD ${name} drops version ${removed}${wasStorage ? ', its storage version until now' : ''}: ` +
            `while objects may still be stored as ${removed} (status.storedVersions), the API server refuses the new definition.`,
          ...chartLocation(ctx, head, 'head'),
          resource: effectiveRef(head, renders.head.namespace),
          path: 'spec.versions',
          before: versionsBefore,
          after: versionsAfter,
          remedy:
            `Migrate storage first: with a release that still serves both versions, re-write every object in ${newStorage} ` +
            `(\`kubectl get ${shellWord(`${plural}.${group}`)} -A -o json | kubectl replace -f -\`), then drop ${removed} from the stored versions ` +
            `(\`kubectl patch ${kubectlObject('customresourcedefinition', name)} --subresource=status --type=merge -p '{"status":{"storedVersions":["${newStorage}"]}}'\`), ` +
            `and only then ${apply}.`,
        });
      }
    }
    return findings;
  },
  change: 'served-versions',
  runbook: ['migrate-stored-objects', 'apply-crd'],
  ownedCrds(finding, owners) {
    const copy = finding.resource && owners.has(finding.resource.name) && CRDS_FILE.test(finding.file ?? '');
    return copy ? [] : [finding];
  },
} satisfies ChartRule;

/** A file of a chart's crds/ folder (also inside a packaged subchart: "charts/x.tgz#x/crds/..."). */
const CRDS_FILE = /(^|[/#])crds\//;
