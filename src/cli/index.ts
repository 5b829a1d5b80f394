// Entry point of the CLI bundle (dist/cli.js): a launcher that turns V8's compile cache on, then imports the CLI
// (dist/cli-main.js), so that the large bundle is read from the cache on Node 22 and later. Imports nothing else.
import { enableCompileCache } from '../core/runtime/compile-cache.js';

enableCompileCache();
await import('./main.js');
