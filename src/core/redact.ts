// Redaction: no credential a user passes to a chart reaches a report. Override files and code-set examples are the
// only place chart-guard sees a user's secrets, and from there a value travels into helm's messages (a schema error
// quotes it), rendered objects (a Job's env `value`), base64 Secret data and value diffs. So there are two layers:
//
// - structural: a value under a credential-looking key (`auth.password`, `DB_PASSWORD` as an env `name`, Secret
//   `data`) is replaced by the marker wherever a report shows a value tree;
// - textual: every credential value of the overrides, with its base64 and JSON-escaped forms, is searched and
//   replaced in every free text of the report (messages, remedies, helm's reasons, diagnostics).
//
// Both run once, in assembleReport (review.ts), on the finished report: no format (text, markdown, JSON, SARIF,
// annotations) and no rule can bypass it. (immutable-field-changed also redacts the rendered objects before it
// picks the changed leaves of a pod template: only there is an env value's `name` still next to it.)
// Chart defaults are public (they ship in the chart), so they are not searched as text; a default under a
// credential name (`auth.adminToken` in a defaults diff) is still hidden by the structural layer. Text matching is bounded so short or common values do not blank out the
// report: values under MIN_TOKEN_LENGTH characters and a few placeholder words are never searched as text (the
// structural layer still hides them); plain words and values under MIN_SUBSTRING_LENGTH are replaced only as whole
// tokens (not inside a longer run of letters and digits); longer values mixing letters with digits or symbols are
// replaced anywhere, even inside other text.

import type { Config, OverrideFile, OverrideKey, RedactConfig } from './model.js';
import type { ChartReport, Finding, ValuesChange } from './report.js';
import { formatKeyPath, isMap, type KeyPath, KeyPathError, parseKeyPath, setOwn } from './values/key-path.js';

export const REDACTED = '<redacted>';

/** Values shorter than this are never searched as text: "1", "on", "abc" would blank out unrelated words. */
export const MIN_TOKEN_LENGTH = 4;
/** Values at least this long that mix letters with digits or symbols are replaced even inside other text. */
export const MIN_SUBSTRING_LENGTH = 8;

export type { RedactConfig } from './model.js';

export const DEFAULT_REDACT_CONFIG: RedactConfig = { keys: [], replace: false };

// ---------- which names are credentials ----------

/** Nouns naming a credential when they end a name: rootPassword, DB_PASS, clientSecret, apiToken, basicAuth, tls.crt. */
const CREDENTIAL_NOUNS = new Set([
  'password',
  'passwd',
  'pwd',
  'pass',
  'passphrase',
  'passcode',
  'pin',
  'secret',
  'token',
  'credential',
  'credentials',
  'auth',
  'cert',
  'certificate',
  'crt',
  'private',
  'salt',
  'dsn',
  'jwt',
  'kubeconfig',
]);

/** One-word compounds a name may end with (all lower case, so no camelCase split): rootpassword, PGPASSWORD. */
const CREDENTIAL_ENDINGS = [
  'password',
  'passwd',
  'passphrase',
  'secret',
  'token',
  'apikey',
  'accesskey',
  'secretkey',
  'privatekey',
  'credentials',
  'connectionstring',
];

/** Words that may follow the credential noun and still name its value: passwordHash, certPem, apiKeyBase64. */
const VALUE_SUFFIXES = new Set([
  'data',
  'value',
  'b64',
  'base64',
  'pem',
  'der',
  'json',
  'yaml',
  'string',
  'str',
  'content',
  'contents',
  'raw',
  'plain',
  'plaintext',
  'hash',
  'hashed',
  'encoded',
  'encrypted',
  'text',
  'txt',
]);

/**
 * `key` is a credential (apiKey, accessKey, privateKey, secretKey, tls.key, licenseKey...) unless the word before it
 * says it names a key of a map or an index: nodeSelectorKey, topologyKey, tolerations[0].key, secretKeyRef.key,
 * matchExpressions[0].key, publicKey. Unknown qualifiers count as credentials: over-hiding a value costs a reader
 * little, a leaked key costs a rotation.
 */
const KEY_QUALIFIERS_NOT_SECRET = new Set([
  'topology',
  'selector',
  'label',
  'annotation',
  'toleration',
  'taint',
  'ref',
  'expression',
  'field',
  'item',
  'sort',
  'partition',
  'routing',
  'primary',
  'foreign',
  'unique',
  'hash',
  'cache',
  'lookup',
  'index',
  'match',
  'object',
  'group',
  'node',
  'env',
  'config',
  'map',
  'header',
  'query',
  'metric',
  'dimension',
  'tag',
  'attribute',
  'prefix',
  'suffix',
  'path',
  'bucket',
  'shard',
  'affinity',
  'public',
  'idempotency',
]);

