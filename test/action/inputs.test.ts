import { describe, expect, it } from 'vitest';
import { readInputs } from '../../src/action/inputs.js';

/** Inputs as the runner passes them: unset ones read as ''. */
const reader =
  (given: Record<string, string>) =>
  (name: string): string =>
    given[name] ?? '';

describe('action inputs', () => {
  it('falls back to the documented defaults when inputs are empty', () => {
    const result = readInputs(reader({}));
    expect(result).toEqual({
      ok: true,
      inputs: expect.objectContaining({
        comment: 'on-findings',
        mode: 'review',
        lint: false,
        configPath: '.github/chart-guard.yaml',
        workingDirectory: '.',
        values: [],
      }),
    });
    // Left undefined so the config file can choose (lockfile, Kubernetes version) or the core can (helm on PATH).
    if (result.ok) {
      expect(result.inputs.lockfile).toBeUndefined();
      expect(result.inputs.kubernetesVersion).toBeUndefined();
      expect(result.inputs.helm).toBeUndefined();
      // the config's failOn (of the base branch), else error
      expect(result.inputs.failOn).toBeUndefined();
    }
  });

  it('reads values patterns one per line, ignoring blank lines and comments', () => {
    const result = readInputs(reader({ values: 'values/{chart}.yaml\n\n  # staging\r\nenv/prod/{chart}.yaml\n' }));
    expect(result.ok && result.inputs.values).toEqual(['values/{chart}.yaml', 'env/prod/{chart}.yaml']);
  });

  it('normalises the Kubernetes version to a minor version', () => {
    const result = readInputs(reader({ 'kubernetes-version': 'v1.31.4' }));
    expect(result.ok && result.inputs.kubernetesVersion).toBe('1.31');
  });

  it('reports every bad input at once, with the allowed values', () => {
    const result = readInputs(
      reader({ 'fail-on': 'errors', comment: 'sometimes', mode: 'audit', lint: 'yes', 'kubernetes-version': 'latest' }),
    );
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toEqual([
      'input fail-on is "errors"; expected one of: error, warning, never',
      'input comment is "sometimes"; expected one of: always, on-findings, never',
      'input mode is "audit"; expected one of: review, lint, merge',
      'input lint is "yes"; expected true or false',
      'input kubernetes-version is "latest"; expected a version such as 1.31',
    ]);
  });

  it('reads fail-on-existing: unset leaves the choice to the config, a bad value is a problem', () => {
    const unset = readInputs(reader({}));
    expect(unset.ok && unset.inputs.failOnExisting).toBeUndefined();
    expect(readInputs(reader({ 'fail-on-existing': 'true' }))).toMatchObject({
      ok: true,
      inputs: { failOnExisting: true },
    });
    expect(readInputs(reader({ 'fail-on-existing': 'false' }))).toMatchObject({
      ok: true,
      inputs: { failOnExisting: false },
    });
    expect(readInputs(reader({ 'fail-on-existing': 'yes' }))).toEqual({
      ok: false,
      problems: ['input fail-on-existing is "yes"; expected true or false'],
    });
  });

  it('reads the render cache folder and its size bound', () => {
    const none = readInputs(reader({}));
    expect(none.ok && [none.inputs.cacheDir, none.inputs.cacheMaxMb]).toEqual([undefined, undefined]);
    const given = readInputs(reader({ 'cache-dir': '.chart-guard-cache', 'cache-max-mb': '256' }));
    expect(given.ok && [given.inputs.cacheDir, given.inputs.cacheMaxMb]).toEqual(['.chart-guard-cache', 256]);
    expect(readInputs(reader({ 'cache-dir': 'c', 'cache-max-mb': '1.5' }))).toEqual({
      ok: false,
      problems: ['input cache-max-mb is "1.5"; expected a whole number of MiB, at least 1'],
    });
  });

  it('accepts the YAML spellings of true for lint', () => {
    expect(readInputs(reader({ lint: 'True' }))).toMatchObject({ ok: true, inputs: { lint: true } });
  });

  it('reads shard as INDEX/COUNT, a bad one is a problem', () => {
    expect(readInputs(reader({ shard: '2/3' }))).toMatchObject({ ok: true, inputs: { shard: { index: 2, count: 3 } } });
    expect(readInputs(reader({ shard: '4/3' }))).toEqual({
      ok: false,
      problems: ['input shard index must be between 1 and 3 (got "4/3")'],
    });
  });

  it('needs reports with mode: merge, and takes no shard there', () => {
    expect(readInputs(reader({ mode: 'merge', reports: 'reports/*.json' }))).toMatchObject({
      ok: true,
      inputs: { mode: 'merge', reports: 'reports/*.json' },
    });
    expect(readInputs(reader({ mode: 'merge', shard: '1/2' }))).toEqual({
      ok: false,
      problems: [
        'input shard is for review and lint, not mode: merge',
        'input reports is required with mode: merge (a glob of the shard reports, e.g. reports/*.json)',
      ],
    });
  });
});
