// Renders a templated override file with the variables the deploy pipeline uses (config `templates: { engine: jinja,
// context: ci/template-context.yaml }`), then reads the output like any override file. nunjucks is the Jinja2
// implementation for JavaScript (same tags, filters and whitespace control); `throwOnUndefined` makes printing an
// undefined variable an error, like Jinja's StrictUndefined (an undefined variable in an `if` is false, as in Jinja's
// default and Tera). Template errors and undefined variables become the file's error, with its line: never a throw.
//
// The engine runs in a sandbox (template-sandbox.ts): an override file comes from the pull request, and nunjucks
// alone would let `{{ range.constructor("return process")() }}` run code. An escape attempt is the file's error.
//
// Lines: each source line gets a YAML comment marker before rendering, so every output line knows the source line
// it came from (loops repeat lines, untaken branches drop them), and keys are reported at the lines the user wrote.
import { isMap as isYamlMap } from 'yaml';
import { readYaml, yamlValue } from '../input/yaml-input.js';
import type { InputProblem, OverrideFile, TemplateSettings } from '../model/model.js';
import { isMap } from './key-path.js';
import { TemplateSandbox } from './template-sandbox.js';
import { REFUSED, type TemplatePosition } from './template-sandbox-protocol.js';
import { parseValuesFile, type ValuesFileOptions } from './values-file.js';

/** The variables of a template context file, read from one snapshot. */
export interface TemplateContext {
  /** Repo-relative path of the context file. */
  path: string;
  variables: Record<string, unknown>;
}

/** Reads a context file: a YAML map of variables. Missing or invalid files are problems for config-invalid. */
export function parseTemplateContext(
  text: string | undefined,
  settings: TemplateSettings,
  configPath: string,
): { context?: TemplateContext; problem?: InputProblem } {
  if (text === undefined) {
    return {
      problem: {
        file: configPath,
        line: settings.line,
        message: `templates.context: ${settings.context} does not exist; templated override files were read with placeholders`,
      },
    };
  }
  // The reader (yaml-input.ts) bounds aliases and depth, and refuses an alias without its anchor, before converting.
  const read = readYaml(text, settings.context, { what: settings.context });
  const [document] = read.documents;
  if (document.problems.length > 0) return { problem: document.problems[0] };
  const root = document.doc.contents;
  if (root !== null && !isYamlMap(root)) {
    const line = read.lineOf(root) ?? 1;
    return { problem: { file: settings.context, line, message: `${settings.context} must be a map of variables` } };
  }
  const { value: variables, problem } = yamlValue(document, settings.context, settings.context);
  if (problem) return { problem };
  return { context: { path: settings.context, variables: isMap(variables) ? variables : {} } };
}

