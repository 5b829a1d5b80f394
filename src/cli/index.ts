import { releaseOnSignals } from '../core/interrupt.js';
import { run } from './run.js';

// Ctrl-C or a CI timeout: stop helm and git, remove the temp folders (they hold override values), exit 130 / 143.
releaseOnSignals((signal) =>
  process.stderr.write(`chart-guard: stopped by ${signal}; helm stopped, temp files removed\n`),
);
process.exitCode = await run(process.argv.slice(2));
