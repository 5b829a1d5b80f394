import type { ChartRule, FindingDraft } from './rule.js';

// An override file Helm cannot parse fails `helm upgrade -f` outright; nothing else about it can be checked.
export const valuesFileInvalid: ChartRule = {
  id: 'values-file-invalid',
  scope: 'chart',
  severity: 'error',
  description: 'an override values file cannot be parsed',
  check({ head, overrides }) {
    if (!head) return [];
    return overrides
      .filter((file) => file.error)
      .map(
        (file): FindingDraft => ({
          message: file.error!.message,
          file: file.error!.file || file.path,
          line: file.error!.line,
          remedy: `Fix the YAML in ${file.path}${file.error!.line ? ` around line ${file.error!.line}` : ''}; \`helm upgrade -f ${file.path}\` fails on it.`,
        }),
      );
  },
};

const LISTED_LINES = 10;

// Override files that are templates themselves (Jinja {% if %}, {{ }} blocks rendered by a deploy pipeline) are read
// with those lines left out: say which, so nobody takes the check for complete.
export const valuesFilePartial: ChartRule = {
  id: 'values-file-partial',
  scope: 'chart',
  severity: 'notice',
  description: 'template lines of an override values file were skipped: keys under them were not checked',
  check({ head, overrides }) {
    if (!head) return [];
    return overrides
      .filter((file) => !file.error && file.skipped.length > 0)
      .map((file): FindingDraft => {
        const listed = file.skipped.slice(0, LISTED_LINES).map((s) => `${s.line}: ${s.text.trim()}`);
        const more = file.skipped.length > LISTED_LINES ? ` and ${file.skipped.length - LISTED_LINES} more` : '';
        return {
          message: `${file.path} is a template: ${file.skipped.length} line(s) were skipped and the keys they control were checked as if always set (lines ${listed.join('; ')}${more}).`,
          file: file.path,
          line: file.skipped[0].line,
          remedy: 'Nothing to do if the checks look right; render the file first to check it exactly.',
        };
      });
  },
};
