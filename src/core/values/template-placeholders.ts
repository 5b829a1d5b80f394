// What the render sees of a templated override file when no template context is configured: each template
// expression replaced by a neutral placeholder, so helm renders the chart the way the deploy would, minus the real
// values. Charts pipe values through `tpl` (Bitnami common.tplvalues.render for commonLabels and annotations,
// ingress-nginx's controller config): a `{{ sanitized_name }}` left in a value makes `tpl` fail with
// `function "sanitized_name" not defined`, on both sides, and every render-based check of the chart is lost.
//
// The placeholder is a plain string with no `{{` (it survives `tpl`), a valid label value and DNS-1123 label
// (lowercase alphanumerics and '-', at most 63 characters, alphanumeric at both ends) and no YAML 1.1 keyword or
// number (a template printing it unquoted must still get a string). It is derived from the expression's variable
// (`{{ sanitized_name }}` -> `sanitized-name`), else `templated-value`. An expression standing alone in a slot the
// chart types as a number, boolean, list or map (its default at that path, head chart first, then base) keeps that
// type: it takes the chart's default, the one value the chart is known to accept there (`replicas: {{ n }}` -> the
// default replica count; `tolerations: {{ t | to_json }}` -> the default list). Without a default, a key named like a count or port (replicas, replicaCount, port, *Port, *Seconds)
// gets 1. Expressions inside a longer string are replaced in place (`"{{ name }}.example.com"` ->
// `name.example.com`). Inline `{% %}` blocks take the branch template-branches.ts chooses for whole lines.
//
// Expressions Helm's `tpl` evaluates itself are left alone: a value such as `"{{ .Release.Name }}-tls"` or
// `{{ include "common.names.fullname" . }}` is written for the chart's tpl, not for the deploy pipeline (Go templates
// start with a field `.x`, a variable `$x`, a literal, a parenthesis, a comment or a Go/Helm action or function; a
// Jinja variable is a bare name, which tpl rejects with `function "name" not defined`).
import { isMap, type KeyPath } from './key-path.js';
import { BranchChooser } from './template-branches.js';

export const DEFAULT_PLACEHOLDER = 'templated-value';

// Jinja-only syntax in an expression: arithmetic and concatenation operators, `is` tests, filter calls `| f(x)`.
const JINJA_ONLY = /\s[~+*/%]\s|\sis\s+(?:not\s+)?\w+|\|\s*\w+\(/;
const TAG = /\{\{(?:[^}]|\}(?!\}))*\}\}|\{%(?:[^%]|%(?!\}))*%\}|\{#(?:[^#]|#(?!\}))*#\}/g;
const EXPRESSION_ONLY = /^\s*\{\{(?:[^}]|\}(?!\}))*\}\}\s*$/;
const TEMPLATED = /\{\{|\{%|\{#/;
const HELM_EXPRESSION =
  /^\{\{-?\s*(?:[.$("'`]|\/\*|(?:if|else|end|range|with|define|template|block|break|continue|include|tpl|toYaml|toJson|fromYaml|printf|print|println|quote|squote|default|required|lookup|index|len|not|and|or|eq|ne|lt|le|gt|ge|list|dict|trim|lower|upper|trunc|trimSuffix|b64enc|nindent|indent)\b)/;
// YAML 1.1 (helm's parser) reads these unquoted words as booleans or null.
const YAML_WORDS = new Set(['y', 'n', 'yes', 'no', 'on', 'off', 'true', 'false', 'null']);
const NUMERIC_KEY = /^(?:replicas|replicaCount|minReplicas|maxReplicas|port|\w*Port|\w*Seconds|\w*Count)$/;
const NUMERIC_KEY_FALLBACK = 1;

/** The type the chart gives a values path: its default, head chart first. */
export type SlotDefault = (path: KeyPath) => unknown;

/**
 * A copy of the values with every templated string replaced by its placeholder (numbers and booleans where the slot
 * is typed so). Values without templates are returned as they are.
 */
export function withPlaceholders(values: Record<string, unknown>, slotDefault: SlotDefault): Record<string, unknown> {
  return replace(values, [], slotDefault) as Record<string, unknown>;
}

function replace(value: unknown, path: KeyPath, slotDefault: SlotDefault): unknown {
  if (typeof value === 'string') return TEMPLATED.test(value) ? placeholderFor(value, path, slotDefault) : value;
  if (Array.isArray(value)) return value.map((item, i) => replace(item, [...path, i], slotDefault));
  if (isMap(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replace(v, [...path, k], slotDefault)]));
  }
  return value;
}

/** The placeholder for one templated string at a values path. */
export function placeholderFor(text: string, path: KeyPath, slotDefault: SlotDefault): unknown {
  const tags = [...text.matchAll(TAG)].map((m) => m[0]);
  if (tags.every(isHelmExpression)) return text; // for the chart's tpl, or plain text
  const chosen = chooseInlineBranches(text);
  if (EXPRESSION_ONLY.test(chosen)) {
    const fallback = slotDefault(path);
    if (typeof fallback === 'number' || typeof fallback === 'boolean') return fallback;
    if (Array.isArray(fallback) || isMap(fallback)) return structuredClone(fallback);
    const key = path[path.length - 1];
    if (fallback === undefined && typeof key === 'string' && NUMERIC_KEY.test(key)) return NUMERIC_KEY_FALLBACK;
  }
  return chosen.replace(TAG, (tag) =>
    tag.startsWith('{{') ? (isHelmExpression(tag) ? tag : placeholderName(tag)) : '',
  );
}

/** A `{{ }}` tag that Helm's tpl evaluates (not a `{% %}` or `{# #}` tag, not Jinja syntax). */
function isHelmExpression(tag: string): boolean {
  return HELM_EXPRESSION.test(tag) && !JINJA_ONLY.test(tag);
}

/** Keeps the chosen branch of inline Jinja blocks and drops their tags and comments; `{{ }}` tags stay for later. */
function chooseInlineBranches(text: string): string {
  if (!text.includes('{%')) return text.replace(/\{#(?:[^#]|#(?!\}))*#\}/g, '');
  const branches = new BranchChooser();
  let out = '';
  let at = 0;
  for (const match of text.matchAll(TAG)) {
    if (branches.taking) out += text.slice(at, match.index);
    at = match.index + match[0].length;
    const tag = match[0];
    if (tag.startsWith('{%')) branches.step(tag);
    else if (branches.taking && tag.startsWith('{{')) out += tag;
  }
  if (branches.taking) out += text.slice(at);
  return out;
}

/** A DNS-1123 label derived from the expression's first variable, or the default placeholder. */
export function placeholderName(expression: string): string {
  const body = expression.replace(/^\{\{-?|-?\}\}$/g, '');
  const variable = /[A-Za-z_][\w.]*/.exec(body)?.[0] ?? '';
  const name = variable
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  if (!/^[a-z]/.test(name) || YAML_WORDS.has(name)) return DEFAULT_PLACEHOLDER;
  return name;
}
