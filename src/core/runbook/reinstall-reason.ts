// One line saying why a chart needs its objects re-created (ChartReport.reinstallReason), built from the
// findings that carry needsReinstall, e.g. "StatefulSet rel-mariadb: spec.serviceName and spec.selector.matchLabels
// are immutable".

import type { HooksOf } from '../registry/rule-hooks.js';
import type { Finding } from '../report/report.js';
import { joinWords } from '../rules/analysis/remedy-words.js';

type ReinstallFinding = Pick<Finding, 'rule' | 'resource' | 'path' | 'needsReinstall' | 'after'>;

/** `hooks` is the rule registry's lookup (rules/index.ts ruleHooks): why each rule's finding needs the reinstall. */
export function reinstallReason(findings: readonly ReinstallFinding[], hooks: HooksOf): string | undefined {
  const immutable = new Map<string, string[]>();
  const parts: string[] = [];
  for (const finding of findings) {
    if (!finding.needsReinstall || !finding.resource) continue;
    const { kind, name } = finding.resource;
    // the rule says why (its reinstall hook): an immutable field, grouped per object, or a sentence of its own
    const cause = hooks(finding.rule).reinstall?.({ ...finding, resource: finding.resource });
    if (cause && 'immutableField' in cause) {
      const key = `${kind} ${name}`;
      if (!immutable.has(key)) immutable.set(key, []);
      const paths = immutable.get(key) as string[];
      for (const path of [cause.immutableField ?? []].flat()) if (!paths.includes(path)) paths.push(path);
    } else {
      parts.push(cause?.sentence ?? `${kind} ${name}: ${finding.rule}`);
    }
  }
  const immutableParts = [...immutable].map(
    ([resource, paths]) => `${resource}: ${joinWords(paths)} ${paths.length === 1 ? 'is' : 'are'} immutable`,
  );
  const all = [...immutableParts, ...parts];
  return all.length ? all.join('; ') : undefined;
}
