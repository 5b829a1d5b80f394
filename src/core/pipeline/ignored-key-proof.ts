// Proves with helm whether the override keys with a weak verdict (values/coverage.ts header) are read: the head is
// rendered again without them, then with other values for the keys that passed; keys that change nothing either way
// are ignored, keys whose removal or change changes the render are used, both on ChartContext.ignoredKeyProof for
// override-key-removed / override-key-unknown. Helm coalesces every override into .Values and never says which it
// read, so the render itself is the direct evidence. Runs after the head render succeeded, in the same helm slots.

import {
  type ComparableRender,
  sameRender,
  type VolatileLeaves,
  volatileLeaves,
  volatileTexts,
} from '../render/render-equality.js';
import type { RenderJob, RenderOutcome } from '../render/renderer.js';
import { overrideCoverage } from '../values/coverage.js';
import { type IgnoredKeyProof, searchIgnoredKeys } from '../values/ignored-key-search.js';
import { formatKeyPath, getAt, hasAt, isMap, type KeyPath } from '../values/key-path.js';
import type { ChartAnalysis } from './chart-analysis.js';
import { isHeadRender } from './chart-analysis.js';

/** Runs helm for a set of jobs (renderAll with the review's helm, slots and timeout). */
export type RenderJobs = (jobs: RenderJob[]) => Promise<Map<string, RenderOutcome>>;

/**
 * The analysis with `ignoredKeyProof` set when the chart has keys with a weak verdict and its head rendered; unchanged
 * otherwise. `cap` bounds the extra renders (0: no proof). With a fleet range every test renders both head targets.
 */
export async function withIgnoredKeyProof(
  analysis: ChartAnalysis,
  jobs: readonly RenderJob[],
  outcomes: ReadonlyMap<string, RenderOutcome>,
  render: RenderJobs,
  cap: number,
): Promise<ChartAnalysis> {
  const { context } = analysis;
  if (cap <= 0 || !context.head) return analysis;
  const headJobs = jobs.filter((job) => isHeadRender(job.key, context));
  const reference = headJobs.map((job) => outcomes.get(job.key));
  if (headJobs.length === 0 || reference.some((o) => o?.result.status !== 'ok')) return analysis;

  const candidates = proofCandidates(analysis, headJobs);
  if (candidates.size === 0) return analysis;

  const perTest = headJobs.length;
  const proof: IgnoredKeyProof = { ignored: [], used: [], unproven: [], renders: 0, durationMs: 0, cap };
  const references = reference.map((o) => comparable(o!));
  let volatile: VolatileLeaves[] | undefined;
  let unusable = false;
  let runs = 0;

  const renderWith = async (
    edit: (layers: readonly Record<string, unknown>[]) => Record<string, unknown>[],
    repeat?: number,
  ) => {
    const id = ++runs;
    const started = performance.now();
    const proofJobs = headJobs.map((job) => ({
      ...job,
      key: `proof${id}:${job.key}`,
      values: edit(job.values),
      ...(repeat ? { repeat } : {}),
    }));
    const rendered = await render(proofJobs);
    proof.renders += proofJobs.length;
    proof.durationMs += Math.round(performance.now() - started);
    return proofJobs.map((job) => rendered.get(job.key));
  };
  const budgetLeft = () => !unusable && proof.renders + perTest <= cap;
  const pathsOf = (keys: readonly string[]) => keys.map((key) => candidates.get(key)!);

  /** True when the edited values render the head's manifests. */
  const rendersSame = async (edit: (layers: readonly Record<string, unknown>[]) => Record<string, unknown>[]) => {
    const results = await renderWith(edit);
    // A render that fails with the edit (a `required` value, a nil pointer) means the keys matter.
    if (results.some((o) => o?.result.status !== 'ok')) return false;
    const same = () => results.every((o, i) => sameRender(references[i], comparable(o!), volatile?.[i]));
    if (same()) return true;
    if (volatile === undefined && budgetLeft()) {
      // The first difference: render the unchanged values once more to learn which leaves differ on every render.
      // (a repeat of its own: a render cache must not answer with the very render it is compared with)
      const again = await renderWith((layers) => [...layers], 1);
      const leaves = again.map((o, i) =>
        o?.result.status === 'ok' ? volatileLeaves(references[i], comparable(o)) : undefined,
      );
      if (leaves.some((l) => l === undefined)) {
        unusable = true; // not even the objects repeat: nothing can be proven by comparison
        return false;
      }
      volatile = leaves as VolatileLeaves[];
      return same();
    }
    return false;
  };

  // 1. Without the keys: is anything of them used at all?
  const keys = [...candidates.keys()].sort();
  const removal = await searchIgnoredKeys(
    keys,
    (removed) => rendersSame((layers) => withoutKeys(layers, pathsOf(removed))),
    budgetLeft,
  );
  // 2. With other values: a key set to what the template falls back to (`.replicas | default 1` with replicas: 1,
  // `if .enabled` with enabled: false) renders the same without it, yet the chart reads it. Only keys whose value
  // does not change the render either are ignored.
  const values = await searchIgnoredKeys(
    removal.ignored,
    (changed) => rendersSame((layers) => withOtherValues(layers, pathsOf(changed))),
    budgetLeft,
  );
  // the comparison left the volatile leaves out: a key whose value the head render prints there is read after all
  const shown = volatile ? printedIn(volatileTextsOf(references, volatile), values.ignored, pathsOf, headJobs) : [];
  let ignored = values.ignored.filter((key) => !shown.includes(key));
  let unproven = [...removal.unproven, ...values.unproven];
  // The removal was proven for the whole first set: confirm it for the smaller set, or report nothing.
  if (ignored.length > 0 && ignored.length < removal.ignored.length) {
    const confirmed = budgetLeft() && (await rendersSame((layers) => withoutKeys(layers, pathsOf(ignored))));
    if (!confirmed) {
      unproven = [...unproven, ...ignored];
      ignored = [];
    }
  }
  proof.ignored = ignored;
  proof.used = [...removal.used, ...values.used, ...shown];
  proof.unproven = unproven.sort();
  if (proof.unproven.length) proof.stopped = unusable ? 'unusable-render' : 'cap';
  return { ...analysis, context: { ...context, ignoredKeyProof: proof } };
}

