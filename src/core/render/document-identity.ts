// Identity first (issue 23): in a bump almost every document helm prints is byte-identical on both sides (a 5 MB
// chart: all but two of 250). The documents of one chart's renders are parsed once per distinct text: the base and
// head manifests of an unchanged document then share one parsed object, which costs no second parse, and every
// comparison that starts with `a === b` (the rendered diff, the API server's semantic equality, the CRD and
// immutable-field checks) finds it unchanged without walking it.
//
// A document is keyed by its SHA-256 and the `# Source:` path it is read under (a crds/ file's later documents carry
// no Source line of their own, and a problem names the source): two texts share a parse only when they are equal,
// and a head document crafted to collide with a base one is out of reach. The memo holds digests, never helm's
// output, and lives as long as one chart's renders.
import { createHash } from 'node:crypto';
import type { DocumentFacts } from './document-facts.js';
import type { Manifest } from './types.js';

interface ParsedDocument {
  values: unknown[];
  /** What parsing the text said (a YAML error, a bound passed), replayed for every render that printed it. */
  problems: string[];
}

export class DocumentMemo {
  readonly #parsed = new Map<string, ParsedDocument>();
  readonly #facts = new Map<string, DocumentFacts | undefined>();
  #hits = 0;
  /** Renders settleManifests has checked: a document unique to one of them stays unique as renders join. */
  readonly settled = new WeakSet<object>();

  /**
   * @param lazy read documents by their facts and parse them when read (manifests.ts, LazyManifest): for a chart
   * rendered more than once (base and head), where most documents are printed alike.
   */
  constructor(readonly lazy = false) {}

  /**
   * The parsed values of `text` read under `source`: `parse` runs for the first render that printed it; later ones
   * get the same values (the same objects) and the same problems. `key`: the text's digest, when the caller has it.
   */
  values(
    text: string,
    source: string | undefined,
    problems: string[],
    parse: (own: string[]) => unknown[],
    key = documentDigest(text, source),
  ): unknown[] {
    let parsed = this.#parsed.get(key);
    if (parsed) this.#hits++;
    else {
      const own: string[] = [];
      parsed = { values: parse(own), problems: own };
      this.#parsed.set(key, parsed);
    }
    problems.push(...parsed.problems);
    return parsed.values;
  }

  /** The facts of a text by its digest (document-facts.ts), read once: undefined when the text must be parsed. */
  facts(digest: string, read: () => DocumentFacts | undefined): DocumentFacts | undefined {
    if (!this.#facts.has(digest)) this.#facts.set(digest, read());
    return this.#facts.get(digest);
  }

  /** Distinct documents parsed (for tests and the bench). */
  get parses(): number {
    return this.#parsed.size;
  }

  /** Documents read from the memo instead of parsed (for tests and the bench). */
  get hits(): number {
    return this.#hits;
  }
}

/** The identity of a document's text as helm printed it, with the source it is read under. */
export function documentDigest(text: string, source: string | undefined): string {
  return createHash('sha256')
    .update(source ?? '')
    .update('\0')
    .update(text)
    .digest('base64');
}

/**
 * Printed alike: the same text under the same source, so the same object. Lazily read documents (manifests.ts) say
 * so by their digests without being parsed; others share their parsed object through the memo.
 */
export function printedAlike(a: Manifest, b: Manifest): boolean {
  return (a.digest !== undefined && a.digest === b.digest) || a.object === b.object;
}
