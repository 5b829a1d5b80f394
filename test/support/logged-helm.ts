// A real helm (or git) behind a tiny shell script that logs each call, then execs the binary: tests prove from the
// log whether helm ran (`helm template`, `helm version`), with which exact arguments and environment, with helm's
// real behaviour otherwise.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface LoggedHelm {
  /** The wrapper script: pass it as --helm / helm. */
  path: string;
  /** Every call so far, as its argument line ("template rel /tmp/... --namespace demo ..."). */
  calls(): string[];
  /** The calls of one helm command ("template", "version"). */
  callsOf(command: string): string[];
  /** Every call's exact arguments and environment, in the order the calls started. */
  invocations(): ToolInvocation[];
}

export interface ToolInvocation {
  argv: string[];
  /** What the wrapper saw; its own shell adds PWD. */
  env: Record<string, string>;
}

export function loggedHelm(realPath: string): LoggedHelm {
  const tool = loggedTool(realPath, 'helm');
  return {
    path: tool.path,
    calls: tool.calls,
    callsOf: (command) => tool.calls().filter((line) => line.split(' ')[0] === command),
    invocations: tool.invocations,
  };
}

export interface LoggedTool {
  /** The folder holding the wrapper: put it first on PATH to catch calls by name (`git`). */
  dir: string;
  path: string;
  calls(): string[];
  invocations(): ToolInvocation[];
}

/** `realPath` behind a wrapper named `name` that logs every call. */
export function loggedTool(realPath: string, name: string): LoggedTool {
  const dir = mkdtempSync(join(tmpdir(), `cg-logged-${name}-`));
  const log = join(dir, 'calls.log');
  const path = join(dir, name);
  const exact = join(dir, 'invocations');
  mkdirSync(exact);
  // each call's argv and environment NUL-separated, in files named by start time and pid (the calls of a run overlap)
  writeFileSync(
    path,
    [
      '#!/bin/sh',
      `echo "$*" >> '${log}'`,
      `n="$(date +%s%N)-$$"`,
      `printf '%s\\0' "$@" > '${exact}'/"$n.argv"`,
      `env -0 > '${exact}'/"$n.env"`,
      `exec '${realPath}' "$@"`,
      '',
    ].join('\n'),
  );
  chmodSync(path, 0o755);
  const calls = () => {
    try {
      return readFileSync(log, 'utf8').split('\n').filter(Boolean);
    } catch {
      return [];
    }
  };
  const fields = (file: string) => readFileSync(join(exact, file), 'utf8').split('\0').slice(0, -1);
  const invocations = () =>
    readdirSync(exact)
      .filter((file) => file.endsWith('.argv'))
      .sort()
      .map((file) => ({
        argv: fields(file),
        env: Object.fromEntries(
          fields(file.replace(/\.argv$/, '.env')).map((entry) => [
            entry.slice(0, entry.indexOf('=')),
            entry.slice(entry.indexOf('=') + 1),
          ]),
        ),
      }));
  return { dir, path, calls, invocations };
}