/**
 * Keys whose verdict rests on weak evidence (checked paths: accepted through a map read above them, or reported though
 * a free-form name may vouch for them) that the head render's values really carry, by their --set text.
 */
function proofCandidates(analysis: ChartAnalysis, headJobs: readonly RenderJob[]): Map<string, KeyPath> {
  const candidates = new Map<string, KeyPath>();
  const values = headJobs[0].values;
  for (const coverage of overrideCoverage(analysis.context)) {
    if (!coverage.weak) continue;
    // a code-set key without an example value is not in the render: removing it would prove nothing
    if (!values.some((layer) => hasAt(layer, coverage.path))) continue;
    candidates.set(formatKeyPath(coverage.path), coverage.path);
  }
  return candidates;
}

/** The texts at the volatile leaves of each head render, and their base64 decodings (Secret data). */
function volatileTextsOf(references: readonly ComparableRender[], volatile: readonly VolatileLeaves[]): string[] {
  const texts = references.flatMap((render, i) => volatileTexts(render, volatile[i]));
  return [...texts, ...texts.filter((t) => BASE64.test(t)).map((t) => Buffer.from(t, 'base64').toString('utf8'))];
}

const BASE64 = /^[A-Za-z0-9+/]{8,}={0,2}$/;
/** Values shorter than this (`true`, `1`, `on`) show up in any render: only longer ones count as printed. */
const PRINTED_MIN_LENGTH = 4;

/**
 * The render proof may never contradict the render: of the keys found ignored, those whose value (a string or number
 * of at least PRINTED_MIN_LENGTH characters, as the head's values give it) a volatile leaf prints, as in a config
 * file holding a generated password next to the key's setting.
 */
function printedIn(
  texts: readonly string[],
  keys: readonly string[],
  pathsOf: (keys: readonly string[]) => KeyPath[],
  headJobs: readonly RenderJob[],
): string[] {
  if (texts.length === 0) return [];
  return keys.filter((key) => {
    const [path] = pathsOf([key]);
    const layer = [...headJobs[0].values].reverse().find((values) => hasAt(values, path));
    const value = layer ? getAt(layer, path) : undefined;
    const text = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
    return text.length >= PRINTED_MIN_LENGTH && texts.some((t) => t.includes(text));
  });
}

function comparable(outcome: RenderOutcome): ComparableRender {
  return { manifests: outcome.result.manifests, parseProblems: outcome.parseProblems };
}

/**
 * Copies of the values layers without the given keys, in every layer (a key set in two files is removed from
 * both); maps left empty by a removal go too, as if the lines had been deleted from the file.
 */
export function withoutKeys(layers: readonly Record<string, unknown>[], paths: readonly KeyPath[]) {
  return layers.map((layer) => {
    const copy = structuredClone(layer);
    for (const path of paths) removeAt(copy, path);
    return copy;
  });
}

/**
 * Copies of the values layers with each key set to another value of the same kind: a flipped boolean, a number plus
 * one, a longer string, a list or map with one more entry; null becomes a string.
 */
export function withOtherValues(layers: readonly Record<string, unknown>[], paths: readonly KeyPath[]) {
  return layers.map((layer) => {
    const copy = structuredClone(layer);
    for (const path of paths) {
      const parent = getAt(copy, path.slice(0, -1));
      const last = String(path[path.length - 1]);
      if (isMap(parent) && Object.hasOwn(parent, last)) parent[last] = otherValue(parent[last]);
    }
    return copy;
  });
}

const OTHER = 'chart-guard-probe';

function otherValue(value: unknown): unknown {
  if (typeof value === 'boolean') return !value;
  if (typeof value === 'number') return value + 1;
  if (typeof value === 'string') return value === '' ? OTHER : `${value}-${OTHER}`;
  if (Array.isArray(value)) return value.length ? [...value, structuredClone(value[value.length - 1])] : [OTHER];
  if (isMap(value)) return { ...value, [OTHER]: OTHER };
  return OTHER;
}

function removeAt(tree: Record<string, unknown>, path: KeyPath): void {
  const parents: Record<string, unknown>[] = [];
  let node: unknown = tree;
  for (const segment of path.slice(0, -1)) {
    if (!isMap(node)) return;
    parents.push(node);
    node = node[String(segment)];
  }
  const last = String(path[path.length - 1]);
  if (!isMap(node) || !Object.hasOwn(node, last)) return;
  delete node[last];
  // prune the maps the removal emptied, innermost first
  for (let i = parents.length - 1; i >= 0; i--) {
    const key = String(path[i]);
    const child = parents[i][key];
    if (isMap(child) && Object.keys(child).length === 0) delete parents[i][key];
    else break;
  }
}
