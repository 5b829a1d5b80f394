// A chart README is the pull request's text, and chart-guard quotes its upgrade notes in a bot comment. The old
// quoting decided by hand which lines were code: a line it took for a fence ("```a`b" is none: a backtick fence's
// info string holds no backtick) let the HTML after it into the comment raw. Now marked's lexer decides, and every
// block is written anew. The comment is read back here with the same parser, the way GitHub reads it: no HTML but our
// own <details>, no image, no live mention or issue reference, README code still code, and nothing after a note
// swallowed by it (an unclosed fence, a "<!--").
import { homedir } from 'node:os';
import { Lexer, type Token, type Tokens } from 'marked';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { review } from '../../src/core/pipeline/review.js';
import { GitSnapshot } from '../../src/core/repo/git-snapshot.js';
import type { Report } from '../../src/core/report/report.js';
import { commentMarker, renderComment, renderSummary } from '../../src/format/markdown.js';
import { quotedMarkdown } from '../../src/format/quote.js';
import { structureProblems } from '../format/markdown-structure.js';
import { HELM_BINARIES, PROJECT_DIR, TestRepo } from '../support/git-repo.js';
import { oneChartLockfile } from '../support/lockfile.js';

/** Each a README trick; `code` is what GitHub shows as code in the README itself (and so must stay code). */
const TRICKS: { name: string; markdown: string; code?: string }[] = [
  {
    name: 'an indented fence',
    markdown: 'Run:\n\n    ```\n    <img src=x onerror=alert(1)>\n    ```',
    code: 'onerror',
  },
  { name: 'a ~~~ fence', markdown: '~~~\n</details> @org/team\n~~~', code: '</details>' },
  { name: 'a fence with an info string', markdown: '```js title="x" onload=alert(1)\n@team #12\n```', code: '@team' },
  { name: 'an unclosed fence', markdown: '```\n<script>alert(1)</script>' },
  { name: 'a fence inside a list', markdown: '- step\n\n  ```\n  <details open>\n  ```\n- <b>next</b> @alice' },
  { name: 'a fence inside a quote', markdown: '> ```\n> <img src=x>\n> ```\n> <img src=y onerror=alert(3)>' },
  { name: 'raw <details> tags', markdown: '</details>\n\n<details open><summary>@team</summary>\n\ninside' },
  { name: 'an image tag', markdown: 'Look: <img src=x onerror=alert(1)> and ![pixel](https://e.example/p.png)' },
  { name: 'a comment opener', markdown: '<!-- everything after this would be hidden\n\n## Breaking' },
  {
    name: 'mentions and references',
    markdown: 'cc @org/team, @alice and @bob: see #123, GH-7 and https://evil.example',
  },
  {
    name: 'HTML after a line that looks like a fence but is not one',
    markdown: '```a`b\n<img src=x onerror=alert(2)>\n<a href="https://evil.example">click</a> @org/team',
  },
];

const README = `# app

## Upgrading

### To 2.0.0

${TRICKS.map((t) => t.markdown).join('\n\n')}
`;

// the parts of our own layout that are HTML: the marker, <details> with its <summary>, the footer's <sub>
const OWN_HTML =
  /^(?:<!-- chart-guard: [^<>]* -->|<details>(?:\n<summary>(?:<\/?b>|[^<])*<\/summary>)?|<\/details>|<\/?sub>)$/;

/** Every token, depth first, with whether it sits in code. */
function walk(tokens: Token[], visit: (token: Token) => void): void {
  for (const token of tokens) {
    visit(token);
    const nested = token as {
      tokens?: Token[];
      items?: Token[];
      header?: { tokens: Token[] }[];
      rows?: { tokens: Token[] }[][];
    };
    if (nested.tokens) walk(nested.tokens, visit);
    if (nested.items) walk(nested.items, visit);
    if (nested.header) for (const cell of nested.header) walk(cell.tokens, visit);
    if (nested.rows) for (const row of nested.rows) for (const cell of row) walk(cell.tokens, visit);
  }
}

interface Reading {
  html: string[];
  images: string[];
  /** Text GitHub scans for mentions, references and autolinks: not in code, not a link target. */
  prose: string;
  code: string;
  links: string[];
}

function read(markdown: string): Reading {
  const reading: Reading = { html: [], images: [], prose: '', code: '', links: [] };
  walk(Lexer.lex(markdown, { gfm: true }), (token) => {
    if (token.type === 'html') reading.html.push(token.raw.trim());
    else if (token.type === 'image') reading.images.push((token as Tokens.Image).href);
    else if (token.type === 'link') reading.links.push((token as Tokens.Link).href);
    else if (token.type === 'code' || token.type === 'codespan') reading.code += `${(token as Tokens.Code).text}\n`;
    // a tight list item's text holds inline tokens of its own: they are read one by one
    else if ((token.type === 'text' && !(token as Tokens.Text).tokens) || token.type === 'escape')
      reading.prose += `${(token as Tokens.Text).text}\n`;
  });
  return reading;
}

