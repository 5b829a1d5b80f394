// Which names are credentials (`auth.password`, `DB_PASSWORD`, a Secret's `data`), by their words and the config's
// redact keys, and the marker that replaces a credential value wherever a report would show it.

import type { RedactConfig } from '../model/model.js';
import { formatKeyPath, type KeyPath, KeyPathError, parseKeyPath } from '../values/key-path.js';

export const REDACTED = '<redacted>';

const DEFAULT_REDACT_CONFIG: RedactConfig = { keys: [], replace: false };

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
export function pathOf(text: string | undefined): KeyPath | undefined {
  if (!text) return undefined;
  try {
    return parseKeyPath(text);
  } catch (error) {
    if (error instanceof KeyPathError) return undefined;
    throw error;
  }
}
