// The rule registry (src/core/rules/index.ts) is the single source: the RuleId type and the config's rule ids agree
// with it (the README's rule table and the schema's rule ids are written from it by `npm run docs`, checked by
// test/docs/generated-docs.test.ts), its declarations are consistent, and every rule id is exercised by a test.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../src/core/config/config.js';
import type { RuleId } from '../../src/core/report/report.js';
import { allRules, rulesFor } from '../../src/core/rules/index.js';
import { ruleCrashed } from '../../src/core/rules/rule-crashed.js';

const ROOT = join(import.meta.dirname, '../..');
// rule-crashed is the runner's own finding: it has an id and a severity, and no check
const everyRule = [...allRules, ruleCrashed];
const ids = everyRule.map((rule) => rule.id);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : filesUnder(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('the rule registry', () => {
  it('lists each rule once, and each rule lives in the file named after its id', () => {
    expect(new Set(ids).size).toBe(ids.length);
    const files = readdirSync(join(ROOT, 'src/core/rules'));
    for (const rule of allRules) {
      const own = files.includes(`${rule.id}.ts`);
      // values-file-partial is values-file-invalid's sibling: one reader, two findings
      const source = own ? rule.id : 'values-file-invalid';
      expect(readFileSync(join(ROOT, 'src/core/rules', `${source}.ts`), 'utf8'), rule.id).toContain(`id: '${rule.id}'`);
    }
  });

  it('is what the RuleId type and the config accept: the same ids (RULE_IDS is a complete Record<RuleId, true>)', () => {
    expect(Object.keys(RULE_IDS).sort()).toEqual([...ids].sort());
  });

  it('declares modes and needs that agree: a rule that compares with the base runs in reviews only', () => {
    for (const rule of allRules) {
      expect(rule.modes.length, rule.id).toBeGreaterThan(0);
      if (rule.needs.base) expect(rule.modes, rule.id).toEqual(['review']);
      if (rule.scope === 'repo') expect(rule.needs.environment, rule.id).toBeUndefined();
      if (rule.scope === 'chart') expect(rule.needs.acceptances, rule.id).toBeUndefined();
    }
  });

  it('gives each mode its rules in registry order, acceptance rules last', () => {
    const review = rulesFor('review');
    const lint = rulesFor('lint');
    expect(review.chart.map((r) => r.id)).toContain('immutable-field-changed');
    expect(lint.chart.map((r) => r.id)).not.toContain('immutable-field-changed');
    expect(lint.chart.map((r) => r.id)).toContain('code-set-key-undeclared');
    // the run conditions (issue 10 §3) are said once per run, in both modes
    const runConditions = ['render-skipped', 'values-pattern-unmatched', 'kube-version-unset'];
    expect(review.repo.map((r) => r.id)).toEqual([
      'lockfile-invalid',
      'config-invalid',
      'policy-changed',
      'chart-runs-nowhere',
      ...runConditions,
    ]);
    expect(lint.repo.map((r) => r.id)).toEqual([
      'lockfile-invalid',
      'config-invalid',
      'chart-dir-orphan',
      'override-file-orphan',
      'chart-runs-nowhere',
      ...runConditions,
    ]);
    for (const plan of [review, lint]) {
      expect(plan.acceptances.map((r) => r.id)).toEqual(['acceptance-expired', 'acceptance-stale']);
      const order = [...plan.chart, ...plan.repo, ...plan.acceptances].map((r) => allRules.indexOf(r));
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
  });

  it('has one test file per rule, named after its id, and test/rules holds only rule tests', () => {
    const files = readdirSync(join(ROOT, 'test/rules')).filter((name) => name.endsWith('.test.ts'));
    const missing = ids.filter((id) => !files.includes(`${id}.test.ts`));
    expect(missing).toEqual([]);
    const others = files.filter(
      (name) => name !== 'registry.test.ts' && !ids.includes(name.slice(0, -'.test.ts'.length) as RuleId),
    );
    expect(others).toEqual([]);
  });

  it('has every rule id exercised by a test: named in an assertion on findings, or the rule run', () => {
    const tests = filesUnder(join(ROOT, 'test')).filter((path) => !path.endsWith('registry.test.ts'));
    const sources = tests.map((path) => readFileSync(path, 'utf8'));
    const untested = ids.filter((id) => !sources.some((text) => exercises(text, id)));
    expect(untested).toEqual([]);
  });

  it('does not count a rule as exercised when a test only imports its module or mentions its id', () => {
    const module = `/src/core/rules/crd-moved.js'`;
    expect(exercises(`import { crdMoved } from '../..${module};\nexpect(crdMoved).toBeDefined();`, 'crd-moved')).toBe(
      false,
    );
    expect(exercises(`const ids = ['crd-moved'];\nexpect(ids).toHaveLength(1);`, 'crd-moved')).toBe(false);
    expect(exercises(`expect(run(crdMoved, ctx)).toEqual([]);`, 'crd-moved')).toBe(true);
    expect(
      exercises(`import { crdMoved } from '../..${module};\nconst found = crdMoved.check(ctx);`, 'crd-moved'),
    ).toBe(true);
    expect(exercises(`expect(byRule(report, 'crd-moved')).toHaveLength(1);`, 'crd-moved')).toBe(true);
  });
});

/** The name a rule's module exports it under: the const whose object declares `id: '<id>'`. */
function exportName(id: RuleId): string | undefined {
  const files = readdirSync(join(ROOT, 'src/core/rules')).filter((name) => name.endsWith('.ts'));
  for (const file of files) {
    const source = readFileSync(join(ROOT, 'src/core/rules', file), 'utf8');
    const declared = new RegExp(`export const (\\w+) = \\{\\n  id: '${id}',`).exec(source);
    if (declared) return declared[1];
  }
  return undefined;
}

/**
 * A test exercises a rule when it names the id on a line that asserts on findings (expect, rule ===, byRule, ofRule),
 * or runs the rule: calls its check (`crdMoved.check(`), or hands it to a runner (`runChartRules([crdMoved]`,
 * `run(crdMoved, ...)`). Importing the module, or asserting only that it exists, checks nothing.
 */
function exercises(text: string, id: RuleId): boolean {
  const named = text
    .split('\n')
    .some((line) => line.includes(`'${id}'`) && /expect\(|rule === |byRule\(|ofRule\(/.test(line));
  if (named) return true;
  const name = exportName(id);
  if (!name) return false;
  const runs = [`\\b${name}\\.check\\(`, `Rules\\(\\[[^\\]]*\\b${name}\\b`, `\\b(?!expect\\()\\w+\\(\\s*${name}\\s*,`];
  return runs.some((pattern) => new RegExp(pattern).test(text));
}