/** What GitHub would act on in prose: a mention, an issue reference, a bare URL it links by itself. */
const LIVE = /(?<![\w\u200D])@[A-Za-z0-9]|(?<![\w\u200D])#\d|\bGH-\d|https?:\/\/|www\./;

function expectInert(markdown: string): void {
  const reading = read(markdown);
  expect(reading.html.filter((html) => !OWN_HTML.test(html))).toEqual([]);
  expect(reading.images).toEqual([]);
  const live = LIVE.exec(reading.prose);
  // on failure, the text around what is live
  expect(live && reading.prose.slice(Math.max(0, live.index - 80), live.index + 40)).toBeNull();
  // links: only ours (the job summary, files at the head commit) and http(s) links a README wrote as [text](url)
  expect(reading.links.filter((href) => !/^https:\/\//.test(href))).toEqual([]);
  expect(structureProblems(markdown)).toEqual([]);
}

describe('each README trick, quoted', () => {
  it.each(TRICKS)(
    '$name: no HTML, image or live reference outside code; code stays code; nothing swallowed',
    (trick) => {
      const quoted = quotedMarkdown(trick.markdown);
      const after = `${quoted}\n\nAFTER THE NOTE`;
      expectInert(after);
      // what follows the note is a paragraph of its own, whatever the note held
      const tokens = Lexer.lex(after, { gfm: true });
      expect(tokens[tokens.length - 1]).toMatchObject({ type: 'paragraph', text: 'AFTER THE NOTE' });
      if (trick.code) expect(read(quoted).code).toContain(trick.code);
    },
  );

  it('reads the fence-like line of the last trick as GitHub does: not code, so its HTML is text', () => {
    const quoted = quotedMarkdown(TRICKS[TRICKS.length - 1].markdown);
    expect(read(quoted).code).not.toContain('onerror');
    expect(quoted).toContain('&lt;img src=x onerror=alert(2)&gt;');
  });
});

describe('a comment and a job summary built from a hostile README', () => {
  for (const [version, helm] of Object.entries(HELM_BINARIES)) {
    describe(`with helm ${version}`, () => {
      const repo = new TestRepo('cg-inert-comment-');
      let report: Report;

      beforeAll(async () => {
        repo
          .write('helm-freeze.yaml', oneChartLockfile('app', '1.0.0'))
          .copy(`${PROJECT_DIR}/test/fixtures/hardening/app`, 'charts/app')
          .write('values/app.yaml', 'greeting: hi\n');
        const base = repo.commit('base');
        repo
          .write('helm-freeze.yaml', oneChartLockfile('app', '2.0.0'))
          .write('charts/app/Chart.yaml', 'apiVersion: v2\nname: app\nversion: 2.0.0\n')
          .write('charts/app/README.md', README)
          // an override key that is a mention and HTML: it reaches the comment through a finding's message
          .write('values/app.yaml', 'greeting: hi\n"@org/team <img src=x onerror=alert(9)>": 1\n');
        const head = repo.commit('bump');
        const snapshots = [new GitSnapshot(repo.dir, 'base', base), new GitSnapshot(repo.dir, 'head', head)];
        try {
          report = await review({
            repoDir: repo.dir,
            base: snapshots[0],
            head: snapshots[1],
            helm,
            values: ['values/{chart}.yaml'],
          });
        } finally {
          await Promise.all(snapshots.map((s) => s.close()));
        }
      }, 60_000);
      afterAll(() => repo.cleanup());

      it('quotes the notes and reports the hostile key', () => {
        const chart = report.charts[0];
        expect(chart.upgradeNotes?.map((n) => n.heading)).toEqual(['To 2.0.0']);
        expect(chart.findings.map((f) => f.path)).toContain('@org/team <img src=x onerror=alert(9)>');
      });

      it('leaves the comment inert, its own <details> balanced and its footer outside any note', () => {
        const comment = renderComment(report, {
          marker: commentMarker(report.lockfile),
          linkBase: `https://github.com/acme/charts/blob/${report.head.sha}`,
        });
        expectInert(comment);
        const html = read(comment).html;
        expect(html.filter((h) => h.startsWith('<details>')).length).toBe(
          html.filter((h) => h === '</details>').length,
        );
        const tokens = Lexer.lex(comment, { gfm: true }).filter((t) => t.type !== 'space');
        expect(tokens[tokens.length - 1].type).not.toBe('code');
        expect(comment).toContain('onerror');
        // nothing of the machine that ran the review: no path of the work folder or the home folder
        expect(comment).not.toContain(repo.dir);
        expect(comment).not.toContain(homedir());
      });

      it('leaves the job summary inert, the whole notes included', () => {
        const summary = renderSummary(report, {});
        expectInert(summary);
        expect(summary).toContain('everything after this would be hidden');
      });
    });
  }
});
