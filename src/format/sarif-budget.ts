// The size budget of a SARIF log. GitHub refuses an upload over 10 MB compressed (docs/reference/github-limits.md),
// and a report's findings come from files a pull request controls: thousands of findings, each quoting a value, must
// not make the file unbounded. Past the budget, results are left out, notices first, then warnings, then errors,
// each from the end of its run, and every run that lost results says how many and why in a tool execution
// notification, the way the results limit (SARIF_MAX_RESULTS) is named.
import { countOf, groupThousands } from './describe.js';

/** Characters of the whole log: compressed, far below GitHub's 10 MB. */
export const SARIF_MAX_CHARS = 8 * 1024 * 1024;

/** What renderSarif builds: only the parts the budget reads and changes. */
interface SarifRun {
  results: { level: string }[];
  invocations?: { executionSuccessful: boolean; toolExecutionNotifications: unknown[] }[];
  [key: string]: unknown;
}
interface SarifLog {
  runs: SarifRun[];
  [key: string]: unknown;
}

const LEVEL_DROP_ORDER: Record<string, number> = { note: 0, warning: 1, error: 2 };
/** Results sit 8 spaces deeper in the log than in their own JSON.stringify(…, null, 2), and a ",\n" joins them. */
const RESULT_INDENT = 8;

export const serialiseSarif = (log: SarifLog) => `${JSON.stringify(log, null, 2)}\n`;

/** The log as text within maxChars, leaving out the fewest, least severe results. */
export function fitSarif(input: { runs: object[] }, maxChars = SARIF_MAX_CHARS): string {
  const log = input as SarifLog; // renderSarif's runs: results with a level, optional invocations
  let text = serialiseSarif(log);
  if (text.length <= maxChars) return text;
  const candidates = log.runs.flatMap((run, r) =>
    run.results.map((result, i) => {
      const own = JSON.stringify(result, null, 2);
      const size = own.length + RESULT_INDENT * own.split('\n').length + 2;
      return { r, i, rank: LEVEL_DROP_ORDER[result.level] ?? 0, size };
    }),
  );
  // least severe first; within a level, from the end of the run (the report's order is kept for what stays)
  candidates.sort((a, b) => a.rank - b.rank || b.r - a.r || b.i - a.i);
  const noteRoom = 400 * log.runs.length; // each run's notification, at its largest
  let count = 0;
  for (let excess = text.length - maxChars + noteRoom; excess > 0 && count < candidates.length; count++) {
    excess -= candidates[count].size;
  }
  // The measure is exact for results; should anything else be off, leave out more rather than overrun.
  for (;;) {
    text = serialiseSarif(leaveOut(log, candidates.slice(0, count), maxChars));
    if (text.length <= maxChars || count >= candidates.length) return text;
    count = Math.min(candidates.length, count + Math.max(1, Math.ceil(count / 10)));
  }
}

function leaveOut(log: SarifLog, left: { r: number; i: number }[], maxChars: number): SarifLog {
  const dropped = new Set(left.map(({ r, i }) => `${r}:${i}`));
  return {
    ...log,
    runs: log.runs.map((run, r) => {
      const results = run.results.filter((_, i) => !dropped.has(`${r}:${i}`));
      const leftOut = run.results.length - results.length;
      if (leftOut === 0) return run;
      const notification = {
        level: 'warning',
        message: {
          text: `${countOf(leftOut, 'finding')} left out: the SARIF file holds at most ${groupThousands(maxChars)} characters (least severe first); the JSON report has them all.`,
        },
      };
      const invocation = run.invocations?.[0] ?? { executionSuccessful: true, toolExecutionNotifications: [] };
      return {
        ...run,
        results,
        invocations: [
          { ...invocation, toolExecutionNotifications: [...invocation.toolExecutionNotifications, notification] },
        ],
      };
    }),
  };
}
