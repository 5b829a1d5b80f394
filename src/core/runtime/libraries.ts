// Libraries a run may not need, loaded when it first needs them (issue 23, "start less"): esbuild puts each in a chunk
// of its own beside the bundle (it splits at `import()`), so starting chart-guard neither compiles nor runs their
// code. Measured with `chart-guard --version` (best of 15): without diff, re2js and marked the bundle started 25 ms
// sooner on Node 20 and 32 ms on Node 24; without ajv, 9 ms on Node 20. Loading is asynchronous and the code that
// uses them is not (the rendered diff, the values.schema.json validators of the rules), so the pipeline loads them at
// an await before that code runs (pipeline/charts.ts), typically while helm renders, and that code takes the loaded
// module. (chart-guard's own schemas need no ajv at run time: their validators are compiled at build time,
// input/schema-check.ts.)
type Diff = typeof import('diff');
type Re2 = typeof import('re2js');
/** ajv for each JSON-schema draft a chart's values.schema.json may declare. */
interface AjvClasses {
  Ajv: typeof import('ajv').Ajv;
  Ajv2019: typeof import('ajv/dist/2019.js').Ajv2019;
  Ajv2020: typeof import('ajv/dist/2020.js').Ajv2020;
}

let diff: Diff | undefined;
let re2: Re2 | undefined;
let ajv: AjvClasses | undefined;

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
async function loadRe2(): Promise<Re2> {
  re2 ??= await import('re2js');
  return re2;
}

/** re2js, once loadRe2 has resolved. */
export function loadedRe2(): Re2 {
  if (!re2) throw new Error('internal error: re2js is used before loadRe2()');
  return re2;
}

/** ajv and re2js (its pattern engine), for a chart's values.schema.json: loaded. */
export async function loadSchemaValidator(): Promise<void> {
  const [core, draft2019, draft2020] = await Promise.all([
    import('ajv'),
    import('ajv/dist/2019.js'),
    import('ajv/dist/2020.js'),
    loadRe2(),
  ]);
  ajv ??= {
    Ajv: cjsExport(core, 'Ajv'),
    Ajv2019: cjsExport(draft2019, 'Ajv2019'),
    Ajv2020: cjsExport(draft2020, 'Ajv2020'),
  };
}

/**
 * A named export of a CommonJS module loaded with import(): the bundle's chunk of it exports the module as its
 * default only, Node's ESM loader names its exports too.
 */
function cjsExport<M extends object, K extends keyof M>(loaded: M, name: K): M[K] {
  const module = (loaded as { default?: M }).default;
  return module?.[name] ?? loaded[name];
}

/** ajv's classes, once loadSchemaValidator has resolved. */
export function loadedAjv(): AjvClasses {
  if (!ajv) throw new Error('internal error: ajv is used before loadSchemaValidator()');
  return ajv;
}