/** "DB_PASSWORD" -> [db, password]; "apiKey" -> [api, key]; "tls.crt" -> [tls, crt]; "APIKey" -> [api, key]. */
export function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

function singular(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

/** Is this word (with the word before it, for `key`) a credential noun? */
function isCredentialNoun(word: string, previous: string | undefined): boolean {
  const one = singular(word);
  if (one === 'key') return previous === undefined || !KEY_QUALIFIERS_NOT_SECRET.has(singular(previous));
  if (CREDENTIAL_NOUNS.has(word) || CREDENTIAL_NOUNS.has(one)) return true;
  return CREDENTIAL_ENDINGS.some((ending) => one.endsWith(ending));
}

/**
 * A credential name: its last word is a credential noun (or such a noun followed only by value words like `hash`,
 * `base64`), and it does not name a reference to one (`existingSecret`, `secretName`, `passwordLength` end in
 * another word or start with `existing`). `context` is the word before the name (the parent key), used for a bare
 * `key`: `tls.key` is a private key, `tolerations[0].key` is not.
 */
function isBuiltinCredentialName(name: string, context?: string): boolean {
  const words = wordsOf(name);
  if (words.length === 0 || words[0] === 'existing') return false;
  // a connection string carries its password: "postgres://app:S3cret@db/app"
  if (words.slice(-2).join('') === 'connectionstring') return true;
  let end = words.length - 1;
  while (end > 0 && VALUE_SUFFIXES.has(words[end])) end--;
  const previous = end > 0 ? words[end - 1] : context;
  return isCredentialNoun(words[end], previous);
}

/** A matcher for names and key paths, with the config's extra names (or only those, with `replace: true`). */
export class CredentialMatcher {
  private readonly extraWords: string[][];
  private readonly extraPaths: Set<string>;

  constructor(private readonly config: RedactConfig = DEFAULT_REDACT_CONFIG) {
    const names = config.keys.filter((k) => !k.includes('.'));
    this.extraWords = names.map(wordsOf).filter((w) => w.length > 0);
    this.extraPaths = new Set(config.keys.filter((k) => k.includes('.')));
  }

  /** Names repeat across a report (every container's `name`, `image`...): each is judged once per run. */
  private readonly judged = new Map<string, boolean>();

  /** A single name: a values key, an env var name, a ConfigMap key. */
  isCredentialName(name: string, context?: string): boolean {
    const id = `${context ?? ''}\u0000${name}`;
    let verdict = this.judged.get(id);
    if (verdict === undefined) {
      verdict = this.judge(name, context);
      this.judged.set(id, verdict);
    }
    return verdict;
  }

  private judge(name: string, context?: string): boolean {
    const words = wordsOf(name);
    const extra = this.extraWords.some(
      (w) => w.length <= words.length && w.every((word, i) => word === words[words.length - w.length + i]),
    );
    if (extra) return true;
    return !this.config.replace && isBuiltinCredentialName(name, context);
  }

  /**
   * A values key path holds a credential when its last key is a credential name, or when a key above it is a
   * plural container of them (`secrets`, `credentials`, `passwords`, `apiKeys`: everything below is one).
   */
  isCredentialPath(path: readonly (string | number)[]): boolean {
    if (this.extraPaths.size > 0 && this.extraPaths.has(formatKeyPath(path))) return true;
    const keys = path.filter((s): s is string => typeof s === 'string');
    if (keys.length === 0) return false;
    const above = keys.slice(0, -1).some((key, i) => this.isContainer(key, keys[i - 1]));
    return this.isCredentialChild(keys[keys.length - 1], keys[keys.length - 2], above);
  }

  /** Walking a tree, user-set dotted paths need the full path of every value; built-in rules need only its keys. */
  get needsFullPaths(): boolean {
    return this.extraPaths.size > 0;
  }

  /**
   * isCredentialPath of a path ending in `key`, from what a tree walk carries down: the string key above it and
   * whether any key above is a container. One lookup per value, not one per value and ancestor.
   */
  isCredentialChild(key: string, parent: string | undefined, containerAbove: boolean): boolean {
    return containerAbove || this.isCredentialName(key, this.lastWord(parent));
  }

  private readonly lastWords = new Map<string, string | undefined>();

  private lastWord(key: string | undefined): string | undefined {
    if (key === undefined) return undefined;
    if (!this.lastWords.has(key)) this.lastWords.set(key, wordsOf(key).pop());
    return this.lastWords.get(key);
  }

  private readonly containers = new Map<string, boolean>();

  /** `secrets`, `credentials`, `apiKeys`: a plural credential name, below which every value is one. */
  isContainer(key: string, parent: string | undefined): boolean {
    const id = `${parent ?? ''}\u0000${key}`;
    let verdict = this.containers.get(id);
    if (verdict === undefined) {
      const last = this.lastWord(key);
      verdict = last !== undefined && singular(last) !== last && this.isCredentialName(key, this.lastWord(parent));
      this.containers.set(id, verdict);
    }
    return verdict;
  }
}

/** Parses a report's key or field path; undefined when it is not one (a free-form label). */
function pathOf(text: string | undefined): KeyPath | undefined {
  if (!text) return undefined;
  try {
    return parseKeyPath(text);
  } catch (error) {
    if (error instanceof KeyPathError) return undefined;
    throw error;
  }
}

// ---------- structural redaction of value trees ----------

const isHideable = (value: unknown): boolean =>
  (typeof value === 'string' && value !== '') || typeof value === 'number' || typeof value === 'bigint';

/**
 * A copy of a value tree (a values file, a rendered object, a before/after) with credential values replaced by the
 * marker: scalars and lists under a credential key (a map under one, like `auth:`, is judged key by key), everything
 * below a plural container (`secrets:`), the `value` of an env-style `{name, value}` entry whose name is a
 * credential (DB_PASSWORD), and the data of a Secret. Booleans, null and "" say nothing secret and stay.
 */
export function redactTree(
  value: unknown,
  matcher: CredentialMatcher,
  path: KeyPath = [],
  hidden = !isMap(value) && matcher.isCredentialPath(path),
): unknown {
  const keys = path.filter((s): s is string => typeof s === 'string');
  const containerAbove = keys.some((key, i) => matcher.isContainer(key, keys[i - 1]));
  const walk: TreeWalk = { matcher, path: matcher.needsFullPaths ? [...path] : undefined };
  return redactWalk(value, walk, hidden, keys[keys.length - 1], containerAbove);
}

interface TreeWalk {
  matcher: CredentialMatcher;
  /** The current value's full path, kept only when the config names dotted credential paths. */
  path?: KeyPath;
}

/** redactTree's walk: `parent` is the nearest string key above the value, `containerAbove` whether one is a container. */
function redactWalk(
  value: unknown,
  walk: TreeWalk,
  hidden: boolean,
  parent: string | undefined,
  containerAbove: boolean,
): unknown {
  const { matcher, path } = walk;
  if (Array.isArray(value)) {
    return value.map((item, i) => {
      path?.push(i);
      const out = redactWalk(item, walk, hidden, parent, containerAbove);
      path?.pop();
      return out;
    });
  }
  if (isMap(value)) {
    const envName = typeof value.name === 'string' && matcher.isCredentialName(value.name) && 'value' in value;
    const secret = value.kind === 'Secret';
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      path?.push(key);
      const hideChild =
        hidden ||
        (envName && key === 'value') ||
        (secret && (key === 'data' || key === 'stringData')) ||
        // a map under a credential name (`auth:`) is judged key by key: auth.username is not a credential
        (!isMap(child) &&
          (path ? matcher.isCredentialPath(path) : matcher.isCredentialChild(key, parent, containerAbove)));
      const below = containerAbove || matcher.isContainer(key, parent);
      setOwn(out, key, redactWalk(child, walk, hideChild, key, below));
      path?.pop();
    }
    return out;
  }
  return hidden && isHideable(value) ? REDACTED : value;
}

