// Entry point of the bundled action (dist/index.js): no logic here.
import { run } from './run.js';

await run();
