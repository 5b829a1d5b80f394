import { describe, expect, it } from 'vitest';
import { lockfileInvalid } from '../../src/core/rules/lockfile-invalid.js';
import { lockfile, repoContext } from './support/contexts.js';

describe('lockfile-invalid', () => {
  it("reports the lockfile's problems at their lines", () => {
    const head = lockfile('  - name: redis\n    repo_name: bitnami\n');
    const findings = lockfileInvalid.check(repoContext({ head }));
    expect(findings).toEqual([expect.objectContaining({ file: 'helm-freeze.yaml', line: 2 })]);
    expect(findings[0].message).toContain('version');
  });

  it('is silent for a valid lockfile', () => {
    expect(lockfileInvalid.check(repoContext())).toEqual([]);
  });
});
