// An entry file of the render cache: one line of JSON (its format, key and payload, and how many bytes follow), then
// the payload's large texts as bytes: a render's output as helm printed it, a chart's crds/ and template files. Texts
// of megabytes are neither turned into JSON strings nor read back from them (a 5 MB render's entry cost 40 to 100 ms
// of the main thread that way, a 5.8 MB chart's 25 to 30, issue 23). Every file is untrusted (render-cache.ts): one
// that is not whole, or whose parts do not add up, is a miss.
import type { SchemaCheck } from '../input/schema-check.js';
import type { CrdSource, LoadedChart } from '../model/model.js';
import { ENTRY_SCHEMA } from './cache-entry-schema.js';

/** The first line: its format and key, checked on reading, the payload, and the length of the tail. */
interface EntryLine {
  format: number;
  key: string;
  payload: unknown;
  tailBytes?: number;
}

export interface Entry {
  payload: unknown;
  tail?: Buffer;
}

/** The file's bytes. JSON.stringify may throw (a value JSON cannot hold): the caller does not store the entry. */
export function encodeEntry(format: number, key: string, { payload, tail }: Entry): Buffer {
  const entry: EntryLine = { format, key, payload, ...(tail ? { tailBytes: tail.length } : {}) };
  const line = Buffer.from(`${JSON.stringify(entry, finiteOnly)}\n`);
  return tail ? Buffer.concat([line, tail]) : line;
}

/** The payload and tail of a whole entry of `format` and `key`; undefined otherwise. The payload is the caller's to check. */
export function decodeEntry(bytes: Buffer, format: number, key: string, entries: SchemaCheck): Entry | undefined {
  // JSON never holds a raw line break: the first one ends the first line
  const end = bytes.indexOf(0x0a);
  if (end === -1) return undefined;
  let entry: unknown;
  try {
    entry = JSON.parse(bytes.toString('utf8', 0, end));
  } catch {
    return undefined;
  }
  if (!entries.matches<EntryLine>(ENTRY_SCHEMA, entry) || entry.format !== format || entry.key !== key)
    return undefined;
  // truncated, or more than was written
  if (bytes.length - end - 1 !== (entry.tailBytes ?? 0)) return undefined;
  return entry.tailBytes === undefined
    ? { payload: entry.payload }
    : { payload: entry.payload, tail: bytes.subarray(end + 1) };
}

/** A render's stored outcome with helm's output as the tail. */
export function outcomeEntry(stored: object, output: Buffer | undefined): Entry {
  return output ? { payload: stored, tail: output } : { payload: stored };
}

/** The stored outcome of an entry, its output read from the tail (never also a field of the first line). */
export function outcomeOf({ payload, tail }: Entry): unknown {
  if (tail === undefined) return payload;
  return isPlainObject(payload) && !Object.hasOwn(payload, 'output')
    ? { ...payload, output: tail.toString('utf8') }
    : undefined;
}

/** A loaded chart with the texts of its crds/ and template files as the tail, each item `contentBytes` long. */
export function chartEntry(chart: LoadedChart): Entry {
  const texts: Buffer[] = [];
  const strip = (sources: readonly CrdSource[]) =>
    sources.map(({ content, ...rest }) => {
      const bytes = Buffer.from(content);
      texts.push(bytes);
      return { ...rest, contentBytes: bytes.length };
    });
  const crds = strip(chart.crds);
  const templates = chart.templates ? strip(chart.templates) : undefined;
  return { payload: { ...chart, crds, ...(templates ? { templates } : {}) }, tail: Buffer.concat(texts) };
}

/** The chart of an entry, the texts of its files read from the tail in order; undefined when they do not add up. */
export function chartOf({ payload, tail }: Entry): unknown {
  if (tail === undefined || !isPlainObject(payload)) return undefined;
  let at = 0;
  const restore = (sources: unknown): unknown[] | undefined => {
    if (!Array.isArray(sources)) return undefined;
    const out: unknown[] = [];
    for (const source of sources) {
      if (!isPlainObject(source) || Object.hasOwn(source, 'content')) return undefined;
      const { contentBytes, ...rest } = source;
      if (!Number.isInteger(contentBytes) || (contentBytes as number) < 0) return undefined;
      const end = at + (contentBytes as number);
      if (end > tail.length) return undefined;
      out.push({ ...rest, content: tail.toString('utf8', at, end) });
      at = end;
    }
    return out;
  };
  const crds = restore(payload.crds);
  const templates = payload.templates === undefined ? undefined : restore(payload.templates);
  if (!crds || (payload.templates !== undefined && !templates) || at !== tail.length) return undefined;
  return { ...payload, crds, ...(templates ? { templates } : {}) };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON.stringify turns Infinity and NaN into null: such an entry is not stored rather than stored changed. */
function finiteOnly(_key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new RangeError('not a finite number');
  return value;
}
