import { code } from '../report/message.js';
import { formatKeyPath } from '../values/key-path.js';
import type { ChartRule, FindingDraft } from './rule.js';

// When a default changes shape (blackbox 10.0.0: extraEnv map -> list), an old-shaped override still coalesces:
// Helm logs only "skipped value for ...: Not a table." at INFO level, or renders the map where a list belongs,
// which the API server rejects or the template ignores.
export const overrideTypeChanged = {
  id: 'override-type-changed',
  scope: 'chart',
  modes: ['review'],
  needs: { base: true },
  severity: 'warning',
  description: "the default's type under an overridden key changed (map/list/scalar)",
  check(ctx) {
    const { base, head, change } = ctx;
    if (!head || !base) return [];
    const chart = [change.name, head.metadata.version].filter(Boolean).join(' ');
    const seen = new Set<string>();
    const findings: FindingDraft[] = [];
    for (const c of ctx.coverage()) {
      if (c.status !== 'type-changed' || !c.typeChange) continue;
      const { at, before, after, override } = c.typeChange;
      const key = formatKeyPath(at);
      // One finding per changed key and file: several override keys below one map share the cause.
      const id = `${c.key.file}\u0000${key}`;
      if (seen.has(id)) continue;
      seen.add(id);
      findings.push({
        message: `${code(key)} is set as a ${override}, but ${chart} changed its default from a ${before} to a ${after}.`,
        file: c.key.file,
        line: c.key.line,
        path: key,
        before,
        after,
        remedy: `Rewrite ${code(key)} in ${c.key.file} as a ${after}, following the new chart's values.yaml and upgrade notes.`,
      });
    }
    return findings;
  },
} satisfies ChartRule;