/** Every credential value of a value tree, as the strings a message would print ("1234" for the number 1234). */
function collectSecrets(value: unknown, matcher: CredentialMatcher, path: KeyPath, into: Set<string>): void {
  const redacted = redactTree(value, matcher, path);
  const walk = (original: unknown, shown: unknown) => {
    if (Array.isArray(original) && Array.isArray(shown)) {
      for (let i = 0; i < original.length; i++) walk(original[i], shown[i]);
    } else if (isMap(original) && isMap(shown))
      for (const key of Object.keys(original)) walk(original[key], shown[key]);
    else if (shown === REDACTED && original !== REDACTED) into.add(String(original));
  };
  walk(value, redacted);
}

/** What a chart's secrets are read from: its override files (both sides) and code-set keys (a ChartInputs). */
export interface ChartValues {
  overrides: readonly OverrideFile[];
  baseOverrides: readonly OverrideFile[];
  codeSet: readonly OverrideKey[];
}

/** The credential values a chart's overrides (both sides) and code-set examples carry. */
export function chartSecrets(context: ChartValues, matcher: CredentialMatcher, into = new Set<string>()): Set<string> {
  const files: OverrideFile[] = [...context.overrides, ...context.baseOverrides];
  for (const file of files) collectSecrets(file.values, matcher, [], into);
  for (const key of context.codeSet) {
    if (key.value !== undefined) collectSecrets(key.value, matcher, key.path, into);
  }
  return into;
}

