// Which weakly accepted override keys does Helm really ignore? Adaptive group testing over "render the head without
// these keys and compare": one test when every key is ignored, about k·log2(n/k) when k of n keys matter.
//
// Every passing test removes the keys found ignored so far together with the tested group, so the final `ignored`
// set was rendered away as a whole at its last passing test: keys that only matter together (`{{ if or .a .b }}`)
// are never reported. A key is called used only after a test of it alone failed (or was implied to fail), and used
// keys are never reported. Tests are bounded by the caller's budget; keys left untested stay accepted.

export interface IgnoredKeyProof {
  /** Checked key paths (--set notation) whose removal, all together, leaves the head render identical. */
  ignored: string[];
  /** Keys whose removal changes the render: never reported. */
  used: string[];
  /** Keys left untested when the search stopped: they stay accepted. */
  unproven: string[];
  /** Extra helm renders run for the proof, and their wall time. */
  renders: number;
  durationMs: number;
  /** The configured cap (render.proofRenders). */
  cap: number;
  /** Set when keys were left unproven: the render cap, or a render that could not be compared. */
  stopped?: 'cap' | 'unusable-render';
}

/** Renders the head without `removed` (and the keys found ignored before): true when the output is identical. */
export type RemovalTest = (removed: readonly string[]) => Promise<boolean>;

export interface SearchResult {
  ignored: string[];
  used: string[];
  unproven: string[];
}

/**
 * Splits `keys` (in the given order; siblings should be adjacent) in halves until each group is known ignored or
 * each key known used. `canTest` is asked before every test: false stops the search and leaves the rest unproven.
 */
export async function searchIgnoredKeys(
  keys: readonly string[],
  test: RemovalTest,
  canTest: () => boolean,
): Promise<SearchResult> {
  const ignored: string[] = [];
  const used: string[] = [];
  const unproven: string[] = [];

  /** Returns true when the whole group turned out ignored in one test. */
  const search = async (group: readonly string[], knownToMatter: boolean): Promise<boolean> => {
    if (group.length === 0) return true;
    if (!knownToMatter) {
      if (!canTest()) {
        unproven.push(...group);
        return false;
      }
      if (await test([...ignored, ...group])) {
        ignored.push(...group);
        return true;
      }
    }
    if (group.length === 1) {
      used.push(group[0]);
      return false;
    }
    const middle = Math.ceil(group.length / 2);
    const left = group.slice(0, middle);
    const right = group.slice(middle);
    // The group failed with the ignored set as it was; when the left half then passes, that same render minus the
    // left half is exactly "ignored + right": the right half matters without a test of its own.
    const leftIgnored = await search(left, false);
    await search(right, leftIgnored);
    return false;
  };

  await search(keys, false);
  return { ignored, used, unproven };
}
