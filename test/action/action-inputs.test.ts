// The Action's inputs are declared once, in action.yml: `npm run docs` writes their names and defaults to
// src/action/action-inputs.ts (held there by `npm run docs -- --check`), and inputs.ts reads through that list.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ACTION_INPUT_DEFAULTS } from '../../src/action/action-inputs.js';
import { readInputs } from '../../src/action/inputs.js';
import { PROJECT_DIR } from '../support/git-repo.js';

const action = parse(readFileSync(join(PROJECT_DIR, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
};

/** Every name readInputs asks the runner for, given these inputs (unset ones read as ''). */
function namesRead(given: Record<string, string>): Set<string> {
  const names = new Set<string>();
  readInputs((name) => {
    names.add(name);
    return given[name] ?? '';
  });
  return names;
}

describe("the Action's inputs come from action.yml", () => {
  it('the generated list holds exactly the inputs of action.yml, in its order, with its literal defaults', () => {
    expect(Object.keys(ACTION_INPUT_DEFAULTS)).toEqual(Object.keys(action.inputs));
    for (const [name, input] of Object.entries(action.inputs)) {
      const literal = input.default?.includes('${{') ? undefined : input.default;
      expect({ name, default: ACTION_INPUT_DEFAULTS[name as keyof typeof ACTION_INPUT_DEFAULTS] }).toEqual({
        name,
        default: literal,
      });
    }
  });

  it('readInputs reads every input action.yml declares and no other', () => {
    // a review, and a merge (which reads the reports input on its own path)
    const read = new Set([...namesRead({}), ...namesRead({ mode: 'merge', reports: 'r/*.json' })]);
    expect([...read].sort()).toEqual(Object.keys(action.inputs).sort());
  });

  it("an input not given takes action.yml's default, as the runner would pass it", () => {
    const result = readInputs(() => '');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.inputs).toMatchObject({
      configPath: action.inputs.config.default,
      comment: action.inputs.comment.default,
      mode: action.inputs.mode.default,
      lint: action.inputs.lint.default === 'true',
      workingDirectory: action.inputs['working-directory'].default,
    });
  });
});
