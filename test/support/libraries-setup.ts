// The libraries chart-guard loads on first need (src/core/runtime/libraries.ts) are loaded before each test file: unit
// tests call the rendered diff and the rules directly, where a run's pipeline loads them first (pipeline/charts.ts).
// The tests that run the built CLI (test/support/cli-bundle.ts) run without this, as a user does.
import { loadDiff, loadSchemaValidator } from '../../src/core/runtime/libraries.js';

await Promise.all([loadDiff(), loadSchemaValidator()]);
