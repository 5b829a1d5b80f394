// crd-changed: a CRD in the chart's crds/ folder changed (or is new). Helm installs crds/ only on first install
// and never upgrades them, so after `helm upgrade` the cluster keeps the old definition (or has none)
// (docs/reference/immutable-fields.md §5.3, §6). The file has to be applied by hand.
// A CRD that leaves crds/ is not reported: Helm never deletes crds/ CRDs either, so nothing happens.
// One finding per chart: an operator chart (kube-prometheus-stack) changes ten CRDs at once, and they are one
// step for the person upgrading, so several CRDs are listed in one finding, each with what changed.
// A CRD another chart of the environment renders as a template (karpenter-crd's, also in karpenter's crds/) is that
// release's: helm upgrades it there, so applying this chart's copy would write over another release's object. In
// such an environment the finding says who owns it instead (ownedCrds, run once every chart was checked).

import { effectiveRef } from '../render/match.js';
import { chartLocation, renderedPair } from '../render/rendered-sources.js';
import type { Manifest } from '../render/types.js';
import { code } from '../report/message.js';
import {
  type CrdComparison,
  type CrdSummary,
  compareCrds,
  crdApplyCommand,
  crdApplyCommands,
  crdSpecEqual,
  crdsByName,
  summariseCrd,
} from './analysis/crds.js';
import { joinWords } from './analysis/remedy-words.js';
import type { ChartContext, ChartRule, FindingDraft, RuleHooks } from './rule.js';

/** One CRD of crds/ that helm upgrade leaves behind: its finding alone, and the facts a chart's finding lists. */
interface CrdStep {
  name: string;
  isNew: boolean;
  /** What changed, in words ("versions added: v2; schema of v1 changed"; "new, serving v1 (storage version v1)"). */
  change: string;
  /** The file to apply (repo-relative, or the chart-relative crds/ path when the chart folder is unknown). */
  file: string;
  /** The definition before (null: new) and after, as a finding gives them. */
  before: unknown;
  after: unknown;
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
  appliedCrds: crdNames,
  ownedCrds,
} satisfies ChartRule;

/** The CRDs a finding names (one finding may list several). */
function crdNames(finding: { after?: unknown; resource?: { name: string } }): string[] {
  const listed = (finding.after as { crds?: { name?: unknown }[] } | undefined)?.crds;
  if (Array.isArray(listed)) return listed.map((c) => c?.name).filter((n): n is string => typeof n === 'string');
  return finding.resource ? [finding.resource.name] : [];
}

type OwnedCrds = NonNullable<RuleHooks['ownedCrds']>;
type CrdOwner = Parameters<OwnedCrds>[1] extends ReadonlyMap<string, infer O> ? O : never;

/**
 * One environment's finding where other releases own some of its CRDs: the cluster gets an owned CRD's definition
 * from its owner's upgrade, never from this chart's crds/. An owner this change bumps upgrades it first (the runbook
 * orders it so): one notice, no apply. An owner left at its version keeps its definition: a warning naming the owner
 * to upgrade, no apply. The CRDs nobody else owns stay as they were said.
 */
function ownedCrds(...[finding, owners, chart]: Parameters<OwnedCrds>): ReturnType<OwnedCrds> {
  const steps = stepsOf(finding);
  if (!steps?.some((s) => owners.has(s.name))) return [finding];
  const { message: _m, remedy: _r, file: _f, line: _l, resource: _res, before: _b, after: _a, ...kept } = finding;
  const left = steps.filter((s) => !owners.has(s.name));
  const byOwner = new Map<string, CrdStep[]>();
  for (const s of steps.filter((s) => owners.has(s.name))) {
    const owner = owners.get(s.name)!.chart;
    byOwner.set(owner, [...(byOwner.get(owner) ?? []), s]);
  }
  return [
    ...(left.length ? [{ ...kept, ...(left.length > 1 ? chartFinding(left) : left[0].draft) }] : []),
    ...[...byOwner.values()].map((owned) => ({ ...kept, ...ownedFinding(owned, owners.get(owned[0].name)!, chart) })),
  ];
}

/** The steps a finding of this rule was made of: the one CRD it names, or each it lists. */
function stepsOf(finding: Parameters<OwnedCrds>[0]): CrdStep[] | undefined {
  const listed = (finding.after as { crds?: ListedCrd[] } | undefined)?.crds;
  if (Array.isArray(listed)) {
    return listed.map((c) => {
      const file = c.file.startsWith('<chart dir>/') ? undefined : c.file;
      const isNew = c.before === null;
      return stepOf({ ...c, isNew, place: { file, path: 'spec' } });
    });
  }
  if (!finding.resource) return undefined;
  const { file, resource, before, after } = finding;
  const isNew = before === null;
  // the words between "CRD x changed in crds/ (" and "): Helm never…", as whatChanged wrote them
  const said = whatChanged({ name: resource.name, isNew, change: '' });
  const change = isNew
    ? newChange(after as CrdSummary)
    : finding.message.slice(said.length - 1, finding.message.indexOf('): Helm never'));
  const applied = file ?? '<chart dir>/crds/';
  return [
    { ...stepOf({ name: resource.name, isNew, change, file: applied, place: {}, before, after }), draft: finding },
  ];
}

