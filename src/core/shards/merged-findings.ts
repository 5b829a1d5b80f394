// A chart's findings from every shard as the unsharded run lists them: equal findings of several environments become
// one naming them all, in the rules' order, with each environment's remedy kept.

import { mergedRemedy, remediesOfMerged } from '../pipeline/merged-remedies.js';
import { mergeKey } from '../pipeline.js';
import type { Finding } from '../report/report.js';
import { allRules } from '../rules/index.js';

const RULE_RANK = new Map(allRules.map((rule, i) => [rule.id as string, i]));

interface Group {
  finding: Finding;
  /** Each environment's remedy (undefined: none), in the order they were met. */
  remedies: Map<string, string | undefined>;
  rule: number;
  /** Where the finding of its first environment (in config order) stood in its shard's list. */
  positions: Map<string, number>;
}

/**
 * A chart's findings from every shard as the unsharded run lists them (pipeline.ts chartFindings): findings equal
 * but for their environments become one naming all of them in config order, environment-free duplicates collapse,
 * and the order is the rules' order, then the first environment's.
 */
export function combineFindings(lists: readonly Finding[][], environmentRank: (name?: string) => number): Finding[] {
  const groups = new Map<string, Group>();
  for (const list of lists) {
    let rule = 0;
    list.forEach((finding, position) => {
      // a rule-crashed finding stands where the rule that crashed ran: after the finding before it
      rule = RULE_RANK.get(finding.rule) ?? rule;
      const environments = finding.environments ?? [];
      const key = environments.length ? mergeKey(finding) : `free:${mergeKey(finding)}:${finding.remedy ?? ''}`;
      let group = groups.get(key);
      if (!group) {
        group = { finding, remedies: new Map(), rule, positions: new Map() };
        groups.set(key, group);
      }
      const remedies = remediesByEnvironment(finding);
      for (const environment of environments) {
        group.remedies.set(environment, remedies.get(environment));
        group.positions.set(environment, position);
      }
      if (!environments.length) group.positions.set('', position);
    });
  }
  const merged = [...groups.values()].map((group) => ({
    group,
    environments: [...group.remedies.keys()].sort((a, b) => environmentRank(a) - environmentRank(b)),
  }));
  // An acceptance splits a finding by environment (acceptances.ts): its parts stand where the whole finding stood,
  // accepted parts first in the order of their entries, then the rest.
  const wholes = new Map<string, { rule: number; environment: number; position: number }>();
  const wholeKey = (finding: Finding) => mergeKey({ ...finding, accepted: undefined, awaitingApproval: undefined });
  for (const { group, environments } of merged) {
    const key = wholeKey(group.finding);
    const first = environments[0] ?? '';
    const place = {
      rule: group.rule,
      environment: environments.length ? environmentRank(first) : -1,
      position: group.positions.get(first) ?? 0,
    };
    const known = wholes.get(key);
    if (!known || place.environment < known.environment) wholes.set(key, place);
  }
  const placeOf = (finding: Finding) => {
    const whole = wholes.get(wholeKey(finding))!;
    const entry = finding.accepted ?? finding.awaitingApproval;
    return [whole.rule, whole.environment, whole.position, entry?.line ?? Number.MAX_SAFE_INTEGER];
  };
  const sorted = merged
    .map((entry) => ({ ...entry, place: placeOf(entry.group.finding) }))
    .sort((a, b) => compareAt(a.place, b.place));
  return sorted.map(({ group, environments }) => {
    if (!environments.length) return group.finding;
    const { remedy: _, environments: __, ...rest } = group.finding;
    const remedy = combinedRemedy(environments, group.remedies);
    return { ...rest, ...(remedy !== undefined ? { remedy } : {}), environments };
  });
}

/** The first difference of two equally long lists of numbers decides. */
function compareAt(a: readonly number[], b: readonly number[]): number {
  const i = a.findIndex((n, j) => n !== b[j]);
  return i === -1 ? 0 : a[i] - b[i];
}

/**
 * The remedy of a finding that holds in several environments, as chartFindings writes it: the first environment's
 * when they do not differ, else one line per group of environments with the same remedy (`aws, gcp: …`).
 */
function combinedRemedy(
  environments: readonly string[],
  remedies: Map<string, string | undefined>,
): string | undefined {
  const groups = new Map<string, string[]>();
  for (const environment of environments) {
    const remedy = remedies.get(environment);
    if (remedy !== undefined) groups.set(remedy, [...(groups.get(remedy) ?? []), environment]);
  }
  if (groups.size <= 1) return remedies.get(environments[0]);
  return mergedRemedy(groups);
}

/**
 * Each environment's remedy of a finding: a remedy chartFindings combined (`aws: …\ngcp: …`, every line group
 * headed by some of the finding's environments) is split again; any other applies to all its environments.
 */
function remediesByEnvironment(finding: Finding): Map<string, string | undefined> {
  const environments = finding.environments ?? [];
  const all = new Map(environments.map((environment) => [environment, finding.remedy]));
  if (finding.remedy === undefined || environments.length < 2) return all;
  const merged = remediesOfMerged(finding.remedy, environments);
  if (merged) return new Map(environments.map((environment) => [environment, merged.get(environment)]));
  const split = new Map<string, string>();
  let current: { names: string[]; lines: string[] } | undefined;
  const close = () => {
    for (const name of current?.names ?? []) split.set(name, current!.lines.join('\n'));
  };
  for (const line of finding.remedy.split('\n')) {
    const header = /^([^:]+): (.*)$/.exec(line);
    const names = header?.[1].split(', ');
    if (header && names!.every((name) => environments.includes(name) && !split.has(name))) {
      close();
      current = { names: names!, lines: [header[2]] };
    } else if (current) {
      current.lines.push(line);
    } else {
      return all;
    }
  }
  close();
  if (new Set(split.values()).size < 2) return all;
  return new Map(environments.map((environment) => [environment, split.get(environment)]));
}