/** Code-set examples of every chart in the config (a value shared by two charts is hidden in both). */
export function configSecrets(config: Config, matcher: CredentialMatcher, into = new Set<string>()): Set<string> {
  const sets = [
    config.set,
    ...config.environments.map((e) => e.set),
    ...Object.values(config.charts).map((c) => c.set),
  ];
  for (const set of sets) {
    for (const key of set) {
      if (key.example !== undefined) collectSecrets(key.example, matcher, key.path, into);
    }
  }
  return into;
}

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

// ---------- the report ----------

/** The redactor of a run: the config's names, and the secrets of every analysed chart and of the config. */
export function reportRedactor(contexts: readonly ChartValues[], config: Config): Redactor {
  const matcher = new CredentialMatcher(config.redact);
  const secrets = configSecrets(config, matcher);
  for (const context of contexts) chartSecrets(context, matcher, secrets);
  return createRedactor(secrets, matcher);
}

function redactFinding(finding: Finding, redactor: Redactor): Finding {
  const path = pathOf(finding.path) ?? [];
  const out: Finding = { ...finding, message: redactor.text(finding.message) };
  if (finding.remedy !== undefined) out.remedy = redactor.text(finding.remedy);
  if ('before' in finding) out.before = redactor.value(finding.before, path);
  if ('after' in finding) out.after = redactor.value(finding.after, path);
  return out;
}

function redactValuesChange(change: ValuesChange, redactor: Redactor): ValuesChange {
  const path = pathOf(change.path) ?? [];
  return {
    ...change,
    before: redactor.value(change.before, path),
    after: redactor.value(change.after, path),
  };
}

/** A chart's report with every value and free text redacted; names, files, lines and paths are kept as they are. */
export function redactChartReport(chart: ChartReport, redactor: Redactor): ChartReport {
  return {
    ...chart,
    render:
      chart.render.reason === undefined
        ? chart.render
        : { ...chart.render, reason: redactor.text(chart.render.reason) },
    valuesDiff: { ...chart.valuesDiff, changed: chart.valuesDiff.changed.map((c) => redactValuesChange(c, redactor)) },
    findings: chart.findings.map((f) => redactFinding(f, redactor)),
    // commands and notes quote names, files and labels from the renders: searched like any text
    ...(chart.upgradeActions ? { upgradeActions: redactStrings(chart.upgradeActions, redactor) } : {}),
    ...(chart.upgradeNotes
      ? {
          upgradeNotes: chart.upgradeNotes.map((n) => ({
            heading: redactor.text(n.heading),
            text: redactor.text(n.text),
          })),
        }
      : {}),
    ...(chart.lockfileComment !== undefined ? { lockfileComment: redactor.text(chart.lockfileComment) } : {}),
    ...(chart.artifactHubChanges ? { artifactHubChanges: chart.artifactHubChanges.map(redactor.text) } : {}),
    ...(chart.reinstallReason !== undefined ? { reinstallReason: redactor.text(chart.reinstallReason) } : {}),
    // the objects were redacted structurally when diffed (render/rendered-diff.ts); their text is searched here
    ...(chart.renderedDiff
      ? {
          renderedDiff: chart.renderedDiff.map((d) => ({
            ...d,
            objects: d.objects.map((o) => ({ ...o, patch: redactor.text(o.patch) })),
          })),
        }
      : {}),
    ...(chart.environments
      ? {
          environments: chart.environments.map((e) =>
            e.render.reason === undefined
              ? e
              : { ...e, render: { ...e.render, reason: redactor.text(e.render.reason) } },
          ),
        }
      : {}),
  };
}

/** Every string of a tree of plain data, redacted as text (the tree's own keys are field names, never secrets). */
function redactStrings<T>(tree: T, redactor: Redactor): T {
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return redactor.text(node);
    if (Array.isArray(node)) return node.map(walk);
    if (isMap(node)) return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v)]));
    return node;
  };
  return walk(tree) as T;
}

export function redactFindings(findings: Finding[], redactor: Redactor): Finding[] {
  return findings.map((f) => redactFinding(f, redactor));
}
