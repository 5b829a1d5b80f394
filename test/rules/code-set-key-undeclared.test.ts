import { describe, expect, it } from 'vitest';
import { codeSetKeyUndeclared } from '../../src/core/rules/code-set-key-undeclared.js';
import { overrideFile } from '../values/helpers.js';
import { changeOf, loadedChart, lockfile, ruleContext } from './support/contexts.js';

const headLockfile = lockfile('  - name: redis\n    version: 18.0.0\n    repo_name: bitnami\n');
const head = loadedChart('charts/redis', { name: 'redis', version: '18.0.0' }, { defaults: { image: { tag: '7' } } });
const codeSet = overrideFile('.github/chart-guard.yaml', 'image:\n  tag: x\nauth:\n  password: x\n', 'config').keys;

describe('code-set-key-undeclared', () => {
  it('warns about a code-set key in neither the defaults nor the override files, at the config line', () => {
    const ctx = ruleContext({ change: changeOf('redis', headLockfile), head, codeSet });
    expect(codeSetKeyUndeclared.check(ctx)).toEqual([
      expect.objectContaining({ path: 'auth.password', file: '.github/chart-guard.yaml', line: 4 }),
    ]);
  });

  it('accepts a key an override file declares', () => {
    const overrides = [overrideFile('values/redis.yaml', 'auth:\n  password: ""\n')];
    const ctx = ruleContext({ change: changeOf('redis', headLockfile), head, codeSet, overrides });
    expect(codeSetKeyUndeclared.check(ctx)).toEqual([]);
  });
});
