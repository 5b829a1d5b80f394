import { code } from '../report/message.js';
import { BRANCH_CHOICE } from '../values/template-branches.js';
import type { ChartRule, FindingDraft } from './rule.js';

// An override file Helm cannot parse fails `helm upgrade -f` outright; nothing else about it can be checked.
export const valuesFileInvalid = {
  id: 'values-file-invalid',
  scope: 'chart',
  modes: ['review', 'lint'],
  needs: {},
  severity: 'error',
  description:
    "an override values file cannot be parsed (helm's YAML bounds included: a self-referencing anchor, excessive alias expansion, over 5 MiB)",
  check({ head, overrides }) {
    if (!head) return [];
    return overrides
      .filter((file) => file.error)
      .map(
        (file): FindingDraft => ({
          message: file.error!.message,
          file: file.error!.file || file.path,
          line: file.error!.line,
          remedy: file.renderedWith
            ? `Fix the template in ${file.path}${file.error!.line ? ` around line ${file.error!.line}` : ''}, or define the variables the message names in ${file.renderedWith}.`
            : `Fix the YAML in ${file.path}${file.error!.line ? ` around line ${file.error!.line}` : ''}; ${code(`helm upgrade -f ${file.path}`)} fails on it.`,
        }),
      );
  },
} satisfies ChartRule;

const LISTED_LINES = 10;

// Override files that are templates themselves (Jinja {% if %}, {{ }} blocks rendered by a deploy pipeline) are read
// with those lines left out and one branch of each block (template-branches.ts): say which, so nobody takes the check
// for complete. The render reads the same branch, with placeholders for the template expressions.
export const valuesFilePartial = {
  id: 'values-file-partial',
  scope: 'chart',
  modes: ['review', 'lint'],
  needs: {},
  severity: 'notice',
  description:
    'parts of an override values file were skipped (template lines, or documents helm 3 ignores): keys there were not checked',
  check({ head, overrides }) {
    if (!head) return [];
    const templates = overrides
      .filter((file) => !file.error && (file.skipped.length > 0 || (file.notTaken?.length ?? 0) > 0))
      .map((file): FindingDraft => {
        const listed = file.skipped.slice(0, LISTED_LINES).map((s) => `${s.line}: ${s.text.trim()}`);
        const more = file.skipped.length > LISTED_LINES ? ` and ${file.skipped.length - LISTED_LINES} more` : '';
        const notTaken = file.notTaken ?? [];
        const ranges = notTaken.map((r) => (r.from === r.to ? `${r.from}` : `${r.from}-${r.to}`));
        const branch = notTaken.length
          ? ` Of its template blocks, ${BRANCH_CHOICE}: lines ${ranges.join(', ')} were neither checked nor rendered.`
          : '';
        const first = Math.min(file.skipped[0]?.line ?? Infinity, notTaken[0]?.from ?? Infinity);
        return {
          message: `${file.path} is a template: ${file.skipped.length} line(s) were skipped and the keys they control were checked as if always set${listed.length ? ` (lines ${listed.join('; ')}${more})` : ''}.${branch}`,
          file: file.path,
          line: first,
          remedy:
            'Nothing to do if the checks look right; to check it exactly, give chart-guard the template context (config `templates: { engine: jinja, context: <file> }`).',
        };
      });
    // helm 3 decodes only the first YAML document of a values file (sigs.k8s.io/yaml); helm 4 merges them all.
    const ignored = overrides
      .filter((file) => !file.error && file.ignoredDocuments)
      .map((file): FindingDraft => {
        const { line, count } = file.ignoredDocuments!;
        return {
          message: `${file.path} holds ${count} more YAML document(s) from line ${line}: helm 3 reads only the first document of a values file, so their keys are ignored and were not checked (helm 4 merges every document).`,
          file: file.path,
          line,
          remedy: 'Merge the documents into one if their keys are meant to apply, or remove them.',
        };
      });
    return [...templates, ...ignored];
  },
} satisfies ChartRule;
