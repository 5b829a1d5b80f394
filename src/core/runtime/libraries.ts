// Libraries a run may not need, loaded when it first needs them (issue 23, "start less"): esbuild puts each in a chunk
// of its own beside the bundle (it splits at `import()`), so starting chart-guard neither compiles nor runs their
// code. Measured with `chart-guard --version` (best of 15): without diff, re2js and marked the bundle started 25 ms
// sooner on Node 20 and 32 ms on Node 24. Loading is asynchronous and the code that uses them is not (the rendered
// diff, the values.schema.json validators of the rules), so the pipeline loads them at an await before that code
// runs (pipeline/charts.ts), typically while helm renders, and that code takes the loaded module.
type Diff = typeof import('diff');
type Re2 = typeof import('re2js');

let diff: Diff | undefined;
let re2: Re2 | undefined;

/** The diff library (the rendered diff), loaded. */
export async function loadDiff(): Promise<Diff> {
  diff ??= await import('diff');
  return diff;
}

/** The diff library, once loadDiff has resolved. */
export function loadedDiff(): Diff {
  if (!diff) throw new Error('internal error: the diff library is used before loadDiff()');
  return diff;
}

/** re2js (RE2 patterns of values.schema.json), loaded. */
export async function loadRe2(): Promise<Re2> {
  re2 ??= await import('re2js');
  return re2;
}

/** re2js, once loadRe2 has resolved. */
export function loadedRe2(): Re2 {
  if (!re2) throw new Error('internal error: re2js is used before loadRe2()');
  return re2;
}
