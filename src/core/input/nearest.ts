// "Did you mean" for names a person types: config keys, chart keys, CLI flags, values patterns. Edit distance over
// a folded spelling (case, `-` and `_` ignored, so `fail-on-existing` finds `failOnExisting`), like git's "The most
// similar command is". Only close candidates are offered: no suggestion beats a wrong one.

/** Edit distance (insert, delete, substitute, swap two neighbours: 1 each; "optimal string alignment"). */
export function editDistance(a: string, b: string): number {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      // a typed transposition ("wbe" for "web") is one slip, not two
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        current[j] = Math.min(current[j], before[j - 2] + 1);
      }
    }
    before = previous;
    previous = current;
  }
  return previous[b.length];
}

const fold = (text: string) => text.toLowerCase().replace(/[-_]/g, '');

/**
 * The candidates closest to `word`, best first: at most `limit`, each within a distance of a third of the longer
 * spelling (at least 1, so a one-letter slip in a short name is still found).
 */
export function nearest(word: string, candidates: Iterable<string>, limit = 1): string[] {
  const folded = fold(word);
  const scored: { candidate: string; distance: number }[] = [];
  for (const candidate of new Set(candidates)) {
    if (candidate === word) continue;
    const other = fold(candidate);
    const distance = editDistance(folded, other);
    if (distance <= Math.max(1, Math.floor(Math.max(folded.length, other.length) / 3))) {
      scored.push({ candidate, distance });
    }
  }
  scored.sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate));
  return scored.slice(0, limit).map((s) => s.candidate);
}

/** " (did you mean X?)" or "" — for the end of a message. */
export function didYouMeanText(word: string, candidates: Iterable<string>): string {
  const [best] = nearest(word, candidates);
  return best === undefined ? '' : ` (did you mean "${best}"?)`;
}
