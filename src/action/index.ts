// Entry point of the bundled action (dist/index.js): a launcher that turns V8's compile cache on (the Action runs on
// Node 24; the folder is under RUNNER_TEMP), then imports the Action (dist/action-main.js). No logic here.
import { enableCompileCache } from '../core/runtime/compile-cache.js';

enableCompileCache();
await import('./main.js');
