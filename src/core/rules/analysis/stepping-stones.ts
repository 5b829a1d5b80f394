// Stepping stones: a chart's upgrade notes saying that an intermediate version is required ("You must upgrade to
// v0.32.x before upgrading to v0.33.x"). When the bump jumps over that version, `helm upgrade` to the new one is not
// the way: the runbook blocks with the notes' own sentence, and upgrade-stepping-stone warns in the review. One
// reading for both, so the PR comment and the runbook never disagree.
import semver from 'semver';
import type { UpgradeNote } from '../../report/report.js';

export interface SteppingStone {
  /** The version as the notes write it ("v0.32.x"). */
  version: string;
  /** The sentence of the notes that requires it, whitespace collapsed. */
  sentence: string;
  /** The heading of the note it is in. */
  heading: string;
}

/** A sentence requiring something... */
const REQUIRED = /\b(?:must|need(?:s)? to|required|requires|have to|has to|only supported from)\b/i;
/** ...about upgrading... */
const UPGRADE = /\bupgrad/i;
/** ...to a version first. */
const FIRST = /\b(?:before|first|prior to|intermediate|stepping)\b/i;
const TARGET = /\b(?:to|through|via)\s+(?:version\s+)?(v?(\d+)\.(\d+|x)(?:\.(\d+|x))?)/i;

/** The intermediate versions the notes require between `from` and `to` (exclusive), each once, oldest first. */
export function steppingStones(notes: readonly UpgradeNote[], from: string, to: string): SteppingStone[] {
  const lower = semver.coerce(from);
  const upper = semver.coerce(to);
  if (!lower || !upper) return [];
  const stones = new Map<string, SteppingStone & { floor: semver.SemVer }>();
  for (const note of notes) {
    for (const sentence of sentences(note.text)) {
      if (!REQUIRED.test(sentence) || !UPGRADE.test(sentence) || !FIRST.test(sentence)) continue;
      const target = TARGET.exec(sentence);
      if (!target) continue;
      const part = (s: string | undefined) => (s === undefined || s.toLowerCase() === 'x' ? 0 : Number(s));
      const floor = semver.coerce(`${target[2]}.${part(target[3])}.${part(target[4])}`);
      // "v0.32.x" (or "v0.32") is any 0.32 release: a bump to 0.32.5 lands on the stone, it does not skip it
      const wild = (s: string | undefined) => (s === undefined || s.toLowerCase() === 'x' ? 'x' : s);
      const stone = `${target[2]}.${wild(target[3])}.${wild(target[4])}`;
      // already there, or the target itself: no stone to step on
      if (!floor || !semver.lt(lower, floor) || !semver.lt(floor, upper) || semver.satisfies(upper, stone)) continue;
      if (!stones.has(floor.version))
        stones.set(floor.version, { version: target[1], sentence, heading: note.heading, floor });
    }
  }
  return [...stones.values()].sort((a, b) => semver.compare(a.floor, b.floor)).map(({ floor: _, ...stone }) => stone);
}

/** The sentences of a note, its Markdown line breaks and list items joined. */
function sentences(text: string): string[] {
  return text
    .replace(/```[\s\S]*?```/g, ' ')
    .split(/\n\s*\n|\n\s*[-*]\s+|(?<=[.!?])\s+(?=[A-Z`*_])/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}
