// crd-changed: a CRD in the chart's crds/ folder changed (or is new). Helm installs crds/ only on first install
// and never upgrades them, so after `helm upgrade` the cluster keeps the old definition (or has none)
// (docs/reference/immutable-fields.md §5.3, §6). The file has to be applied by hand.
// A CRD that leaves crds/ is not reported: Helm never deletes crds/ CRDs either, so nothing happens.
// One finding per chart: an operator chart (kube-prometheus-stack) changes ten CRDs at once, and they are one
// step for the person upgrading, so several CRDs are listed in one finding, each with what changed.

import { effectiveRef } from '../render/match.js';
import { chartLocation, renderedPair } from '../render/rendered-sources.js';
import type { Manifest } from '../render/types.js';
import { code } from '../report/message.js';
import {
  type CrdComparison,
  compareCrds,
  crdApplyCommand,
  crdApplyCommands,
  crdSpecEqual,
  crdsByName,
  summariseCrd,
} from './analysis/crds.js';
import { joinWords } from './analysis/remedy-words.js';
import type { ChartContext, ChartRule, FindingDraft } from './rule.js';

/** One CRD of crds/ that helm upgrade leaves behind: its finding alone, and the facts a chart's finding lists. */
interface CrdStep {
  name: string;
  isNew: boolean;
  /** What changed, in words ("versions added: v2; schema of v1 changed"). */
  change: string;
  /** The file to apply (repo-relative, or the chart-relative crds/ path when the chart folder is unknown). */
  file: string;
  draft: FindingDraft;
}

export const crdChanged = {
  id: 'crd-changed',
  scope: 'chart',
  modes: ['review'],
  needs: { base: true, renders: true },
  severity: 'warning',
  description: "a CRD in the chart's crds/ folder changed: Helm will not upgrade it",
  check(ctx) {
    const steps = crdSteps(ctx);
    return steps.length > 1 ? [chartFinding(steps)] : steps.map((s) => s.draft);
  },
  change: 'crd-versions-and-schema',
  runbook: ['apply-crd'],
  appliedCrds(finding) {
    const listed = (finding.after as { crds?: { name?: unknown }[] } | undefined)?.crds;
    if (Array.isArray(listed)) return listed.map((c) => c?.name).filter((n): n is string => typeof n === 'string');
    return finding.resource ? [finding.resource.name] : [];
  },
} satisfies ChartRule;

function crdSteps(ctx: ChartContext): CrdStep[] {
  const renders = renderedPair(ctx);
  if (!renders) return [];
  const before = crdsByName(renders.base);
  const steps: CrdStep[] = [];
  for (const [name, head] of crdsByName(renders.head)) {
    if (!head.fromCrdsDir) continue;
    const base = before.get(name);
    // a CRD moving from templates/ to crds/ is crd-moved's concern
    if (base && (!base.fromCrdsDir || crdSpecEqual(base, head))) continue;
    const { file, line } = chartLocation(ctx, head, 'head');
    const applied = file ?? `<chart dir>/${head.source ?? 'crds/'}`;
    const apply = code(crdApplyCommand(applied));
    const place = { file, line, resource: effectiveRef(head, renders.head.namespace), path: 'spec' };
    if (!base) {
      steps.push({
        name,
        isNew: true,
        change: `new, serving ${joinWords(summariseCrd(head).versions)} (storage version ${summariseCrd(head).storageVersion})`,
        file: applied,
        draft: {
          message: `CRD ${name} is new in crds/: \`helm upgrade\` does not install it (crds/ is only read on first install), so resources of its kinds fail until it is applied.`,
          ...place,
          before: null,
          after: summariseCrd(head),
          remedy: `Apply it before upgrading: ${apply}.`,
        },
      });
      continue;
    }
    const c = compareCrds(base, head);
    const summary = changeSummary(c, base, head);
    steps.push({
      name,
      isNew: false,
      change: summary,
      file: applied,
      draft: {
        message:
          `CRD ${name} changed in crds/ (${summary}): ` +
          'Helm never upgrades CRDs in crds/, so the cluster keeps the old definition.',
        ...place,
        before: { ...summariseCrd(base), schemaChanged: c.schemaChanged.length > 0 },
        // the schema's field changes per version, for the outputs to say in words
        after: { ...summariseCrd(head), schemaChanged: c.schemaChanged.length > 0, schemaFields: c.schemaFields },
        remedy: `Apply the new definition before upgrading: ${apply}.`,
      },
    });
  }
  return steps;
}

function changeSummary(c: CrdComparison, base: Manifest, head: Manifest): string {
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
  return summary.length ? summary.join('; ') : 'definition changed';
}

/** Several CRDs of one chart: one finding naming them all, placed at the first, with one apply for all of them. */
function chartFinding(steps: CrdStep[]): FindingDraft {
  const names = joinWords(steps.map((s) => s.name));
  const added = steps.filter((s) => s.isNew).length;
  const changed = steps.length - added;
  const message =
    added === 0
      ? `${changed} CRDs changed in crds/ (${names}): Helm never upgrades CRDs in crds/, so the cluster keeps the old definitions.`
      : changed === 0
        ? `${added} CRDs are new in crds/ (${names}): \`helm upgrade\` does not install them (crds/ is only read on first install), so resources of their kinds fail until they are applied.`
        : `${changed} CRD${changed > 1 ? 's' : ''} changed and ${added} ${added > 1 ? 'are' : 'is'} new in crds/ (${names}): crds/ is only read on first install, so the cluster keeps the old definitions and lacks the new ones.`;
  const commands = crdApplyCommands(steps.map((s) => s.file)).map(code);
  const { file, line } = steps[0].draft;
  return {
    message,
    file,
    line,
    path: 'spec',
    // each CRD as its own finding would say it: its file, what changed, its definition before (null: new) and after
    after: {
      crds: steps.map((s) => ({
        name: s.name,
        file: s.file,
        change: s.change,
        before: s.draft.before,
        after: s.draft.after,
      })),
    },
    remedy: `Apply the new definitions before upgrading: ${joinWords(commands)}.`,
  };
}
