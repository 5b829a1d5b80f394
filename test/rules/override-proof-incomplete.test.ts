import { afterAll, describe, expect, it } from 'vitest';
import { chartContext } from '../../src/core/model/chart-context.js';
import { overrideKeyRemoved } from '../../src/core/rules/override-key-removed.js';
import { overrideKeyUnknown } from '../../src/core/rules/override-key-unknown.js';
import { overrideProofIncomplete } from '../../src/core/rules/override-proof-incomplete.js';
import { bumpContext, CorpusCharts, overrideFile } from '../values/helpers.js';
import { MARIADB } from './support/overrides.js';

const corpus = new CorpusCharts();
afterAll(() => corpus.cleanup());

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
