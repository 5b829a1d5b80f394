import { describe, expect, it } from 'vitest';
import { quotedMarkdown } from '../../src/format/quote.js';
import { activeReferences, structureProblems } from './markdown-structure.js';

describe('quotedMarkdown', () => {
  it('quotes a note with its headings demoted three levels, links and lists kept', () => {
    const note = '## To 8.0.0\n\n- see [the docs](https://example.com/a)\n\n#### Details';
    expect(quotedMarkdown(note)).toBe(
      '> ##### To 8.0.0\n>\n> - see [the docs](https://example.com/a)\n>\n> ###### Details',
    );
  });

  it('shows HTML tags and comments as text, and leaves no raw < outside code', () => {
    const note = 'a <b>bold</b> <!-- hidden -->word\n\n</details><script>alert(1)</script>\n1 < 2';
    const quoted = quotedMarkdown(note);
    expect(quoted).toBe(
      '> a &lt;b&gt;bold&lt;/b&gt; &lt;!-- hidden --&gt;word\n>\n' +
        '> &lt;/details&gt;&lt;script&gt;alert(1)&lt;/script&gt; 1 &lt; 2',
    );
    expect(quoted).not.toMatch(/<[a-z!/]/i);
  });

  it('neutralises mentions and issue references outside code', () => {
    expect(activeReferences(quotedMarkdown('ping @org/team about #123 and GH-7'))).toEqual([]);
    expect(quotedMarkdown('GH-7')).toBe('> GH-\u200D7');
  });

  it('keeps a code block whole, its content as written', () => {
    const note = 'Run:\n\n```console\nkubectl delete ds -l app=<name>\n```';
    expect(quotedMarkdown(note)).toBe('> Run:\n>\n> ```console\n> kubectl delete ds -l app=<name>\n> ```');
  });

  it('writes an indented or ~~~ code block as a fence of its own', () => {
    expect(quotedMarkdown('Run:\n\n    helm upgrade x\n')).toBe('> Run:\n>\n> ```\n> helm upgrade x\n> ```');
    expect(quotedMarkdown('~~~yaml\na: 1\n~~~')).toBe('> ```yaml\n> a: 1\n> ```');
  });

  it("keeps the language of a fence's info string, and drops the rest", () => {
    expect(quotedMarkdown('```js title="x" onload=alert(1)\nx\n```')).toBe('> ```js\n> x\n> ```');
  });

  it('fences code with a run longer than any backtick run inside, so the content cannot close it', () => {
    expect(quotedMarkdown('~~~\n````\n@team\n~~~')).toBe('> `````\n> ````\n> @team\n> `````');
  });

  it('cuts on a line boundary before a code block it cannot show whole, and ends with the given line', () => {
    const note = `First paragraph.\n\n\`\`\`sh\n${'echo long line\n'.repeat(20)}\`\`\`\n\nAfter.`;
    const cut = quotedMarkdown(note, 60, '…');
    expect(cut).toBe('> First paragraph.\n>\n> …');
    expect(structureProblems(cut)).toEqual([]);
  });

  it('cuts a long paragraph after the last whole line that fits', () => {
    const note = 'Intro.\n\nline one\nline two\nline three';
    expect(quotedMarkdown(note, 28, '…')).toBe('> Intro.\n>\n> line one line two\n>\n> …');
  });

  it('cuts a paragraph before a code span that runs over the cut line, never inside the command', () => {
    const note = 'Intro.\n\nFirst run\n`kubectl delete sts db\n--cascade=orphan` then upgrade.';
    expect(quotedMarkdown(note, 50, '…')).toBe('> Intro.\n>\n> First run\n>\n> …');
    expect(quotedMarkdown(note, 80, '…')).toBe(
      `> Intro.\n>\n> First run ${'`kubectl delete sts db --cascade=orphan`'} then upgrade.`,
    );
  });

  it("closes a note's own unclosed fence, so the rest of the document is not code", () => {
    const quoted = quotedMarkdown('```\nno end');
    expect(quoted).toBe('> ```\n> no end\n> ```');
    expect(structureProblems(`${quoted}\n\nafter the note`)).toEqual([]);
  });

  it('shows a bare URL, an autolink and an e-mail address as code, and a non-http link with its target', () => {
    expect(quotedMarkdown('see https://example.com/x, <https://e.io> or a@b.io')).toBe(
      '> see `https://example.com/x`, `https://e.io` or `a@b.io`',
    );
    expect(quotedMarkdown('[click](javascript:alert(1))')).toBe('> click (`javascript:alert(1)`)');
  });

  it('never loads an image, and a "!" before a link does not make it one', () => {
    expect(quotedMarkdown('![status](https://e.io/p.png)')).toBe('> (image: status) `https://e.io/p.png`');
    expect(quotedMarkdown('\\![x](https://e.io/p.png)')).toBe('> \\![x](https://e.io/p.png)');
  });

  it('keeps nested lists, tables and quotes in their places', () => {
    expect(quotedMarkdown('1. one\n   - sub `a|b`\n2. two')).toBe('> 1. one\n>    - sub `a|b`\n> 2. two');
    expect(quotedMarkdown('| a | b |\n|---|---|\n| `x\\|y` | @me |')).toBe(
      '> | a | b |\n> | --- | --- |\n> | `x\\|y` | @\u200Dme |',
    );
    expect(quotedMarkdown('> inner\n>\n> ```\n> code\n> ```')).toBe('> > inner\n> >\n> > ```\n> > code\n> > ```');
  });
});
