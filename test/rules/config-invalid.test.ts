import { describe, expect, it } from 'vitest';
import { configInvalid } from '../../src/core/rules/config-invalid.js';
import { testConfig } from '../values/helpers.js';
import { repoContext } from './support/contexts.js';

describe('config-invalid', () => {
  it("reports each of the config's problems with its file and line", () => {
    const problem = { file: '.github/chart-guard.yaml', line: 5, message: 'unknown key "rendr"' };
    expect(configInvalid.check(repoContext({ config: testConfig({ problems: [problem] }) }))).toEqual([problem]);
  });

  it('is silent for a config without problems', () => {
    expect(configInvalid.check(repoContext())).toEqual([]);
  });
});
