// Proves with helm that weakly accepted override keys are ignored (values/coverage.ts header): the head is rendered
// again without them, and keys whose removal leaves the manifests identical go on ChartContext.ignoredKeyProof for
// override-key-removed / override-key-unknown. Helm coalesces every override into .Values and never says which it
// read, so an identical render is the direct evidence. Runs after the head render succeeded, in the same helm slots.
import type { ChartAnalysis } from './chart-analysis.js';
import { isHeadRender } from './chart-analysis.js';
import { type ComparableRender, sameRender, type VolatileLeaves, volatileLeaves } from './render/render-equality.js';
import type { RenderJob, RenderOutcome } from './render/renderer.js';
import { chartCoverage } from './values/coverage.js';
import { type IgnoredKeyProof, searchIgnoredKeys } from './values/ignored-key-search.js';
import { formatKeyPath, hasAt, isMap, type KeyPath } from './values/key-path.js';

/** Runs helm for a set of jobs (renderAll with the review's helm, slots and timeout). */
export type RenderJobs = (jobs: RenderJob[]) => Promise<Map<string, RenderOutcome>>;

/**
 * The analysis with `ignoredKeyProof` set when the chart has weakly accepted keys and its head rendered; unchanged
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
  const headJobs = jobs.filter((job) => isHeadRender(job.key, context.head!.dir));
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

  const renderWithout = async (removed: KeyPath[]) => {
    const id = ++runs;
    const started = performance.now();
    const proofJobs = headJobs.map((job) => ({
      ...job,
      key: `proof${id}:${job.key}`,
      values: withoutKeys(job.values, removed),
    }));
    const rendered = await render(proofJobs);
    proof.renders += proofJobs.length;
    proof.durationMs += Math.round(performance.now() - started);
    return proofJobs.map((job) => rendered.get(job.key));
  };
  const budgetLeft = () => !unusable && proof.renders + perTest <= cap;

  const test = async (removed: readonly string[]): Promise<boolean> => {
    const results = await renderWithout(removed.map((key) => candidates.get(key)!));
    // A render that fails without the keys (a `required` value, a nil pointer) means they matter.
    if (results.some((o) => o?.result.status !== 'ok')) return false;
    const same = () => results.every((o, i) => sameRender(references[i], comparable(o!), volatile?.[i]));
    if (same()) return true;
    if (volatile === undefined && budgetLeft()) {
      // The first difference: render the unchanged values once more to learn which leaves differ on every render.
      const again = await renderWithout([]);
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

  const keys = [...candidates.keys()].sort();
  const result = await searchIgnoredKeys(keys, test, budgetLeft);
  Object.assign(proof, result);
  if (result.unproven.length) proof.stopped = unusable ? 'unusable-render' : 'cap';
  return { ...analysis, context: { ...context, ignoredKeyProof: proof } };
}

/** Weakly accepted keys (checked paths) that the head render's values really carry, by their --set text. */
function proofCandidates(analysis: ChartAnalysis, headJobs: readonly RenderJob[]): Map<string, KeyPath> {
  const candidates = new Map<string, KeyPath>();
  const values = headJobs[0].values;
  for (const coverage of chartCoverage(analysis.context)) {
    if (coverage.status !== 'ok' || !coverage.weak) continue;
    // a code-set key without an example value is not in the render: removing it would prove nothing
    if (!values.some((layer) => hasAt(layer, coverage.path))) continue;
    candidates.set(formatKeyPath(coverage.path), coverage.path);
  }
  return candidates;
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
