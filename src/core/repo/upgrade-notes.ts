// Extracts a chart README's own upgrade notes for the versions a bump crosses.
// Heading shapes seen in real charts (test/fixtures/corpus/README.md): "### To 8.0.0", "### 3.x to 4.x",
// "### From 2.x to 3.x", "### 5.0.0" under "## Upgrade", "#### 2.x to 3.x" under "### Upgrading ... major version".
import semver from 'semver';
import type { UpgradeNote } from '../report/report.js';
import { markdownPrefix } from './markdown-prefix.js';

interface Section {
  level: number;
  title: string;
  /** Titles of enclosing headings, outermost first. */
  ancestors: string[];
  body: string;
}

const MAX_NOTE_CHARS = 4000;
const VERSION_IN_TITLE = /v?(\d+)(?:\.(\d+|x))?(?:\.(\d+|x))?/gi;

/** Notes for every version v with from < v <= to that the README has a section for, newest first. */
export function extractUpgradeNotes(readme: string, from: string, to: string): UpgradeNote[] {
  const lower = semver.coerce(from);
  const upper = semver.coerce(to);
  if (!lower || !upper) return [];
  const found: { note: UpgradeNote; target: semver.SemVer }[] = [];
  for (const section of parseSections(readme)) {
    const target = targetVersion(section);
    if (!target || !semver.gt(target, lower) || !semver.lte(target, upper)) continue;
    const text = section.body.trim();
    if (!text) continue;
    // whole blocks only: a note cut inside a code block would quote half a command as if it were the whole. One
    // character past the limit is enough to read: the block it cuts is left out either way.
    // (a note that fits is kept whole without reading its blocks: the Markdown lexer is the costly part)
    const kept =
      text.length <= MAX_NOTE_CHARS ? undefined : markdownPrefix(text.slice(0, MAX_NOTE_CHARS + 1), MAX_NOTE_CHARS);
    const clipped = kept?.cut ? `${kept.text.trimEnd()}\n\n…` : text;
    found.push({ note: { heading: section.title, text: clipped }, target });
  }
  return found.sort((a, b) => semver.rcompare(a.target, b.target)).map((f) => f.note);
}

/** The version a heading is about: the last version in "A to B" titles, the only one otherwise. */
function targetVersion(section: Section): semver.SemVer | undefined {
  const versions = [...section.title.matchAll(VERSION_IN_TITLE)].filter((m) => m[2] !== undefined || /^v/i.test(m[0]));
  if (versions.length === 0) return undefined;
  const upgradeContext = /upgrad|migrat/i.test([...section.ancestors, section.title].join(' '));
  const explicitTarget = /\bto\b|->|→/i.test(section.title);
  if (!upgradeContext && !explicitTarget) return undefined;
  const m = versions[versions.length - 1];
  const part = (s: string | undefined) => (s === undefined || s.toLowerCase() === 'x' ? 0 : Number(s));
  return semver.coerce(`${m[1]}.${part(m[2])}.${part(m[3])}`) ?? undefined;
}

/** Splits Markdown into heading sections; ignores '#' lines inside fenced code blocks. */
export function parseSections(markdown: string): Section[] {
  const sections: Section[] = [];
  const stack: { level: number; title: string }[] = [];
  let current: Section | undefined;
  let fence: string | undefined;
  const lines = markdown.split(/\r?\n/);
  const flush = (body: string[]) => {
    if (current) current.body = body.join('\n');
  };
  let body: string[] = [];
  for (const line of lines) {
    const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fenceMatch) {
      if (!fence) fence = fenceMatch[1];
      else if (fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length) fence = undefined;
    }
    const heading = fence || fenceMatch ? undefined : atxHeading(line);
    if (!heading) {
      body.push(line);
      continue;
    }
    flush(body);
    body = [];
    const { level, title } = heading;
    while (stack.length && stack[stack.length - 1].level >= level) stack.pop();
    current = { level, title, ancestors: stack.map((s) => s.title), body: '' };
    sections.push(current);
    stack.push({ level, title });
  }
  flush(body);
  // A section's body runs until the next heading of the same or a higher level: append nested sections' text.
  for (let i = 0; i < sections.length; i++) {
    for (let j = i + 1; j < sections.length && sections[j].level > sections[i].level; j++) {
      sections[i].body += `\n${'#'.repeat(sections[j].level)} ${sections[j].title}\n${sections[j].body}`;
    }
  }
  return sections;
}

/**
 * An ATX heading (`## Title ##`): its level and title without the closing hashes. Linear in the line's length: a
 * README comes from the pull request, and a lazy regex over a long line of spaces backtracks quadratically.
 */
function atxHeading(line: string): { level: number; title: string } | undefined {
  const open = /^#{1,6}(?=\s)/.exec(line);
  if (!open) return undefined;
  let title = line.slice(open[0].length).trim();
  const closing = /\s#+$/.exec(title); // "Title ##": the closing sequence follows a space
  if (closing) title = title.slice(0, closing.index).trimEnd();
  else if (/^#+$/.test(title)) title = '';
  return { level: open[0].length, title };
}

/** Chart.yaml `artifacthub.io/changes`: a YAML list of strings or {kind, description} (Artifact Hub format). */
export function parseArtifactHubChanges(annotation: string | undefined, parse: (text: string) => unknown): string[] {
  if (!annotation) return [];
  let value: unknown;
  try {
    value = parse(annotation);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  return value
    .map((item) => {
      if (typeof item === 'string') return item;
      if (item && typeof item === 'object') {
        const { kind, description } = item as { kind?: unknown; description?: unknown };
        if (typeof description === 'string') return typeof kind === 'string' ? `${kind}: ${description}` : description;
      }
      return undefined;
    })
    .filter((s): s is string => typeof s === 'string');
}
