// Deploy-time variables in a render: without a template context, each expression of a templated override file
// (`{{ database_disk_type }}`) reaches helm as a placeholder (values/template-placeholders.ts, `database-disk-type`),
// so a rendered value holding one is not a value anyone deploys. A difference between two renders that exists only
// through placeholders may vanish at deploy time: a literal `aws-ebs-gp2-0` against `{{ database_disk_type }}`, or
// two sides reading the field from different variables. This module finds the placeholders of a side's files and
// tells whether a difference could vanish. Files rendered with a template context hold real values: none there.
import type { OverrideFile } from '../../model/model.js';
import { isMap } from '../../values/key-path.js';
import { placeholderFor } from '../../values/template-placeholders.js';

const EXPRESSION = /\{\{(?:[^}]|\}(?!\}))*\}\}/g;

/** Placeholder -> the expressions that produce it (`database-disk-type` -> [`{{ database_disk_type }}`]). */
export type DeployVariables = ReadonlyMap<string, readonly string[]>;

/** The placeholders the render of these override files holds, each with the expressions behind it. */
export function deployVariables(files: readonly OverrideFile[]): DeployVariables {
  const found = new Map<string, string[]>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      for (const [tag] of value.matchAll(EXPRESSION)) {
        // the placeholder of the expression alone; an expression Helm's tpl evaluates itself comes back unchanged
        const placeholder = placeholderFor(tag, [], () => undefined);
        if (typeof placeholder !== 'string' || placeholder === tag) continue;
        const expressions = found.get(placeholder) ?? [];
        const expression = tag.replace(/^\{\{-?\s*|\s*-?\}\}$/g, '');
        if (!expressions.includes(`{{ ${expression} }}`)) expressions.push(`{{ ${expression} }}`);
        found.set(placeholder, expressions);
      }
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (isMap(value)) Object.values(value).forEach(visit);
  };
  for (const file of files) if (!file.error && file.renderedWith === undefined) visit(file.values);
  return found;
}

/** Longer values are compared as they are (the patterns below are not for megabytes of text). */
const MAX_VALUE = 1024;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The placeholders in a rendered string, longest first, each standing alone (not part of a longer word). */
function placeholdersIn(value: string, variables: DeployVariables): string[] {
  const names = [...variables.keys()].sort((a, b) => b.length - a.length);
  let rest = value;
  const found: string[] = [];
  for (const name of names) {
    const alone = new RegExp(`(?<![a-z0-9])${escapeRegExp(name)}(?![a-z0-9])`, 'g');
    if (alone.test(rest)) {
      found.push(name);
      rest = rest.replace(alone, '\u0000');
    }
  }
  return found;
}

/** The rendered text with each placeholder written as its expression: `{{ sanitized_name }}-headless`. */
function asWritten(value: string, names: readonly string[], variables: DeployVariables): string {
  let out = value;
  for (const name of names) {
    const expression = variables.get(name)?.[0] ?? name;
    out = out.replace(new RegExp(`(?<![a-z0-9])${escapeRegExp(name)}(?![a-z0-9])`, 'g'), () => expression);
  }
  return out;
}

export interface DeployDependence {
  /** The expressions the two sides' values come from (`{{ database_disk_type }}`). */
  expressions: string[];
  /** The values as the files write them: placeholders shown as their expressions. */
  before: string;
  after: string;
}

/**
 * Whether the difference between a base and a head value could vanish at deploy time: at least one side holds a
 * placeholder, and the values are not different whatever the variables hold (a literal that cannot match the other
 * side's pattern, or the same variables in different text: `x` against `x-headless`). Undefined when it is real.
 */
export function deployDependence(
  before: unknown,
  after: unknown,
  variables: { base: DeployVariables; head: DeployVariables },
): DeployDependence | undefined {
  if (typeof before !== 'string' || typeof after !== 'string') return undefined;
  if (before.length > MAX_VALUE || after.length > MAX_VALUE) return undefined; // a file's content, not a name
  const inBase = placeholdersIn(before, variables.base);
  const inHead = placeholdersIn(after, variables.head);
  if (inBase.length === 0 && inHead.length === 0) return undefined;
  const sameVariables =
    inBase.length === inHead.length &&
    inBase.every((name) => inHead.includes(name) && variables.base.get(name)?.[0] === variables.head.get(name)?.[0]);
  if (sameVariables) return undefined;
  // one side literal: it must fit the other side's pattern (each placeholder standing for any text)
  const fits = (literal: string, pattern: string, names: string[]) => {
    let source = escapeRegExp(pattern);
    for (const name of names)
      source = source.replace(new RegExp(`(?<![a-z0-9])${escapeRegExp(name)}(?![a-z0-9])`, 'g'), '.*');
    return new RegExp(`^${source}$`, 's').test(literal);
  };
  if (inBase.length === 0 && !fits(before, after, inHead)) return undefined;
  if (inHead.length === 0 && !fits(after, before, inBase)) return undefined;
  const expressions = [
    ...new Set([
      ...inBase.map((name) => variables.base.get(name)?.[0] ?? name),
      ...inHead.map((name) => variables.head.get(name)?.[0] ?? name),
    ]),
  ];
  return {
    expressions,
    before: asWritten(before, inBase, variables.base),
    after: asWritten(after, inHead, variables.head),
  };
}
