// crd-changed: a CRD in the chart's crds/ folder changed (or is new). Helm installs crds/ only on first install
// and never upgrades them, so after `helm upgrade` the cluster keeps the old definition (or has none)
// (docs/reference/immutable-fields.md §5.3, §6). The file has to be applied by hand.
// A CRD that leaves crds/ is not reported: Helm never deletes crds/ CRDs either, so nothing happens.

import { effectiveRef } from '../render/match.js';
import { chartLocation, renderedPair } from '../render/rendered-sources.js';
import { code } from '../report/message.js';
import { compareCrds, crdApplyCommand, crdSpecEqual, crdsByName, summariseCrd } from './analysis/crds.js';
import { joinWords } from './analysis/remedy-words.js';
import type { ChartRule, FindingDraft } from './rule.js';

export const crdChanged = {
  id: 'crd-changed',
  scope: 'chart',
  modes: ['review'],
  needs: { base: true, renders: true },
  severity: 'warning',
  description: "a CRD in the chart's crds/ folder changed: Helm will not upgrade it",
  check(ctx) {
    const renders = renderedPair(ctx);
    if (!renders) return [];
    const before = crdsByName(renders.base);
    const findings: FindingDraft[] = [];
    for (const [name, head] of crdsByName(renders.head)) {
      if (!head.fromCrdsDir) continue;
      const base = before.get(name);
      const { file, line } = chartLocation(ctx, head, 'head');
      const apply = code(crdApplyCommand(file ?? `<chart dir>/${head.source ?? 'crds/'}`));
      const resource = effectiveRef(head, renders.head.namespace);
      if (!base) {
        findings.push({
          message: `CRD ${name} is new in crds/: \`helm upgrade\` does not install it (crds/ is only read on first install), so resources of its kinds fail until it is applied.`,
          file,
          line,
          resource,
          path: 'spec',
          before: null,
          after: summariseCrd(head),
          remedy: `Apply it before upgrading: ${apply}.`,
        });
        continue;
      }
      // a CRD moving from templates/ to crds/ is crd-moved's concern
      if (!base.fromCrdsDir || crdSpecEqual(base, head)) continue;
      const c = compareCrds(base, head);
      const summary = [
        c.versionsAdded.length ? `versions added: ${joinWords(c.versionsAdded)}` : '',
        c.versionsRemoved.length ? `versions removed: ${joinWords(c.versionsRemoved)}` : '',
        c.storageChanged
          ? `storage version ${summariseCrd(base).storageVersion} -> ${summariseCrd(head).storageVersion}`
          : '',
        c.schemaChanged.length ? `schema of ${joinWords(c.schemaChanged)} changed` : '',
        c.printerColumnsAdded.length ? `printer columns added: ${joinWords(c.printerColumnsAdded)}` : '',
        c.printerColumnsRemoved.length ? `printer columns removed: ${joinWords(c.printerColumnsRemoved)}` : '',
        c.otherChanges.length ? `${joinWords(c.otherChanges)} changed` : '',
      ].filter(Boolean);
      findings.push({
        message:
          `CRD ${name} changed in crds/ (${summary.length ? summary.join('; ') : 'definition changed'}): ` +
          'Helm never upgrades CRDs in crds/, so the cluster keeps the old definition.',
        file,
        line,
        resource,
        path: 'spec',
        before: { ...summariseCrd(base), schemaChanged: c.schemaChanged.length > 0 },
        // the schema's field changes per version, for the outputs to say in words
        after: { ...summariseCrd(head), schemaChanged: c.schemaChanged.length > 0, schemaFields: c.schemaFields },
        remedy: `Apply the new definition before upgrading: ${apply} (add --force-conflicts if another field manager owns it).`,
      });
    }
    return findings;
  },
  change: 'crd-versions-and-schema',
  runbook: ['apply-crd'],
} satisfies ChartRule;
