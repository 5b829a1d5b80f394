// The CLI proper, imported by the launcher (index.ts) once the compile cache is on.
import { releaseAll, releaseOnSignals } from '../core/runtime/interrupt.js';
import { run } from './run.js';

// Ctrl-C or a CI timeout: stop helm and git, remove the temp folders (they hold override values), exit 130 / 143.
releaseOnSignals((signal) =>
  process.stderr.write(`chart-guard: stopped by ${signal}; helm stopped, temp files removed\n`),
);
// Any other exit (a crash between a temp folder's creation and its removal included) leaves nothing behind either.
process.once('exit', releaseAll);
process.exitCode = await run(process.argv.slice(2));
