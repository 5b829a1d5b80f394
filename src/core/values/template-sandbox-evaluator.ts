// Layer 1 of the template sandbox: nunjucks with a restricted runtime. nunjucks compiles a template to JavaScript
// whose every variable read, attribute read and call goes through four runtime functions (contextOrFrameLookup,
// memberLookup, callWrap, makeMacro) and whose filters and tests come from env.getFilter / env.getTest. Left as they
// are, `range.constructor("return process")()` reaches Function and runs code. Here they only reach plain data: own
// enumerable data properties of maps and lists, strings, numbers, booleans, and functions this module made (the
// globals, macros, a small allow-list of Jinja string/list/dict methods). Everything else is refused with the line.
// This module runs inside the worker process (layer 2); it is also importable directly, for its tests.
import nunjucks from 'nunjucks';
import { MAX_UNDEFINED, REFUSED, type SandboxResult, type TemplatePosition } from './template-sandbox-protocol.js';

/** Names no lookup may use, own or not. */
const FORBIDDEN = new Set(['constructor', '__proto__', 'prototype', '__defineGetter__', '__defineSetter__']);
const MAX_RANGE = 100_000;

/** Functions a template may call: made here, never taken from a value. */
const callable = new WeakSet<object>();
function allow<F extends (...args: never[]) => unknown>(fn: F): F {
  callable.add(fn);
  return fn;
}

function refuse(what: string): never {
  throw new Error(`\`${what}\` ${REFUSED}`);
}

type Method = (self: never, ...args: never[]) => unknown;
const text = (value: unknown): string => (typeof value === 'string' ? value : display(value));
const stripChars = (chars: unknown) => (chars == null ? '\\s' : text(chars).replace(/[\\\]^-]/g, '\\$&'));

// Python's names, as Jinja override files use them (`name.upper()`, `path.split("/")`, `d.items()`).
const STRING_METHODS: Record<string, Method> = {
  upper: (s: string) => s.toUpperCase(),
  lower: (s: string) => s.toLowerCase(),
  strip: (s: string, chars?: unknown) =>
    s.replace(new RegExp(`^[${stripChars(chars)}]+|[${stripChars(chars)}]+$`, 'g'), ''),
  lstrip: (s: string, chars?: unknown) => s.replace(new RegExp(`^[${stripChars(chars)}]+`), ''),
  rstrip: (s: string, chars?: unknown) => s.replace(new RegExp(`[${stripChars(chars)}]+$`), ''),
  replace: (s: string, old: unknown, replacement: unknown, count?: unknown) => {
    const parts = s.split(text(old));
    const n = typeof count === 'number' && count >= 0 ? count : parts.length;
    return (
      parts.slice(0, n + 1).join(text(replacement)) +
      (n + 1 < parts.length ? text(old) + parts.slice(n + 1).join(text(old)) : '')
    );
  },
  split: (s: string, separator?: unknown, maxsplit?: unknown) => {
    const parts = separator == null ? s.trim().split(/\s+/).filter(Boolean) : s.split(text(separator));
    if (typeof maxsplit !== 'number' || maxsplit < 0 || parts.length <= maxsplit + 1) return parts;
    return [...parts.slice(0, maxsplit), parts.slice(maxsplit).join(separator == null ? ' ' : text(separator))];
  },
  startswith: (s: string, prefix: unknown) => s.startsWith(text(prefix)),
  endswith: (s: string, suffix: unknown) => s.endsWith(text(suffix)),
  title: (s: string) => s.replace(/\w\S*/g, (w) => w[0].toUpperCase() + w.slice(1).toLowerCase()),
  capitalize: (s: string) => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase(),
  find: (s: string, sub: unknown) => s.indexOf(text(sub)),
  count: (s: string, sub: unknown) => (text(sub) === '' ? s.length + 1 : s.split(text(sub)).length - 1),
  join: (s: string, items: unknown) => (Array.isArray(items) ? items.map(text).join(s) : refuse(`${s}.join`)),
  isdigit: (s: string) => /^\d+$/.test(s),
};
const LIST_METHODS: Record<string, Method> = {
  index: (list: unknown[], item: unknown) => list.indexOf(item),
  count: (list: unknown[], item: unknown) => list.filter((x) => x === item).length,
};
const MAP_METHODS: Record<string, Method> = {
  items: (map: object) => Object.entries(map),
  keys: (map: object) => Object.keys(map),
  values: (map: object) => Object.values(map),
  get: (map: object, key: unknown, fallback: unknown = null) =>
    Object.hasOwn(map, text(key)) ? dataProperty(map, text(key)) : fallback,
};

const bound = (methods: Record<string, Method>, self: unknown, key: string) =>
  allow((...args: unknown[]) => (methods[key] as (...a: unknown[]) => unknown)(self, ...args));

