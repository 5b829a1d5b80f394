import { afterAll, describe, expect, it } from 'vitest';
import { overrideKeyUnknown } from '../../src/core/rules/override-key-unknown.js';
import { bumpContext, CorpusCharts, overrideFile } from '../values/helpers.js';
import { MARIADB, mariadbOverrides } from './support/overrides.js';

const corpus = new CorpusCharts();
afterAll(() => corpus.cleanup());

describe('override-key-unknown', () => {
  it("gives a code-set key that no version knows the deploy code's --set as its remedy", async () => {
    const pair = await corpus.load(MARIADB);
    const codeSet = [
      { path: ['typo'], value: undefined, file: '.github/chart-guard.yaml', line: 4, source: 'config' as const },
    ];
    const [finding] = overrideKeyUnknown.check(bumpContext(pair, [], codeSet));
    expect(finding).toMatchObject({ file: '.github/chart-guard.yaml', line: 4, path: 'typo' });
    expect(finding.remedy).toBe(
      'The deploy code passes `--set typo=...`: change it there (or drop it), then update the `set:` entry in .github/chart-guard.yaml to match.',
    );
  });

  it('warns about a key in neither version', async () => {
    const pair = await corpus.load(MARIADB);
    const findings = overrideKeyUnknown.check(bumpContext(pair, [mariadbOverrides()]));
    expect(findings).toEqual([
      expect.objectContaining({
        path: 'typo',
        file: 'values/mariadb.yaml',
        line: 8,
        message: `\`typo\` is in neither mariadb 7.10.4's nor 8.0.0's defaults and no template reads it: Helm ignores it.`,
      }),
    ]);
    expect(overrideKeyUnknown.severity).toBe('warning');
  });

  it('names the version once when only the override files changed (same version at base and head)', async () => {
    const { name, head } = await corpus.load(MARIADB);
    const findings = overrideKeyUnknown.check(bumpContext({ name, base: head, head }, [mariadbOverrides()]));
    expect(findings.find((f) => f.path === 'typo')?.message).toBe(
      `\`typo\` is not in mariadb 8.0.0's defaults and no template reads it: Helm ignores it.`,
    );
  });

  it('checks against the head alone for an added chart (and a whole-repo lint)', async () => {
    const { name, head } = await corpus.load(MARIADB);
    const findings = overrideKeyUnknown.check(bumpContext({ name, head }, [mariadbOverrides()]));
    expect(findings.map((f) => f.path)).toEqual(['master.persistence.size', 'rootUser.password', 'typo']);
  });

  it('does not fire for known, free-form and template-read keys', async () => {
    const pair = await corpus.load(MARIADB);
    const file = overrideFile(
      'values/mariadb.yaml',
      'image:\n  tag: x\nprimary:\n  podAnnotations:\n    a: b\npodLabels:\n  team: x\n',
    );
    expect(overrideKeyUnknown.check(bumpContext(pair, [file]))).toEqual([]);
  });
});
