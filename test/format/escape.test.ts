import { describe, expect, it } from 'vitest';
import { code } from '../../src/core/report/message.js';
import {
  codeFence,
  codeSpan,
  escapeCell,
  escapeHtmlText,
  escapeInline,
  escapeMessage,
  stripControl,
} from '../../src/format/escape.js';
import { activeReferences, structureProblems } from './markdown-structure.js';

describe('escapeInline', () => {
  it('turns HTML from a chart into visible text', () => {
    expect(escapeInline('<script>alert(1)</script> & </details>')).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;/details&gt;',
    );
  });

  it('shows Markdown punctuation literally', () => {
    expect(escapeInline('*bold* _em_ [link](x) `code` ~~del~~ $x$ a|b \\')).toBe(
      '\\*bold\\* \\_em\\_ \\[link\\](x) \\`code\\` \\~\\~del\\~\\~ \\$x\\$ a\\|b \\\\',
    );
  });

  it('keeps a heading, list or quote marker at the start from starting a block', () => {
    expect(escapeInline('# title')).toBe('\\# title');
    expect(escapeInline('- item')).toBe('\\- item');
    expect(escapeInline('1. item')).toBe('1\\. item');
    expect(escapeInline('> quote')).toBe('&gt; quote');
  });

  it('leaves version numbers alone', () => {
    expect(escapeInline('1.31')).toBe('1.31');
    expect(escapeInline('7.10.4 → 8.0.0')).toBe('7.10.4 → 8.0.0');
  });

  it('breaks @mentions and #123 references so that GitHub neither notifies nor links', () => {
    const escaped = escapeInline('ask @alice or @org/team about #123');
    expect(activeReferences(escaped)).toEqual([]);
    expect(escaped.replace(/\u200D/g, '')).toBe('ask @alice or @org/team about #123');
  });

  it('leaves e-mail addresses readable', () => {
    expect(escapeInline('ops@example.com').replace(/\u200D/g, '')).toBe('ops@example.com');
  });

  it('puts multi-line text on one line', () => {
    expect(escapeInline('one\ntwo\r\nthree')).toBe('one two three');
  });
});

describe('escapeCell', () => {
  it('keeps a table row on one line and inside its cell', () => {
    expect(escapeCell('a | b\n| c |')).toBe('a \\| b<br>\\| c \\|');
  });
});

describe('codeSpan', () => {
  it('uses a delimiter longer than any backtick run inside', () => {
    expect(codeSpan('a `b` c')).toBe('``a `b` c``');
    expect(codeSpan('``` x')).toBe('```` ``` x ````');
  });

  it('escapes pipes only in table cells, where GFM splits on them even inside code', () => {
    expect(codeSpan('a|b')).toBe('`a|b`');
    expect(codeSpan('a|b', 'cell')).toBe('`a\\|b`');
  });

  it('pads content that would lose a leading and trailing space', () => {
    expect(codeSpan(' x ')).toBe('`  x  `');
  });
});

describe('escapeMessage', () => {
  it('keeps code spans of rule messages as code and escapes the rest', () => {
    expect(escapeMessage('`master.persistence.size` is gone; set <x> instead')).toBe(
      '`master.persistence.size` is gone; set &lt;x&gt; instead',
    );
  });

  it('escapes a backtick run that is never closed', () => {
    expect(escapeMessage('closes ``` nothing')).toBe('closes \\`\\`\\` nothing');
  });

  it('leaves no active mention outside code', () => {
    expect(activeReferences(escapeMessage('@org/team `@org/team` #1'))).toEqual([]);
  });

  it('shows the empty key as "" rather than an empty code span (two bare backticks)', () => {
    expect(code('')).toBe('`""`');
    expect(escapeMessage(`${code('')} is unknown`)).toBe('`""` is unknown');
  });

  it('keeps a key with backticks, marked by the rules with code(), as one code span showing the key', () => {
    for (const key of ['a`b', '`a', 'a`', '`', '``', 'a ``` b', ' a ', 'x.`y`.z']) {
      const markdown = escapeMessage(`${code(key)} is gone; set ${code('b')}`);
      expect(markdown).toBe(`${codeSpan(key)} is gone; set \`b\``);
      expect(codeSpanContents(markdown)).toEqual([key, 'b']);
    }
  });
});

/** The contents of the code spans of a line, read as CommonMark does (spec 6.1, code spans). */
function codeSpanContents(line: string): string[] {
  const contents: string[] = [];
  let at = line.indexOf('`');
  while (at >= 0) {
    let length = 0;
    while (line[at + length] === '`') length++;
    let close = line.indexOf('`', at + length);
    for (;;) {
      if (close < 0) break;
      let run = 0;
      while (line[close + run] === '`') run++;
      if (run === length) break;
      close = line.indexOf('`', close + run);
    }
    if (close < 0) {
      at = line.indexOf('`', at + length);
      continue;
    }
    let content = line.slice(at + length, close);
    if (content.length > 1 && content.startsWith(' ') && content.endsWith(' ') && content.trim() !== '')
      content = content.slice(1, -1);
    contents.push(content);
    at = line.indexOf('`', close + length);
  }
  return contents;
}

describe('codeFence', () => {
  it('cannot be closed by its content', () => {
    const hostile = 'before\n```\n</details>\n````\nafter';
    const fenced = codeFence(hostile, 'markdown');
    expect(fenced.startsWith('`````markdown\n')).toBe(true);
    expect(structureProblems(`<details>\n<summary>x</summary>\n\n${fenced}\n\n</details>`)).toEqual([]);
  });

  it('uses three backticks when the content has none', () => {
    expect(codeFence('kubectl get pods', 'sh')).toBe('```sh\nkubectl get pods\n```');
  });

  it('keeps the info string to a language name', () => {
    expect(codeFence('x', 'sh`<b>')).toBe('```shb\nx\n```');
  });
});

describe('stripControl', () => {
  it('removes terminal escapes and bidirectional overrides but keeps lines and tabs', () => {
    expect(stripControl('\u001b[31mred\u001b[0m\tok\n\u202Eevil')).toBe('[31mred[0m\tok\nevil');
  });
});

describe('escapeHtmlText', () => {
  it('is safe inside a <summary> element', () => {
    expect(escapeHtmlText('a</summary></details>\n@team')).toBe('a&lt;/summary&gt;&lt;/details&gt; @\u200Dteam');
  });
});
