import { chartCoverage } from '../values/coverage.js';
import { didYouMean } from '../values/did-you-mean.js';
import { formatKeyPath } from '../values/key-path.js';
import type { ChartRule, FindingDraft } from './rule.js';

// Helm coalesces override values into .Values whether or not a template reads them, and never warns about keys
// nobody reads: a key the new chart dropped is silently ignored on `helm upgrade` (corpus mariadb 7 -> 8,
// blackbox 9 -> 10). The old setting (a size, a password) quietly stops applying.
export const overrideKeyRemoved: ChartRule = {
  id: 'override-key-removed',
  scope: 'chart',
  severity: 'error',
  description:
    "an override key existed in the old chart's defaults and is gone from the new one: Helm will silently ignore it",
  check(ctx) {
    const { base, head, change } = ctx;
    if (!head || !base) return [];
    const from = base.metadata.version ?? 'the old version';
    const to = head.metadata.version ?? 'the new version';
    return chartCoverage(ctx)
      .filter((c) => c.status === 'removed')
      .map((c): FindingDraft => {
        const key = formatKeyPath(c.path);
        const suggestion = didYouMean(c.path, base.defaults, head.defaults);
        const hint = suggestion ? ` Did you mean \`${suggestion}\`?` : '';
        return {
          message: `\`${key}\` was in ${change.name} ${from}'s defaults and is gone from ${to}: Helm will silently ignore it.${hint}`,
          file: c.key.file,
          line: c.key.line,
          path: key,
          before: c.oldDefault ?? null,
          remedy: suggestion
            ? `Rename \`${key}\` to \`${suggestion}\` in ${c.key.file} (check the chart's upgrade notes), or delete it.`
            : `Find its replacement in ${change.name} ${to}'s values.yaml or README upgrade notes and rename it in ${c.key.file}, or delete it.`,
        };
      });
  },
};