const MARKER = '#cg-line@';
const MARKERS = /\s?#cg-line@(\d+)/g;
const TAG_SPAN = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}|\{#[\s\S]*?#\}/g;
const BLOCK_SCALAR = /(?:^|:\s|-\s)\s*[|>][-+0-9]*\s*(?:#.*)?$/;
const UNDEFINED_OUTPUT = 'attempted to output null or undefined value';

export interface TemplatedFileOptions extends ValuesFileOptions {
  /** The sandbox to render in: one per side of a review (workspace.ts); default: a sandbox of this file alone. */
  sandbox?: TemplateSandbox;
}

/** Renders the override file with the context and reads the output; key lines point into the source file. */
export async function readTemplatedValuesFile(
  text: string,
  path: string,
  context: TemplateContext,
  options: TemplatedFileOptions = {},
): Promise<OverrideFile> {
  const source = text.replace(/^\uFEFF/, '');
  const sandbox = options.sandbox ?? new TemplateSandbox();
  const result = await sandbox.render(markLines(source), context.variables);
  if ('error' in result) {
    const error = templateProblem(result.error, source, path, context.path, result.undefinedAt);
    return { path, values: {}, keys: [], skipped: [], renderedWith: context.path, error };
  }
  const { text: rendered, sourceLine } = unmarkLines(result.output);
  const file = parseValuesFile(rendered, path, options);
  // only a file with template syntax is a rendering of its own (the runbook passes a rendered copy of it)
  if (/\{\{|\{%|\{#/.test(source)) file.renderedWith = context.path;
  for (const key of file.keys) key.line = sourceLine(key.line);
  for (const skipped of file.skipped) skipped.line = sourceLine(skipped.line);
  if (file.error?.line) file.error.line = sourceLine(file.error.line);
  return file;
}

/** Appends a line marker comment to every line that can carry one (not block scalar content, not inside a tag). */
function markLines(text: string): string {
  const insideTag = new Set<number>();
  for (const match of text.matchAll(TAG_SPAN)) {
    for (let at = text.indexOf('\n', match.index); at >= 0 && at < match.index + match[0].length; ) {
      insideTag.add(at);
      at = text.indexOf('\n', at + 1);
    }
  }
  let offset = 0;
  let blockIndent: number | undefined;
  return text
    .split('\n')
    .map((raw, i) => {
      const end = offset + raw.length;
      offset = end + 1;
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      const indent = line.length - line.trimStart().length;
      if (blockIndent !== undefined && (line.trim() === '' || indent > blockIndent)) return raw;
      blockIndent = BLOCK_SCALAR.test(line) ? indent : undefined;
      if (insideTag.has(end) || line.trim() === '' || /"[^"]*$/.test(line.replace(/\\"|"[^"]*"/g, ''))) return raw;
      return `${line} ${MARKER}${i + 1}${raw.endsWith('\r') ? '\r' : ''}`;
    })
    .join('\n');
}

/** Strips the markers; an output line without one belongs to the last marked line before it. */
function unmarkLines(output: string): { text: string; sourceLine: (renderedLine: number) => number } {
  const origin: number[] = [];
  let last = 1;
  const lines = output.split('\n').map((line) => {
    const first = /#cg-line@(\d+)/.exec(line);
    if (first) last = Number(first[1]);
    origin.push(last);
    return line.replace(MARKERS, '');
  });
  return { text: lines.join('\n'), sourceLine: (n) => origin[n - 1] ?? last };
}

const STACK_OVERFLOW = /Maximum call stack size exceeded/;

/**
 * A nunjucks error as a problem with the source line: "(unknown path) [Line 9, Column 4]\n  reason". Undefined
 * variables are one problem listing every expression that prints one, at the first one's line.
 */
function templateProblem(
  message: string,
  source: string,
  path: string,
  contextPath: string,
  undefinedAt: readonly TemplatePosition[] = [],
): InputProblem {
  const position = /\[Line (\d+), Column (\d+)\]/.exec(message);
  const reason = message
    .split('\n')
    .pop()!
    .trim()
    .replace(/^Error: /, '');
  let line = position ? Number(position[1]) : undefined;
  const lines = source.split('\n');
  if (reason === UNDEFINED_OUTPUT && line !== undefined) {
    const places = undefinedAt.length ? undefinedAt : [{ line, column: Number(position![2]) }];
    return { file: path, line: places[0].line, message: undefinedMessage(places, lines, path, contextPath) };
  }
  if (STACK_OVERFLOW.test(reason)) {
    // a macro that calls itself without end: the engine's stack runs out (never a stack trace, never the host's words)
    const at = lines.findIndex((l) => /\{%-?\s*macro\b/.test(l));
    return {
      file: path,
      ...(at >= 0 ? { line: at + 1 } : line !== undefined ? { line } : {}),
      message: `${path} cannot be rendered with ${contextPath}: the template calls itself without end (a macro that never stops recursing)`,
    };
  }
  if (reason.endsWith(REFUSED)) {
    const refused = refusalAt(reason, lines, line);
    return { file: path, line: refused.line, message: `${path}: ${refused.reason}` };
  }
  if (line === undefined) {
    // errors found while compiling (unknown filter, unclosed block) carry no position: find the name they cite
    const name =
      /(?:filter not found|test not found|Unable to call `?)[:\s]*`?([\w.-]+)/.exec(reason)?.[1] ??
      (/^`include`/.test(reason) ? /\{%-?\s*(?:include|import|from|extends)\b/ : undefined) ??
      (/^range\(\)/.test(reason) ? /\brange\s*\(/ : undefined);
    const at = name ? lines.findIndex((l) => (typeof name === 'string' ? l.includes(name) : name.test(l))) : -1;
    if (at >= 0) line = at + 1;
    else if (/end of file/.test(reason)) line = lines.length - (lines[lines.length - 1] === '' ? 1 : 0);
  }
  return { file: path, line, message: `${path} cannot be rendered with ${contextPath}: ${reason}` };
}

/**
 * A refusal of the sandbox at the line that wrote it, naming the lookup as written: "`.constructor` is not
 * allowed" becomes "`range.constructor` is not allowed". nunjucks gives no line for an expression outside a
 * tag, so the line is where the name is written, the reported one first.
 */
function refusalAt(reason: string, lines: string[], reported: number | undefined): { line?: number; reason: string } {
  const cited = /^`([^`]+)`/.exec(reason)?.[1];
  if (cited === undefined) return { line: reported, reason };
  const member = cited.startsWith('.') ? escapeRegExp(cited.slice(1)) : undefined;
  const pattern = member
    ? new RegExp(
        `(?:[A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*|\\[[^\\]]*\\]|\\([^()]*\\))*?)?(?:\\.\\s*${member}\\b|\\[\\s*["']${member}["']\\s*\\])`,
      )
    : new RegExp(`(?<![\\w.])${escapeRegExp(cited)}(?!\\w)`);
  const line = [...(reported ? [reported] : []), ...lines.map((_, i) => i + 1)].find((n) =>
    pattern.test(lines[n - 1] ?? ''),
  );
  if (line === undefined) return { line: reported, reason };
  const written = member ? pattern.exec(lines[line - 1])?.[0] : undefined;
  return { line, reason: written ? reason.replace(`\`${cited}\``, `\`${written}\``) : reason };
}

/**
 * "`{{ a }}` prints a variable that ctx.yaml does not define"; with several, each expression once with its lines:
 * "4 expressions print variables that ctx.yaml does not define: `{{ a }}` (line 3), `{{ b }}` (lines 5, 9), ...".
 */
function undefinedMessage(
  places: readonly TemplatePosition[],
  lines: readonly string[],
  path: string,
  contextPath: string,
): string {
  const expressions = new Map<string, number[]>();
  for (const place of places) {
    const expression = expressionAt(lines[place.line - 1] ?? '', place.column);
    const shown = expression ? `\`${expression}\`` : 'a template expression';
    const at = expressions.get(shown) ?? [];
    if (!at.includes(place.line)) at.push(place.line);
    expressions.set(shown, at);
  }
  const list = [...expressions].map(([shown, at]) => `${shown} (line${at.length > 1 ? 's' : ''} ${at.join(', ')})`);
  if (expressions.size === 1) {
    const [[shown, at]] = expressions;
    return `${path}: ${at.length > 1 ? list[0] : shown} prints a variable that ${contextPath} does not define`;
  }
  return `${path}: ${expressions.size} expressions print variables that ${contextPath} does not define: ${list.join(', ')}`;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The `{{ ... }}` expression at or after a 1-based column of a line. */
function expressionAt(line: string, column: number): string | undefined {
  const start = line.lastIndexOf('{{', Math.max(0, column));
  const from = start >= 0 ? start : line.indexOf('{{');
  if (from < 0) return undefined;
  const end = line.indexOf('}}', from);
  return end < 0 ? undefined : line.slice(from, end + 2);
}
