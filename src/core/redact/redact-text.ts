// The textual layer of redaction: every credential value of the overrides, with its base64 and JSON-escaped forms,
// replaced in free text; bounded so that short or common values do not blank out the report (redact.ts header).

import { isMap, type KeyPath } from '../values/key-path.js';
import { type CredentialMatcher, REDACTED } from './credentials.js';
import { redactTree } from './redact-tree.js';

/** Values shorter than this are never searched as text: "1", "on", "abc" would blank out unrelated words. */
export const MIN_TOKEN_LENGTH = 4;
/** Values at least this long that mix letters with digits or symbols are replaced even inside other text. */
export const MIN_SUBSTRING_LENGTH = 8;

// ---------- textual redaction ----------

/** Values that are placeholders, not secrets: searching for them would blank out ordinary words. */
const NOT_SECRETS = new Set([
  'true',
  'false',
  'null',
  'none',
  'nil',
  'yes',
  'no',
  'on',
  'off',
  'changeme',
  'password',
  'secret',
  'example',
  'default',
  'admin',
  'root',
  'user',
  'test',
  'empty',
  REDACTED,
]);

/** A value is searched inside other text only when long and not a plain word (a word would hit "postgresql"). */
function searchAnywhere(text: string): boolean {
  return text.length >= MIN_SUBSTRING_LENGTH && !/^[A-Za-z]+$/.test(text);
}

/** The forms a secret takes in output: as is, trimmed, each line of a multi-line value, base64, JSON-escaped. */
function formsOf(secret: string): string[] {
  const forms = new Set<string>();
  const add = (text: string) => {
    if (text.length >= MIN_TOKEN_LENGTH && !NOT_SECRETS.has(text.toLowerCase())) forms.add(text);
  };
  for (const text of new Set([secret, secret.trim()])) {
    if (text.length < MIN_TOKEN_LENGTH || NOT_SECRETS.has(text.toLowerCase())) continue;
    add(text);
    // Secret data and `b64enc` carry the base64 form; helm and Go's %q quote with JSON-like escapes.
    add(Buffer.from(text, 'utf8').toString('base64'));
    add(JSON.stringify(text).slice(1, -1));
  }
  if (secret.includes('\n')) {
    // a PEM key or a config blob: a message may quote one line of it (armour lines are the same in every key)
    for (const line of secret.split('\n').map((l) => l.trim())) {
      if (searchAnywhere(line) && !/^-----/.test(line)) forms.add(line);
    }
  }
  return [...forms];
}

const isWordCode = (code: number) =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

/**
 * Replaces the forms in a text, longest first at each position. Forms are indexed by their first MIN_TOKEN_LENGTH
 * characters, so the work is linear in the text times the number of distinct form lengths sharing a start: no
 * regular expression with thousands of alternatives (a hostile override file can hold that many passwords).
 */
function textReplacer(forms: Set<string>): (input: string) => string {
  if (forms.size === 0) return (input) => input;
  const lengthsByStart = new Map<string, Set<number>>();
  for (const form of forms) {
    const start = form.slice(0, MIN_TOKEN_LENGTH);
    const lengths = lengthsByStart.get(start) ?? new Set<number>();
    lengths.add(form.length);
    lengthsByStart.set(start, lengths);
  }
  const starts = new Map([...lengthsByStart].map(([start, lengths]) => [start, [...lengths].sort((a, b) => b - a)]));
  const matchAt = (input: string, i: number): number => {
    for (const length of starts.get(input.slice(i, i + MIN_TOKEN_LENGTH)) ?? []) {
      if (i + length > input.length) continue;
      const piece = input.slice(i, i + length);
      if (!forms.has(piece)) continue;
      const whole = !isWordCode(input.charCodeAt(i - 1)) && !isWordCode(input.charCodeAt(i + length));
      if (whole || searchAnywhere(piece)) return length;
    }
    return 0;
  };
  return (input) => {
    let out = '';
    let copied = 0;
    for (let i = 0; i + MIN_TOKEN_LENGTH <= input.length; ) {
      const length = matchAt(input, i);
      if (length === 0) {
        i++;
        continue;
      }
      out += `${input.slice(copied, i)}${REDACTED}`;
      i += length;
      copied = i;
    }
    return copied === 0 ? input : out + input.slice(copied);
  };
}

export interface Redactor {
  /** Free text (a message, helm's reason) with every secret form replaced by the marker. */
  text(text: string): string;
  /** A value tree: credential keys hidden, then every string searched like text. `path` is where it sits. */
  value(value: unknown, path?: KeyPath): unknown;
  readonly matcher: CredentialMatcher;
}

export function createRedactor(secrets: Iterable<string>, matcher: CredentialMatcher): Redactor {
  const text = textReplacer(new Set([...secrets].flatMap(formsOf)));
  const strings = (value: unknown): unknown => {
    if (typeof value === 'string') return text(value);
    if (Array.isArray(value)) return value.map(strings);
    if (isMap(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, strings(v)]));
    return value;
  };
  return {
    matcher,
    text,
    value: (value, path = []) => strings(redactTree(value, matcher, path)),
  };
}