/** A value read from data: a function is only passed on if this module made it. */
function vetted(value: unknown, what: string): unknown {
  if (typeof value === 'function' && !callable.has(value)) refuse(what);
  return value;
}

/** An own enumerable data property (never a getter). */
function dataProperty(obj: object, key: string): unknown {
  const descriptor = Object.getOwnPropertyDescriptor(obj, key);
  if (!descriptor?.enumerable || !('value' in descriptor)) refuse(`.${key}`);
  return vetted(descriptor.value, `.${key}`);
}

/** `obj.key` and `obj[key]`: plain data and the allow-listed methods; an inherited name is refused. */
function memberLookup(obj: unknown, key: unknown): unknown {
  if (obj === undefined || obj === null) return undefined;
  const name = String(key);
  if (FORBIDDEN.has(name)) refuse(`.${name}`);
  if (obj instanceof nunjucks.runtime.SafeString) obj = obj.toString();
  if (typeof obj === 'function') refuse(`.${name}`);
  if (typeof obj === 'string') {
    if (name === 'length') return obj.length;
    if (/^\d+$/.test(name)) return obj[Number(name)];
    if (Object.hasOwn(STRING_METHODS, name)) return bound(STRING_METHODS, obj, name);
  } else if (Array.isArray(obj)) {
    if (name === 'length') return obj.length;
    if (Object.hasOwn(obj, name)) return dataProperty(obj, name);
    if (Object.hasOwn(LIST_METHODS, name)) return bound(LIST_METHODS, obj, name);
  } else if (obj !== null && typeof obj === 'object') {
    if (Object.hasOwn(obj, name)) return dataProperty(obj, name);
    if (Object.hasOwn(MAP_METHODS, name)) return bound(MAP_METHODS, obj, name);
  }
  if (name in Object(obj)) refuse(`.${name}`);
  return undefined;
}

/** `f(args)`: only functions made here (globals, macros, bound methods). */
function callWrap(fn: unknown, name: string, context: unknown, args: unknown[]): unknown {
  const readable = name.replace(/\["([^"]*)"\]/g, '.$1');
  if (!fn) throw new Error(`Unable to call \`${readable}\`, which is undefined or falsey`);
  if (typeof fn !== 'function') throw new Error(`Unable to call \`${readable}\`, which is not a function`);
  if (!callable.has(fn)) refuse(readable);
  return fn.apply(context, args);
}

interface Frame {
  lookup(name: string): unknown;
}
interface Context {
  ctx: Record<string, unknown>;
  env: { globals: Record<string, unknown> };
}

/** A bare name: the template's own variables, then the context file's, then the globals; all own properties. */
function contextOrFrameLookup(context: Context, frame: Frame, name: string): unknown {
  if (FORBIDDEN.has(name)) refuse(name);
  const local = frame.lookup(name);
  if (local !== undefined) return local;
  if (Object.hasOwn(context.ctx, name)) return vetted(context.ctx[name], name);
  if (Object.hasOwn(context.env.globals, name)) return context.env.globals[name];
  return undefined;
}

/** What `{{ value }}` prints: nunjucks' text for data, without calling a method of the value. */
function display(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (value instanceof nunjucks.runtime.SafeString) return value.toString();
  if (Array.isArray(value)) return value.map(display).join(',');
  if (typeof value === 'function') return '[function]';
  if (typeof value === 'object') return '[object Object]';
  return String(value);
}

const runtime = nunjucks.runtime as unknown as Record<string, unknown> & {
  makeMacro: (...args: unknown[]) => (...a: unknown[]) => unknown;
};
const restrictedRuntime: Record<string, unknown> = Object.freeze(
  Object.assign(Object.create(null), runtime, {
    memberLookup,
    callWrap,
    contextOrFrameLookup,
    suppressValue: (value: unknown) => display(value),
    // compiled code counts lines from 0 (0 also when it has none): report them from 1, as parse errors are
    handleError: (error: unknown, lineno: number, colno: number) =>
      (runtime.handleError as (...args: unknown[]) => unknown)(error, lineno ? lineno + 1 : undefined, colno + 1),
    makeMacro: (...args: unknown[]) => allow(runtime.makeMacro(...args)),
  }),
);

function range(start: number, stop?: number, step = 1): number[] {
  if (stop === undefined) [start, stop] = [0, start];
  if (!step) step = 1;
  const length = Math.ceil((stop - start) / step);
  if (!Number.isFinite(length)) throw new Error('range() takes numbers');
  if (length > MAX_RANGE) throw new Error(`range() of ${length} items: at most ${MAX_RANGE}`);
  return Array.from({ length: Math.max(0, length) }, (_, i) => start + i * step);
}

