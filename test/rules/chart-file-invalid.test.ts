import { describe, expect, it } from 'vitest';
import { chartFileInvalid } from '../../src/core/rules/chart-file-invalid.js';
import { changeOf, loadedChart, lockfile, ruleContext } from './support/contexts.js';

const headLockfile = lockfile('  - name: redis\n    version: 18.0.0\n    repo_name: bitnami\n');
const problem = { file: 'charts/redis/values.yaml', line: 4, message: 'charts/redis/values.yaml is not valid YAML' };

describe('chart-file-invalid', () => {
  it("reports each problem of the new chart's own files with its file and line", () => {
    const head = loadedChart('charts/redis', { name: 'redis', version: '18.0.0' }, { problems: [problem] });
    expect(chartFileInvalid.check(ruleContext({ change: changeOf('redis', headLockfile), head }))).toEqual([problem]);
  });

  it('ignores problems of the old version: only the deployed files count', () => {
    const base = loadedChart('charts/redis', { name: 'redis', version: '17.0.0' }, { problems: [problem] });
    const head = loadedChart('charts/redis', { name: 'redis', version: '18.0.0' });
    expect(chartFileInvalid.check(ruleContext({ change: changeOf('redis', headLockfile), base, head }))).toEqual([]);
  });
});
