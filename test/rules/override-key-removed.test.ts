import { afterAll, describe, expect, it } from 'vitest';
import { overrideKeyRemoved } from '../../src/core/rules/override-key-removed.js';
import { bumpContext, CorpusCharts, overrideFile } from '../values/helpers.js';
import { MARIADB, mariadbOverrides } from './support/overrides.js';

const corpus = new CorpusCharts();
afterAll(() => corpus.cleanup());

describe('override-key-removed', () => {
  it('reports keys below a removed free-form map once, at the first key, naming each key', async () => {
    const pair = await corpus.load(MARIADB);
    const file = overrideFile(
      'values/mariadb.yaml',
      [
        'master:',
        '  resources:',
        '    requests:',
        '      cpu: 250m',
        '      memory: 256Mi',
        '  persistence:',
        '    size: 20Gi',
      ].join('\n'),
    );
    const findings = overrideKeyRemoved.check(bumpContext(pair, [file]));
    expect(findings.map((f) => [f.path, f.line])).toEqual([
      ['master.resources', 4],
      ['master.persistence.size', 7],
    ]);
    expect(findings[0].message).toContain(
      '(set here: `master.resources.requests.cpu`, `master.resources.requests.memory`)',
    );
    expect(findings[0].message).toContain('Did you mean `primary.resources`?');
  });

  it('mariadb 7 -> 8: names the key, file, line, old default and the likely new key', async () => {
    const pair = await corpus.load(MARIADB);
    const findings = overrideKeyRemoved.check(bumpContext(pair, [mariadbOverrides()]));
    expect(findings.map((f) => [f.path, f.file, f.line])).toEqual([
      ['master.persistence.size', 'values/mariadb.yaml', 5],
      ['rootUser.password', 'values/mariadb.yaml', 7],
    ]);
    const [size] = findings;
    expect(size.message).toBe(
      "`master.persistence.size` was in mariadb 7.10.4's defaults and is gone from 8.0.0: Helm will silently ignore it. Did you mean `primary.persistence.size`?",
    );
    expect(size.before).toBe('8Gi');
    expect(size.remedy).toContain('to `primary.persistence.size` in values/mariadb.yaml');
    expect(findings[1].message).toContain('Did you mean `auth.rootPassword`?');
    // the same suggestion as a field, for the comment's did-you-mean column
    expect(findings.map((f) => f.suggestion)).toEqual(['primary.persistence.size', 'auth.rootPassword']);
    expect(overrideKeyRemoved.severity).toBe('error');
  });

  it('checks code-set keys from the config the same way, pointing at the config file', async () => {
    const pair = await corpus.load(MARIADB);
    const codeSet = [
      {
        path: ['master', 'persistence', 'size'],
        value: undefined,
        file: '.github/chart-guard.yaml',
        line: 9,
        source: 'config' as const,
      },
    ];
    const [finding] = overrideKeyRemoved.check(bumpContext(pair, [], codeSet));
    expect(finding).toMatchObject({ file: '.github/chart-guard.yaml', line: 9, path: 'master.persistence.size' });
    // the key comes from the deploy code's --set: the fix is there, the config entry follows it
    expect(finding.remedy).toBe(
      'The deploy code passes `--set master.persistence.size=...`: change it there to `--set primary.persistence.size=...`, then update the `set:` entry in .github/chart-guard.yaml to match.',
    );
  });

  it('kafka-exporter 2 -> 3: rbac.pspEnabled is removed with no suggestion', async () => {
    const pair = await corpus.load('prometheus-kafka-exporter-2.18.0-to-3.0.0');
    const [finding, ...rest] = overrideKeyRemoved.check(
      bumpContext(pair, [overrideFile('values/kafka-exporter.yaml', 'rbac:\n  pspEnabled: true\n')]),
    );
    expect(rest).toEqual([]);
    expect(finding.path).toBe('rbac.pspEnabled');
    expect(finding.message).not.toContain('Did you mean');
    expect(finding.suggestion).toBeUndefined();
  });

  it('does not fire for mariadb 19 -> 20 global.storageClass, which common still reads', async () => {
    const pair = await corpus.load('mariadb-19.1.2-to-20.0.0');
    const file = overrideFile('values/mariadb.yaml', 'global:\n  storageClass: fast\n');
    expect(overrideKeyRemoved.check(bumpContext(pair, [file]))).toEqual([]);
  });

  it('does not fire for an added chart (no old defaults) nor a removed one', async () => {
    const { name, head, base } = await corpus.load(MARIADB);
    expect(overrideKeyRemoved.check(bumpContext({ name, head }, [mariadbOverrides()]))).toEqual([]);
    expect(overrideKeyRemoved.check(bumpContext({ name, base }, [mariadbOverrides()]))).toEqual([]);
  });
});
