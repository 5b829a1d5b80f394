import { isCodeSetPlaceholder } from '../values/code-set-placeholder.js';
import { formatKeyPath } from '../values/key-path.js';
import { exampleFor, placeholderFix } from './analysis/placeholder-failure.js';
import type { ChartRule, FindingDraft } from './rule.js';

// Helm validates the coalesced values against values.schema.json before rendering and refuses the whole
// install/upgrade on any violation, so a stricter new schema breaks the deploy outright.
export const overrideSchemaViolation = {
  id: 'override-schema-violation',
  scope: 'chart',
  modes: ['review', 'lint'],
  needs: {},
  severity: 'error',
  description: "the new chart's values.schema.json rejects the merged values",
  check(ctx) {
    const { head, change } = ctx;
    // Without a single override or code-set value the merged values are the chart's defaults: their violations
    // are the chart's own (render-failed reports them), so there is nothing to check (ChartContext.schemaCheck).
    const result = ctx.schemaCheck();
    if (!head || !result) return [];
    const chart = [change.name, head.metadata.version].filter(Boolean).join(' ');
    const schemaFile = head.schemaPath ?? `${head.dir}/values.schema.json`;
    if (result.problem) {
      return [
        {
          severity: 'notice',
          message: `${chart}'s ${result.problem}; the override schema check did not run.`,
          file: schemaFile,
        },
      ];
    }
    return result.violations.map((v): FindingDraft => {
      const path = v.path.length ? formatKeyPath(v.path) : undefined;
      if (!v.key) {
        return {
          message: `The values merged from the overrides break ${chart}'s values.schema.json: ${v.message}. Helm will refuse to upgrade.`,
          file: schemaFile,
          path,
          remedy: `Compare the override files with ${schemaFile} and fix the values it rejects.`,
        };
      }
      if (isCodeSetPlaceholder(v.key.value)) {
        // the deploy code passes the real value: only this review's render gets the placeholder (render-failed)
        const culprit = { key: { ...v.key, value: v.key.value }, example: exampleFor(v.key.path, v.message, head) };
        return {
          severity: 'notice',
          message: `${v.key.file} line ${v.key.line} holds a placeholder the deploy code replaces, which ${chart}'s values.schema.json rejects: ${v.message}. The render cannot use it.`,
          file: v.key.file,
          line: v.key.line,
          path,
          remedy: placeholderFix(culprit, change.name, ctx.config.path ?? 'the chart-guard config'),
        };
      }
      return {
        message: `${v.key.file} line ${v.key.line} breaks ${chart}'s values.schema.json: ${v.message}. Helm will refuse to upgrade.`,
        file: v.key.file,
        line: v.key.line,
        path,
        remedy: `Change the value in ${v.key.file} line ${v.key.line} to what ${schemaFile} allows.`,
      };
    });
  },
} satisfies ChartRule;
