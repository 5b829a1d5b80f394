// The Action proper, imported by the launcher (index.ts) once the compile cache is on: no logic here.
import { releaseOnSignals } from '../core/runtime/interrupt.js';
import { run } from './run.js';

// A cancelled workflow sends SIGINT, then SIGTERM: stop helm and git and remove the temp folders before exiting.
releaseOnSignals((signal) =>
  process.stderr.write(`chart-guard: stopped by ${signal}; helm stopped, temp files removed\n`),
);
await run();
