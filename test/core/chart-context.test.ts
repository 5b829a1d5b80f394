// The facts several rules share are members of the chart context, worked out once per context on first use, and
// never carried over to a copy with other inputs (the context completed by the ignored-key proof has its own).
import { afterAll, describe, expect, it } from 'vitest';
import { chartContext } from '../../src/core/model/chart-context.js';
import { tinyPairContext } from '../support/render-corpus.js';
import { bumpContext, CorpusCharts, overrideFile } from '../values/helpers.js';

const corpus = new CorpusCharts();
afterAll(() => corpus.cleanup());
const MARIADB = 'mariadb-7.10.4-to-8.0.0';

// mariadb 8.0.0 has `primary` but no `primary.labels`: a free-form name where the chart has no such map, read by no
// template: unknown, until a render proof finds the key used
const weakFile = () =>
  overrideFile('values/mariadb.yaml', ['primary:', '  labels:', '    team: db', 'image:', '  tag: 10.5.5'].join('\n'));
const proof = { ignored: [], used: ['primary.labels.team'], unproven: [], renders: 1, durationMs: 10, cap: 8 };

describe('ChartContext facts', () => {
  it('works out override coverage once per context, and afresh for the context the proof completes', async () => {
    const ctx = bumpContext(await corpus.load(MARIADB), [weakFile()]);
    const coverage = ctx.coverage();
    expect(ctx.coverage()).toBe(coverage);
    const status = (c: ReturnType<typeof ctx.coverage>) => c.map((k) => [k.path.join('.'), k.status]);
    expect(status(coverage)).toEqual([
      ['primary.labels.team', 'unknown'],
      ['image.tag', 'ok'],
    ]);
    // a spread copy is plain inputs: it carries no facts worked out from the inputs before the proof
    const copy = { ...ctx, ignoredKeyProof: proof };
    expect('coverage' in copy).toBe(false);
    const proven = chartContext(copy);
    expect(status(proven.coverage())).toEqual([
      ['primary.labels.team', 'ok'],
      ['image.tag', 'ok'],
    ]);
    expect(status(ctx.coverage())).toEqual(status(coverage));
  });

  it('checks the schema only when a value could break it, once', async () => {
    const pair = await corpus.load(MARIADB);
    expect(bumpContext(pair, []).schemaCheck()).toBeUndefined();
    const ctx = bumpContext(pair, [overrideFile('values/mariadb.yaml', 'image:\n  tag: 10.5.5\n')]);
    const check = ctx.schemaCheck();
    expect(ctx.schemaCheck()).toBe(check);
    expect(check?.violations).toEqual([]);
    // mariadb 8.0.0's schema types primary.persistence.enabled as a boolean
    const wrong = bumpContext(pair, [
      overrideFile('values/mariadb.yaml', 'primary:\n  persistence:\n    enabled: yes-please\n'),
    ]);
    expect(wrong.schemaCheck()?.violations.map((v) => [v.key?.line, v.keyword])).toEqual([[3, 'type']]);
  });

  it('matches the objects of two successful renders once, and none when a side did not render', () => {
    const cm = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}}\ndata: {a: b}\n`;
    const ctx = tinyPairContext(
      'web',
      { 'templates/a.yaml': cm('a'), 'templates/b.yaml': cm('b') },
      { 'templates/a.yaml': cm('a'), 'templates/c.yaml': cm('c') },
    );
    const match = ctx.matchedRenders();
    expect(ctx.matchedRenders()).toBe(match);
    const names = (list: { ref: { name: string } }[] = []) => list.map((m) => m.ref.name);
    expect(names(match?.matched.map((m) => m.head))).toEqual(['a']);
    expect(names(match?.removed)).toEqual(['b']);
    expect(names(match?.added)).toEqual(['c']);
    const failed = chartContext({
      ...ctx,
      renders: { ...ctx.renders, head: { ...ctx.renders!.head!, status: 'failed' } },
    });
    expect(failed.matchedRenders()).toBeUndefined();
  });
});
