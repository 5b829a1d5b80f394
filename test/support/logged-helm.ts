// A real helm behind a tiny shell script that appends each call's arguments to a log, then execs the binary: tests
// prove from the log whether helm ran (`helm template`, `helm version`), with helm's real behaviour otherwise.
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface LoggedHelm {
  /** The wrapper script: pass it as --helm / helm. */
  path: string;
  /** Every call so far, as its argument line ("template rel /tmp/... --namespace demo ..."). */
  calls(): string[];
  /** The calls of one helm command ("template", "version"). */
  callsOf(command: string): string[];
}

export function loggedHelm(realPath: string): LoggedHelm {
  const dir = mkdtempSync(join(tmpdir(), 'cg-logged-helm-'));
  const log = join(dir, 'calls.log');
  const path = join(dir, 'helm');
  writeFileSync(path, `#!/bin/sh\necho "$*" >> '${log}'\nexec '${realPath}' "$@"\n`);
  chmodSync(path, 0o755);
  const calls = () => {
    try {
      return readFileSync(log, 'utf8').split('\n').filter(Boolean);
    } catch {
      return [];
    }
  };
  return { path, calls, callsOf: (command) => calls().filter((line) => line.split(' ')[0] === command) };
}
