// Layer 2 of the template sandbox: the process that renders templates (bundled alone as template-worker.cjs). It runs
// under Node's permission model with an empty environment (see template-sandbox.ts), reads one JSON request a line
// on stdin and writes one JSON answer a line on stdout, until stdin closes.
import { createInterface } from 'node:readline';
import { renderRestricted } from './template-sandbox-evaluator.js';
import type { SandboxResult, WorkerRequest } from './template-sandbox-protocol.js';

// Set by the bundler: true only in the copy tests build, so they can check what the process itself may do.
declare const __CG_SANDBOX_TEST_HOOK__: boolean;

function answer(request: WorkerRequest): SandboxResult {
  if (__CG_SANDBOX_TEST_HOOK__ && request.evaluate !== undefined) {
    try {
      return { output: String(new Function(request.evaluate)()) };
    } catch (e) {
      return { error: String((e as { code?: string }).code ?? (e as Error).message) };
    }
  }
  return renderRestricted(String(request.source ?? ''), request.variables ?? {});
}

createInterface({ input: process.stdin })
  .on('line', (line) => {
    let request: WorkerRequest;
    try {
      request = JSON.parse(line) as WorkerRequest;
    } catch {
      return;
    }
    process.stdout.write(`${JSON.stringify({ id: request.id, ...answer(request) })}\n`);
  })
  .on('close', () => process.exit(0));
