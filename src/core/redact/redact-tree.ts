// The structural layer of redaction: credential values replaced in value trees (values files, rendered objects,
// befores and afters), and the credential values of a chart's overrides and the config collected for the text layer.

import type { Config, OverrideFile, OverrideKey } from '../model/model.js';
import { isCodeSetPlaceholder } from '../values/code-set-placeholder.js';
import { isMap, type KeyPath, setOwn } from '../values/key-path.js';
import { type CredentialMatcher, REDACTED } from './credentials.js';

// ---------- structural redaction of value trees ----------

// a placeholder the deploy code replaces (`set-by-engine-code`) is the same word everywhere: it hides nothing
const isHideable = (value: unknown): boolean =>
  (typeof value === 'string' && value !== '' && !isCodeSetPlaceholder(value)) ||
  typeof value === 'number' ||
  typeof value === 'bigint';

/**
 * A copy of a value tree (a values file, a rendered object, a before/after) with credential values replaced by the
 * marker: scalars and lists under a credential key (a map under one, like `auth:`, is judged key by key), everything
 * below a plural container (`secrets:`), the `value` of an env-style `{name, value}` entry whose name is a
 * credential (DB_PASSWORD), and the data of a Secret. Booleans, null, "" and placeholders the deploy code replaces
 * (values/code-set-placeholder.ts) say nothing secret and stay.
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
