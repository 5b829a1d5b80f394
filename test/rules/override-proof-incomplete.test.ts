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
  // mariadb 8.0.0 has `primary` but no `primary.labels`, and no template reads it: a free-form name where the chart
  // has no such map, which only the render proof can clear
  const weakFile = () =>
    overrideFile(
      'values/mariadb.yaml',
      ['primary:', '  labels:', '    team: db', 'image:', '  tag: 10.5.5'].join('\n'),
    );
  /** The same bump, with a head template reading `primary.labels` whole: `primary.labels.team` is read above. */
  const readAbove = async () => {
    const pair = await corpus.load(MARIADB);
    return { ...pair, head: { ...pair.head, templateReads: [...pair.head.templateReads, ['primary', 'labels']] } };
  };

  it('a key below a free-form name the chart does not have, which nothing reads, is reported without a proof', async () => {
    const ctx = bumpContext(await corpus.load(MARIADB), [weakFile()]);
    const findings = overrideKeyUnknown.check(ctx);
    expect(findings.map((f) => [f.path, f.line])).toEqual([['primary.labels.team', 3]]);
    expect(findings[0].message).toContain('no template reads it: Helm ignores it');
    expect(overrideKeyRemoved.check(ctx)).toEqual([]);
  });

  it('such a key the proof found used (the render changed without it) is not reported', async () => {
    const ctx = chartContext({
      ...bumpContext(await corpus.load(MARIADB), [weakFile()]),
      ignoredKeyProof: proof([], { used: ['primary.labels.team'] }),
    });
    expect(overrideKeyUnknown.check(ctx)).toEqual([]);
    expect(ctx.coverage().find((c) => c.key.line === 3)).toMatchObject({ status: 'ok', acceptedBy: 'render-proof' });
  });

  it('a key read through a map above it stays accepted without a proof', async () => {
    const ctx = bumpContext(await readAbove(), [weakFile()]);
    expect(overrideKeyUnknown.check(ctx)).toEqual([]);
    expect(overrideKeyRemoved.check(ctx)).toEqual([]);
  });

  it('a weak key the proof found ignored is reported, with the render as evidence', async () => {
    for (const pair of [await corpus.load(MARIADB), await readAbove()]) {
      const ctx = chartContext({ ...bumpContext(pair, [weakFile()]), ignoredKeyProof: proof(['primary.labels.team']) });
      const findings = overrideKeyUnknown.check(ctx);
      expect(findings.map((f) => [f.path, f.line])).toEqual([['primary.labels.team', 3]]);
      expect(findings[0].message).toContain('removing it does not change the rendered manifests: Helm ignores it');
    }
  });

  it('a proof never overrides strong evidence: a key in the defaults is not reported', async () => {
    const ctx = chartContext({
      ...bumpContext(await readAbove(), [weakFile()]),
      ignoredKeyProof: proof(['image.tag']),
    });
    expect(overrideKeyUnknown.check(ctx)).toEqual([]);
    expect(overrideKeyRemoved.check(ctx)).toEqual([]);
  });

  it('override-proof-incomplete says when the cap left keys unproven, at the first of them', async () => {
    const ctx = chartContext({
      ...bumpContext(await readAbove(), [weakFile()]),
      ignoredKeyProof: proof([], { unproven: ['primary.labels.team'], stopped: 'cap' as const, renders: 8 }),
    });
    const findings = overrideProofIncomplete.check(ctx);
    expect(findings.map((f) => [f.path, f.file, f.line])).toEqual([['primary.labels.team', 'values/mariadb.yaml', 3]]);
    expect(findings[0].message).toContain('cap of 8 extra render(s)');
    expect(overrideProofIncomplete.check(bumpContext(await readAbove(), [weakFile()]))).toEqual([]);
  });

  it('override-proof-incomplete leaves out unproven keys nothing reads: those are reported already', async () => {
    const ctx = chartContext({
      ...bumpContext(await corpus.load(MARIADB), [weakFile()]),
      ignoredKeyProof: proof([], { unproven: ['primary.labels.team'], stopped: 'cap' as const, renders: 8 }),
    });
    expect(overrideProofIncomplete.check(ctx)).toEqual([]);
    expect(overrideKeyUnknown.check(ctx).map((f) => f.path)).toEqual(['primary.labels.team']);
  });
});
