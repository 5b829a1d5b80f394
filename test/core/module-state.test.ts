// Issue 18: no module-level caches in src/core. A fact worked out once per chart lives on the chart's context, a fact
// shared by the charts of one run on a run-level object passed explicitly; a module holds constants only. Module
// state is what a module fills at run time: a top-level `let`, or a top-level Map/WeakMap/Set built empty (a Set of
// literal words, built whole at import and never changed, is a constant).
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_DIR } from '../support/git-repo.js';

const CORE = join(PROJECT_DIR, 'src/core');

/**
 * Module state that stays, each with why. Every other entry is a defect. An entry that no longer exists fails too,
 * so the list shrinks with the code.
 */
const ALLOWED: Record<string, string> = {
  // process-wide by nature: what to undo when THIS process is interrupted (a signal has no run to ask)
  'interrupt.ts held': 'the releases a SIGINT/SIGTERM handler of the process must run',
  // process-wide by nature: one empty HOME folder per process, removed at its exit
  'child-env.ts home': 'the process own HOME folder for children, made once and removed at exit',
  // a mark, not a cache: the functions this module made, the only ones a sandboxed template may call
  'template-sandbox-evaluator.ts callable': 'the template sandbox allow-list of callable functions (security)',
  // process-wide by nature: the path of a file beside the bundle (or built once per test process from source)
  'template-sandbox.ts located': 'where the template worker script is: a fact of the installed bundle',
  // a lookup table derived from the constant rule registry; built on first use because rules import ruleHooks
  'rules/index.ts hooksById': 'derived from the constant rule list; lazy only to break the import order',
  // process-wide by nature: a library's module, loaded on first need (import() would return the same module again)
  'libraries.ts diff': 'the diff library, loaded once the first chart report needs it',
  'libraries.ts re2': 're2js, loaded once the first values.schema.json needs it',
  'libraries.ts ajv': 'ajv, loaded once the first values.schema.json needs it',
  // scratch buffers, not caches: reused to avoid allocating per comparison; no result survives a call
  'did-you-mean.ts row': 'scratch buffer of levenshtein, overwritten by every call',
  'did-you-mean.ts bandRows': 'scratch buffers of boundedDistance, overwritten by every call',
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

/** The names of a module's top-level state: `let` declarations and Map/WeakMap/Set constants built empty. */
function moduleState(text: string): string[] {
  const names: string[] = [];
  for (const line of text.split('\n')) {
    const declared = /^(?:export )?let ([A-Za-z_$][\w$]*)/.exec(line);
    const empty =
      /^(?:export )?const ([A-Za-z_$][\w$]*)\s*(?::[^=]+)?=\s*new (?:WeakMap|Map|Set|WeakSet)\s*(?:<.*>)?\(\s*\)/.exec(
        line,
      );
    const name = declared?.[1] ?? empty?.[1];
    if (name) names.push(name);
  }
  return names;
}

/** A module by its file name, or folder/name for a name several folders use: stable when a folder is reorganised. */
const found = sources(CORE).flatMap((file) => {
  const path = relative(CORE, file).split('\\').join('/');
  const module = /(^|\/)(index|schema)\.ts$/.test(path) ? path.split('/').slice(-2).join('/') : basename(path);
  return moduleState(readFileSync(file, 'utf8')).map((name) => `${module} ${name}`);
});

describe('module state in src/core', () => {
  it('recognises a cache filled at run time, and not a constant', () => {
    const text = [
      'const cache = new Map<string, RegExp>();',
      'export const seen: WeakMap<object, number> = new WeakMap();',
      'let validate: ValidateFunction | undefined;',
      "const WORDS = new Set(['yes', 'no']);",
      '  let local = 0;',
      'const RANK = new Map(rules.map((r, i) => [r.id, i]));',
    ].join('\n');
    expect(moduleState(text)).toEqual(['cache', 'seen', 'validate']);
  });

  it('holds no module-level cache beyond the allowed, explained entries', () => {
    expect(found.filter((entry) => !(entry in ALLOWED))).toEqual([]);
  });

  it('allows only entries that still exist', () => {
    expect(Object.keys(ALLOWED).filter((entry) => !found.includes(entry))).toEqual([]);
  });
});
