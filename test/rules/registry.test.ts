// The rule registry (src/core/rules/index.ts) is the single source: the RuleId type and the config's rule ids agree
// with it (the README's rule table and the schema's rule ids are written from it by `npm run docs`, checked by
// test/docs/generated-docs.test.ts), its declarations are consistent, and every rule id is exercised by a test.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../src/core/config.js';
import type { RuleId } from '../../src/core/report.js';
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
      ...runConditions,
    ]);
    expect(lint.repo.map((r) => r.id)).toEqual([
      'lockfile-invalid',
      'config-invalid',
      'chart-dir-orphan',
      'override-file-orphan',
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

  it('has every rule id exercised by a test: named in an assertion, or its module imported and checked', () => {
    const tests = filesUnder(join(ROOT, 'test')).filter((path) => !path.endsWith('registry.test.ts'));
    const sources = tests.map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, 'utf8') }));
    const exercised = (id: RuleId) =>
      sources.filter(({ text }) => {
        if (text.includes(`/rules/${id}.js'`)) return true;
        return text
          .split('\n')
          .some((line) => line.includes(`'${id}'`) && /expect\(|rule === |byRule\(|ofRule\(/.test(line));
      });
    const untested = ids.filter((id) => exercised(id).length === 0);
    expect(untested).toEqual([]);
  });
});