interface ListedCrd {
  name: string;
  file: string;
  change: string;
  before: unknown;
  after: unknown;
}

/** The CRDs of this chart's crds/ that `owner` renders as templates, in one environment: what they are instead. */
function ownedFinding(steps: CrdStep[], owner: CrdOwner, chart: { name: string; to: string | null }): FindingDraft {
  const one = steps.length === 1;
  const names = joinWords(steps.map((s) => s.name));
  const what = one
    ? whatChanged(steps[0], chart.name)
    : `CRDs ${names} changed in ${chart.name}'s crds/ (${steps.map((s) => `${s.name}: ${s.change}`).join('; ')})`;
  const its = one ? 'it' : 'them';
  const owns = `release ${owner.release} owns ${its} (it renders ${its} as template${one ? '' : 's'}), and ${chart.name}'s crds/ copy is only installed where the CRD is missing`;
  const { file, line, resource } = steps[0].draft;
  const crds = steps.map((s) => ({ name: s.name, file: s.file, change: s.change, before: s.before, after: s.after }));
  const common = {
    file,
    line,
    ...(one && resource ? { resource } : {}),
    path: 'spec',
    after: { crds, owner: owner.chart },
  };
  const copy = `do not apply ${chart.name}'s crds/ copy over the object of release ${owner.release}`;
  if (owner.from !== owner.to) {
    return {
      ...common,
      severity: 'notice',
      message: `${what}, but ${owns}: the upgrade of ${owner.chart} (${owner.from ?? 'new'} → ${owner.to}, in this change) brings its own definition, before ${chart.name} is upgraded.`,
      remedy: `Upgrade ${owner.chart} first (its own findings say what its definition changes), then ${chart.name}; ${copy}.`,
    };
  }
  return {
    ...common,
    message: `${what}, but ${owns}, and ${owner.chart} stays at ${owner.to} in this change: the cluster keeps the definition of ${owner.chart} ${owner.to}.`,
    remedy: `Upgrade ${owner.chart} first, to a version whose templates carry the definition ${chart.name} ${chart.to ?? ''} ships (${names}); ${copy}.`,
  };
}

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
    const place = { file, line, resource: effectiveRef(head, renders.head.namespace), path: 'spec' };
    if (!base) {
      const after = summariseCrd(head);
      steps.push(stepOf({ name, isNew: true, change: newChange(after), file: applied, place, before: null, after }));
      continue;
    }
    const c = compareCrds(base, head);
    steps.push(
      stepOf({
        name,
        isNew: false,
        change: changeSummary(c, base, head),
        file: applied,
        place,
        before: { ...summariseCrd(base), schemaChanged: c.schemaChanged.length > 0 },
        // the schema's field changes per version, for the outputs to say in words
        after: { ...summariseCrd(head), schemaChanged: c.schemaChanged.length > 0, schemaFields: c.schemaFields },
      }),
    );
  }
  return steps;
}

/** A CRD's facts and its finding alone. */
function stepOf(
  facts: Omit<CrdStep, 'draft'> & { place: Pick<FindingDraft, 'file' | 'line' | 'resource' | 'path'> },
): CrdStep {
  const { place, ...step } = facts;
  const apply = code(crdApplyCommand(step.file));
  const draft: FindingDraft = step.isNew
    ? {
        message: `${whatChanged(step)}: \`helm upgrade\` does not install it (crds/ is only read on first install), so resources of its kinds fail until it is applied.`,
        ...place,
        before: null,
        after: step.after,
        remedy: `Apply it before upgrading: ${apply}.`,
      }
    : {
        message: `${whatChanged(step)}: Helm never upgrades CRDs in crds/, so the cluster keeps the old definition.`,
        ...place,
        before: step.before,
        after: step.after,
        remedy: `Apply the new definition before upgrading: ${apply}.`,
      };
  return { ...step, draft };
}

/** What a new CRD is, in words: "new, serving v1 and v2 (storage version v2)". */
function newChange({ versions, storageVersion }: CrdSummary): string {
  return `new, serving ${joinWords(versions)} (storage version ${storageVersion})`;
}

/** "CRD x is new in crds/" or "CRD x changed in crds/ (what changed)"; `chart`: whose crds/, when another owns it. */
function whatChanged(step: Pick<CrdStep, 'name' | 'isNew' | 'change'>, chart?: string): string {
  const where = chart ? `${chart}'s crds/` : 'crds/';
  return step.isNew ? `CRD ${step.name} is new in ${where}` : `CRD ${step.name} changed in ${where} (${step.change})`;
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
