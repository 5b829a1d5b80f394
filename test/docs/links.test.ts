// The README is cut to what a user reads first and points into docs/ for the rest: every relative link of the README,
// SECURITY.md and the pages under docs/ must reach an existing file, and a `#anchor` a heading (or an explicit
// `<a id>`) of the page it names, as GitHub slugs it. Links inside code are text, not links.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_DIR } from '../support/git-repo.js';

/** The Markdown documents a reader browses: the README, SECURITY.md and every page under docs/. */
function documents(): string[] {
  const pages = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return pages(path);
      return name.endsWith('.md') ? [path] : [];
    });
  return [join(PROJECT_DIR, 'README.md'), join(PROJECT_DIR, 'SECURITY.md'), ...pages(join(PROJECT_DIR, 'docs'))];
}

/** The text outside fenced code blocks. */
const unfenced = (markdown: string) => markdown.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');

/** The text outside fenced code blocks and inline code spans. */
const prose = (markdown: string) => unfenced(markdown).replace(/(`+)[^`\n]*?\1/g, '');

/** GitHub's heading slug (github-slugger): lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  const text = heading
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .trim()
    .toLowerCase();
  return text.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
}

/** The anchors a page has: one per heading (repeats numbered -1, -2 as GitHub does) and each `<a id>`/`name`. */
function anchors(markdown: string): Set<string> {
  const out = new Set<string>();
  const seen = new Map<string, number>();
  for (const [, heading] of unfenced(markdown).matchAll(/^#{1,6}[ \t]+(.+?)[ \t#]*$/gm)) {
    const base = slug(heading);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    out.add(count === 0 ? base : `${base}-${count}`);
  }
  for (const [, id] of markdown.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) out.add(id);
  return out;
}

/** Each relative link of a page that does not resolve, as "target: why". */
function brokenLinks(page: string, markdown: string): string[] {
  const broken: string[] = [];
  for (const [, target] of prose(markdown).matchAll(/\]\(<?([^)\s>]+)>?(?:\s+"[^"]*")?\)/g)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:: not a file of this repository
    const [path, anchor] = target.split('#', 2);
    const file = path ? join(dirname(page), decodeURIComponent(path)) : page;
    if (path && !existsSync(file)) {
      broken.push(`${target}: no such file`);
      continue;
    }
    if (anchor === undefined) continue;
    if (!file.endsWith('.md')) {
      broken.push(`${target}: an anchor into a file that is not Markdown`);
      continue;
    }
    const linked = path ? readFileSync(file, 'utf8') : markdown;
    if (!anchors(linked).has(decodeURIComponent(anchor))) broken.push(`${target}: no such heading`);
  }
  return broken;
}

describe('relative links of the README and docs/', () => {
  it('reach an existing file, and an anchor a heading of it, on every page', () => {
    const pages = documents();
    expect(pages.map((page) => relative(PROJECT_DIR, page))).toEqual(
      expect.arrayContaining(['README.md', 'docs/configuration.md', 'docs/reference/report-contract.md']),
    );
    for (const page of pages) {
      expect({ page: relative(PROJECT_DIR, page), broken: brokenLinks(page, readFileSync(page, 'utf8')) }).toEqual({
        page: relative(PROJECT_DIR, page),
        broken: [],
      });
    }
  });

  it('link from the README to each page under docs/', () => {
    const readme = readFileSync(join(PROJECT_DIR, 'README.md'), 'utf8');
    const pages = readdirSync(join(PROJECT_DIR, 'docs')).filter((name) => name.endsWith('.md'));
    expect(pages.length).toBeGreaterThanOrEqual(8);
    const linked = (name: string) => readme.includes(`](docs/${name})`) || readme.includes(`](docs/${name}#`);
    expect(pages.filter((name) => !linked(name))).toEqual([]);
  });
});

describe('the link checker', () => {
  const page = join(PROJECT_DIR, 'docs', 'page.md');

  it('reports a missing file, a missing heading and a missing anchor on the same page', () => {
    const text = [
      '# Title',
      '## Render cache',
      'See [a](missing.md), [b](configuration.md#no-such-heading), [c](#render-cache), [d](#nope).',
    ].join('\n');
    expect(brokenLinks(page, text)).toEqual([
      'missing.md: no such file',
      'configuration.md#no-such-heading: no such heading',
      '#nope: no such heading',
    ]);
  });

  it('ignores web links and links inside code, and accepts explicit anchors', () => {
    const text = [
      '<a id="rule-x"></a>',
      '[web](https://example.com/a.md) `[code](missing.md)` [x](#rule-x)',
      '```md',
      '[fenced](missing.md)',
      '```',
    ].join('\n');
    expect(brokenLinks(page, text)).toEqual([]);
  });

  it('slugs headings as GitHub does: code kept, punctuation dropped, repeats numbered', () => {
    expect(slug("Acceptances and the base branch's policy")).toBe('acceptances-and-the-base-branchs-policy');
    expect(slug('Reusing renders across runs (render cache)')).toBe('reusing-renders-across-runs-render-cache');
    expect(slug('9.2 Built-in API versions served by default')).toBe('92-built-in-api-versions-served-by-default');
    expect(slug('`upgradeActions` (added field)')).toBe('upgradeactions-added-field');
    expect([...anchors('# A\n## A\n```\n# not a heading\n```\n')]).toEqual(['a', 'a-1']);
  });
});
