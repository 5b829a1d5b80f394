import { afterAll, describe, expect, it } from 'vitest';
import { chartContext } from '../../src/core/chart-context.js';
import type { OverrideFile } from '../../src/core/model.js';
import { overrideKeyRemoved } from '../../src/core/rules/override-key-removed.js';
import { overrideKeyUnknown } from '../../src/core/rules/override-key-unknown.js';
import { overrideProofIncomplete } from '../../src/core/rules/override-proof-incomplete.js';
import { overrideSchemaViolation } from '../../src/core/rules/override-schema-violation.js';
import { overrideTypeChanged } from '../../src/core/rules/override-type-changed.js';
import { valuesFileInvalid, valuesFilePartial } from '../../src/core/rules/values-file-invalid.js';
import { bumpContext, CorpusCharts, overrideFile } from './helpers.js';

const corpus = new CorpusCharts();
afterAll(() => corpus.cleanup());

const MARIADB = 'mariadb-7.10.4-to-8.0.0';
const BLACKBOX = 'prometheus-blackbox-exporter-9.8.0-to-10.0.0';
const ALERTMANAGER = 'alertmanager-1.25.0-to-1.26.0';

const mariadbOverrides = () =>
  overrideFile(
    'values/mariadb.yaml',
    [
      'image:',
      '  tag: 10.5.5',
      'master:',
      '  persistence:',
      '    size: 20Gi',
      'rootUser:',
      '  password: s3cret',
      'typo: 1',
    ].join('\n'),
  );

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
  });

  it('kafka-exporter 2 -> 3: rbac.pspEnabled is removed with no suggestion', async () => {
    const pair = await corpus.load('prometheus-kafka-exporter-2.18.0-to-3.0.0');
    const [finding, ...rest] = overrideKeyRemoved.check(
      bumpContext(pair, [overrideFile('values/kafka-exporter.yaml', 'rbac:\n  pspEnabled: true\n')]),
    );
    expect(rest).toEqual([]);
    expect(finding.path).toBe('rbac.pspEnabled');
    expect(finding.message).not.toContain('Did you mean');
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

describe('override-key-unknown', () => {
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

describe('override-type-changed', () => {
  it('blackbox 9 -> 10: a map-style extraEnv gets one warning with the before/after types', async () => {
    const pair = await corpus.load(BLACKBOX);
    const file = overrideFile('values/blackbox.yaml', 'extraEnv:\n  HTTP_PROXY: http://proxy\n  NO_PROXY: localhost\n');
    const findings = overrideTypeChanged.check(bumpContext(pair, [file]));
    expect(findings).toEqual([
      expect.objectContaining({
        path: 'extraEnv',
        file: 'values/blackbox.yaml',
        line: 2,
        before: 'map',
        after: 'list',
      }),
    ]);
    expect(findings[0].message).toBe(
      '`extraEnv` is set as a map, but prometheus-blackbox-exporter 10.0.0 changed its default from a map to a list.',
    );
  });

  it('does not fire for a list-style extraEnv', async () => {
    const pair = await corpus.load(BLACKBOX);
    const file = overrideFile('values/blackbox.yaml', 'extraEnv:\n  - name: HTTP_PROXY\n    value: http://proxy\n');
    expect(overrideTypeChanged.check(bumpContext(pair, [file]))).toEqual([]);
  });

  it('blackbox 9 -> 10: extraEnvFromSecret is reported as removed with its successor, not as a type change', async () => {
    const pair = await corpus.load(BLACKBOX);
    const file = overrideFile('values/blackbox.yaml', 'extraEnvFromSecret:\n  - my-secret\n');
    const ctx = bumpContext(pair, [file]);
    expect(overrideTypeChanged.check(ctx)).toEqual([]);
    const [removed] = overrideKeyRemoved.check(ctx);
    expect(removed.message).toContain('Did you mean `extraEnvFrom`?');
  });
});

describe('override-schema-violation', () => {
  it('alertmanager 1.26: rejects a wrong type at its override line', async () => {
    const pair = await corpus.load(ALERTMANAGER);
    const file = overrideFile('values/am.yaml', 'replicaCount: 1\npersistence:\n  size: 10\n');
    const findings = overrideSchemaViolation.check(bumpContext(pair, [file]));
    expect(findings).toEqual([expect.objectContaining({ path: 'persistence.size', file: 'values/am.yaml', line: 3 })]);
    expect(findings[0].message).toContain('persistence.size must be string');
    expect(overrideSchemaViolation.severity).toBe('error');
  });

  it('does not fire for values the schema accepts, nor for a chart without a schema', async () => {
    const alertmanager = await corpus.load(ALERTMANAGER);
    const ok = overrideFile('values/am.yaml', 'persistence:\n  size: 10Gi\n  labels:\n    team: x\n');
    expect(overrideSchemaViolation.check(bumpContext(alertmanager, [ok]))).toEqual([]);
    const blackbox = await corpus.load(BLACKBOX);
    const any = overrideFile('values/bb.yaml', 'replicas: not-a-number\n');
    expect(overrideSchemaViolation.check(bumpContext(blackbox, [any]))).toEqual([]);
  });
});

describe('values-file-invalid and values-file-partial', () => {
  const broken: OverrideFile = {
    path: 'values/broken.yaml',
    values: {},
    keys: [],
    skipped: [],
    error: { file: 'values/broken.yaml', line: 3, message: 'values/broken.yaml is not valid YAML: bad indentation' },
  };
  const templated: OverrideFile = {
    path: 'values/templated.yaml',
    values: { a: 1 },
    keys: [],
    skipped: [
      { line: 2, text: '{% if prod %}' },
      { line: 4, text: '{% endif %}' },
    ],
  };

  it('reports an unparsable override file with its line', async () => {
    const pair = await corpus.load(BLACKBOX);
    expect(valuesFileInvalid.check(bumpContext(pair, [broken, templated]))).toEqual([
      expect.objectContaining({ file: 'values/broken.yaml', line: 3, message: broken.error!.message }),
    ]);
    expect(valuesFileInvalid.severity).toBe('error');
  });

  it('lists the skipped template lines of a templated file as a notice', async () => {
    const pair = await corpus.load(BLACKBOX);
    const findings = valuesFilePartial.check(bumpContext(pair, [broken, templated]));
    expect(findings).toEqual([expect.objectContaining({ file: 'values/templated.yaml', line: 2 })]);
    expect(findings[0].message).toContain('2: {% if prod %}; 4: {% endif %}');
    expect(valuesFilePartial.severity).toBe('notice');
  });

  it('says nothing about well-formed plain files', async () => {
    const pair = await corpus.load(BLACKBOX);
    const plain = overrideFile('values/plain.yaml', 'replicas: 2\n');
    const ctx = bumpContext(pair, [plain]);
    expect([...valuesFileInvalid.check(ctx), ...valuesFilePartial.check(ctx)]).toEqual([]);
  });
});

describe('the ignored-key proof (ChartContext.ignoredKeyProof)', () => {
  const proof = (ignored: string[], extra: object = {}) => ({
    ignored,
    used: [],
    unproven: [],
    renders: 1,
    durationMs: 10,
    cap: 8,
    ...extra,
  });
  // mariadb 8.0.0 has `primary` but no `primary.labels`: a free-form name where the chart has no such map (weak)
  const weakFile = () =>
    overrideFile(
      'values/mariadb.yaml',
      ['primary:', '  labels:', '    team: db', 'image:', '  tag: 10.5.5'].join('\n'),
    );

  it('a weakly accepted key stays accepted without a proof', async () => {
    const ctx = bumpContext(await corpus.load(MARIADB), [weakFile()]);
    expect(overrideKeyUnknown.check(ctx)).toEqual([]);
    expect(overrideKeyRemoved.check(ctx)).toEqual([]);
  });

  it('a weakly accepted key the proof found ignored is reported, with the render as evidence', async () => {
    const ctx = chartContext({
      ...bumpContext(await corpus.load(MARIADB), [weakFile()]),
      ignoredKeyProof: proof(['primary.labels.team']),
    });
    const findings = overrideKeyUnknown.check(ctx);
    expect(findings.map((f) => [f.path, f.line])).toEqual([['primary.labels.team', 3]]);
    expect(findings[0].message).toContain('removing it does not change the rendered manifests: Helm ignores it');
  });

  it('a proof never overrides strong evidence: a key in the defaults is not reported', async () => {
    const ctx = chartContext({
      ...bumpContext(await corpus.load(MARIADB), [weakFile()]),
      ignoredKeyProof: proof(['image.tag']),
    });
    expect(overrideKeyUnknown.check(ctx)).toEqual([]);
    expect(overrideKeyRemoved.check(ctx)).toEqual([]);
  });

  it('override-proof-incomplete says when the cap left keys unproven, at the first of them', async () => {
    const ctx = chartContext({
      ...bumpContext(await corpus.load(MARIADB), [weakFile()]),
      ignoredKeyProof: proof([], { unproven: ['primary.labels.team'], stopped: 'cap' as const, renders: 8 }),
    });
    const findings = overrideProofIncomplete.check(ctx);
    expect(findings.map((f) => [f.path, f.file, f.line])).toEqual([['primary.labels.team', 'values/mariadb.yaml', 3]]);
    expect(findings[0].message).toContain('cap of 8 extra render(s)');
    expect(overrideProofIncomplete.check(bumpContext(await corpus.load(MARIADB), [weakFile()]))).toEqual([]);
  });
});
