import type { Finding, Severity } from '../report/report.js';
import type { Rule, RuleDeclaration } from './rule.js';

// A rule that throws has checked nothing: passing the review anyway would let any input that trips a bug (an empty
// key, a huge file) hide every finding of that rule. The runner turns the crash into this error, so the review
// fails closed. It is produced by the runner (rules/run.ts), never by a check of its own.
export const ruleCrashed = {
  id: 'rule-crashed',
  severity: 'error',
  description: 'a rule stopped with an internal error: its checks did not run, so the review fails instead of passing',
  // it says what this run could not check, never a problem the base already had
  runCondition: true,
} as const satisfies Omit<RuleDeclaration, 'modes' | 'needs'>;

const MAX_ERROR_CHARS = 300;

/** The finding for `rule` having thrown `error`; `chart` is the lockfile name, `dir` its folder. */
export function crashFinding(
  rule: Rule,
  error: unknown,
  severity: Severity,
  chart?: { name: string; dir: string },
): Finding {
  const raw = error instanceof Error ? error.message : String(error);
  const firstLine = raw.split('\n')[0] ?? '';
  const reason = firstLine.length > MAX_ERROR_CHARS ? `${firstLine.slice(0, MAX_ERROR_CHARS - 1)}…` : firstLine;
  const where = chart ? ` on chart ${chart.name} (${chart.dir})` : ' on the repository';
  return {
    rule: ruleCrashed.id,
    severity,
    ...(chart ? { chart: chart.name } : {}),
    message: `rule ${rule.id} crashed${where}: ${reason || 'no message'}. Its checks did not run, so the review fails rather than pass unchecked.`,
    remedy:
      'This is a chart-guard bug triggered by this input: report it with the message above. Until it is fixed, ' +
      `set rules.${rule.id}: off in the config to review without that rule.`,
  };
}
