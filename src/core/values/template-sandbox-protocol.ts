// What the template worker and chart-guard say to each other: one JSON object a line each way.

/** A render (source and variables) or, in a worker built for tests only, JavaScript to run. */
export interface WorkerRequest {
  id: number;
  source?: string;
  variables?: unknown;
  evaluate?: string;
}

/** A 1-based place in the template. */
export interface TemplatePosition {
  line: number;
  column: number;
}

/**
 * The rendered text or the engine's error message (nunjucks' own, with "[Line n, Column c]" when it knows). An
 * expression printing an undefined variable does not stop the render: every one is listed (`undefinedAt`, at most
 * MAX_UNDEFINED), and the error names the first, so that one run reports them all.
 */
export type SandboxResult = { output: string } | { error: string; undefinedAt?: TemplatePosition[] };

/** How many undefined-variable places one render reports. */
export const MAX_UNDEFINED = 200;

/** The end of every refusal of the restricted evaluator (layer 1): "`range.constructor` is not allowed: ...". */
export const REFUSED = 'is not allowed: templates may only read values';
