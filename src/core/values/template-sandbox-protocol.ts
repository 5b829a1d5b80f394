// What the template worker and chart-guard say to each other: one JSON object a line each way.

/** A render (source and variables) or, in a worker built for tests only, JavaScript to run. */
export interface WorkerRequest {
  id: number;
  source?: string;
  variables?: unknown;
  evaluate?: string;
}

/** The rendered text or the engine's error message (nunjucks' own, with "[Line n, Column c]" when it knows). */
export type SandboxResult = { output: string } | { error: string };

/** The end of every refusal of the restricted evaluator (layer 1): "`range.constructor` is not allowed: ...". */
export const REFUSED = 'is not allowed: templates may only read values';
