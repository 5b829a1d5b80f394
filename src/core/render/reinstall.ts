// One line saying why a chart needs its objects re-created (ChartReport.reinstallReason), built from the
// findings that carry needsReinstall, e.g. "StatefulSet rel-mariadb: spec.serviceName and spec.selector.matchLabels
// are immutable".
import type { Finding } from '../report.js';
import { isMap } from '../values/key-path.js';
import { joinWords } from './rule-support.js';

type ReinstallFinding = Pick<Finding, 'rule' | 'resource' | 'path' | 'needsReinstall' | 'after'>;

export function reinstallReason(findings: readonly ReinstallFinding[]): string | undefined {
  const immutable = new Map<string, string[]>();
  const parts: string[] = [];
  for (const finding of findings) {
    if (!finding.needsReinstall || !finding.resource) continue;
    const { kind, name } = finding.resource;
    if (finding.rule === 'immutable-field-changed') {
      const key = `${kind} ${name}`;
      if (!immutable.has(key)) immutable.set(key, []);
      const paths = immutable.get(key) as string[];
      if (finding.path && !paths.includes(finding.path)) paths.push(finding.path);
    } else if (finding.rule === 'statefulset-replaced') {
      const successor = isMap(finding.after) && typeof finding.after.name === 'string' ? finding.after.name : undefined;
      parts.push(`StatefulSet ${name} is replaced${successor ? ` by ${successor}` : ''} and its volumes are orphaned`);
    } else {
      parts.push(`${kind} ${name}: ${finding.rule}`);
    }
  }
  const immutableParts = [...immutable].map(
    ([resource, paths]) => `${resource}: ${joinWords(paths)} ${paths.length === 1 ? 'is' : 'are'} immutable`,
  );
  const all = [...immutableParts, ...parts];
  return all.length ? all.join('; ') : undefined;
}