function cycler(...items: unknown[]) {
  let index = -1;
  const cycle: Record<string, unknown> = Object.create(null);
  cycle.current = null;
  cycle.next = allow(() => {
    index = (index + 1) % Math.max(items.length, 1);
    cycle.current = items[index] ?? null;
    return cycle.current;
  });
  cycle.reset = allow(() => {
    index = -1;
    cycle.current = null;
    return '';
  });
  return cycle;
}

function joiner(separator: unknown = ',') {
  let first = true;
  return allow(() => {
    const value = first ? '' : text(separator);
    first = false;
    return value;
  });
}

/** A copy of JSON-like data with null-prototype maps, so no name reaches Object.prototype. */
export function plainData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plainData);
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = Object.create(null);
    for (const [key, item] of Object.entries(value)) copy[key] = plainData(item);
    return copy;
  }
  return typeof value === 'function' ? undefined : value;
}

/** The nunjucks environment: no loader, the restricted globals, filters and tests looked up as own properties. */
function restrictedEnvironment(): nunjucks.Environment {
  const env = new nunjucks.Environment([], { autoescape: false, throwOnUndefined: true });
  env.addFilter('tojson', (value: unknown) => JSON.stringify(value));
  const raw = env as unknown as {
    globals: Record<string, unknown>;
    filters: Record<string, (...args: unknown[]) => unknown>;
    tests: Record<string, (...args: unknown[]) => unknown>;
    getFilter(name: string): unknown;
    getTest(name: string): unknown;
    getTemplate(): never;
  };
  raw.globals = Object.assign(Object.create(null), {
    range: allow(range),
    cycler: allow(cycler),
    joiner: allow(joiner),
  });
  const filters: Record<string, (...args: unknown[]) => unknown> = Object.create(null);
  for (const [name, filter] of Object.entries(raw.filters)) {
    filters[name] = function (this: unknown, ...args: unknown[]) {
      const result = filter.apply(this, args);
      for (const item of Array.isArray(result) ? result : [result]) vetted(item, `| ${name}`);
      return result;
    };
  }
  raw.filters = filters;
  raw.tests = Object.assign(Object.create(null), raw.tests);
  raw.getFilter = (name) => {
    if (!Object.hasOwn(raw.filters, name)) throw new Error(`filter not found: ${name}`);
    return raw.filters[name];
  };
  raw.getTest = (name) => {
    if (!Object.hasOwn(raw.tests, name)) throw new Error(`test not found: ${name}`);
    return raw.tests[name];
  };
  raw.getTemplate = () => {
    throw new Error(
      '`include`, `import`, `from` and `extends` are not supported: an override file is rendered on its own',
    );
  };
  return env;
}

const environment = restrictedEnvironment();

const UNDEFINED_OUTPUT = 'attempted to output null or undefined value';

/**
 * The restricted runtime of one render, whose `{{ }}` of an undefined value prints nothing and is recorded (nunjucks'
 * own ensureDefined throws at the first): the render goes on, and reports every undefined variable at once.
 */
function recordingRuntime(undefinedAt: TemplatePosition[]): Record<string, unknown> {
  return Object.freeze(
    Object.assign(Object.create(null), restrictedRuntime, {
      ensureDefined: (value: unknown, lineno: number, colno: number) => {
        if (value !== null && value !== undefined) return value;
        if (undefinedAt.length < MAX_UNDEFINED) undefinedAt.push({ line: lineno + 1, column: colno + 1 });
        return '';
      },
    }),
  );
}

/** Renders a template with the restricted runtime; a template error is the nunjucks message (with its line). */
export function renderRestricted(source: string, variables: unknown): SandboxResult {
  const undefinedAt: TemplatePosition[] = [];
  try {
    const template = new nunjucks.Template(source, environment, undefined, true) as unknown as {
      rootRenderFunc: (env: unknown, context: Context, frame: unknown, runtime: unknown, cb: unknown) => void;
      render(context: object): string;
    };
    const root = template.rootRenderFunc;
    template.rootRenderFunc = (env, context, frame, _runtime, cb) => {
      // `{% set %}` writes context.ctx: without a prototype, `{% set __proto__ = ... %}` is just a name
      context.ctx = Object.assign(Object.create(null), context.ctx);
      return root(env, context, frame, recordingRuntime(undefinedAt), cb);
    };
    const data = plainData(variables);
    const output = template.render(data !== null && typeof data === 'object' ? data : {});
    if (undefinedAt.length === 0) return { output };
    const [first] = undefinedAt;
    return { error: `(unknown path) [Line ${first.line}, Column ${first.column}]\n  ${UNDEFINED_OUTPUT}`, undefinedAt };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}
