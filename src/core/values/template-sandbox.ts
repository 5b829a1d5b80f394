// Runs templated override files where they cannot reach the host: a child node process (template-worker.cjs, layer
// 1 inside it) under Node's permission model: no environment, no file reads but its own script, no writes, no child
// processes, no workers, a small heap and a wall-clock limit. One worker renders many files over line-delimited
// JSON (starting node costs far more than a render); a worker that dies or overruns fails only the file in flight,
// and the next file gets a fresh one. A worker closes itself when idle and never keeps chart-guard alive.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import {
  MAX_UNDEFINED,
  type SandboxResult,
  type TemplatePosition,
  type WorkerRequest,
} from './template-sandbox-protocol.js';

export interface SandboxOptions {
  /** Wall-clock limit of one render, worker start included. */
  timeoutMs?: number;
  /** V8 old-space limit of the worker. */
  heapMb?: number;
  /** A worker with nothing to do exits after this long. */
  idleMs?: number;
}

const DEFAULTS = { timeoutMs: 10_000, heapMb: 64, idleMs: 2_000 };
const MAX_LINE = 64 * 1024 * 1024;

/** `--permission` since Node 22.13 / 23.5, `--experimental-permission` before. */
export function permissionFlag(version = process.versions.node): string {
  const [major, minor] = version.split('.').map(Number);
  const stable = major >= 24 || (major === 23 && minor >= 5) || (major === 22 && minor >= 13);
  return stable ? '--permission' : '--experimental-permission';
}

/** The node command line of a worker: only its own script may be read; nothing else is allowed. */
export function workerArguments(script: string, heapMb: number): string[] {
  return [permissionFlag(), `--allow-fs-read=${script}`, `--max-old-space-size=${heapMb}`, '--no-warnings', script];
}

let located: Promise<string> | undefined;

/** template-worker.cjs beside the running bundle; from source (tests), a bundle built once per process. */
function workerScript(): Promise<string> {
  located ??= (async () => {
    const beside = fileURLToPath(new URL('./template-worker.cjs', import.meta.url));
    if (existsSync(beside)) return beside;
    if (!import.meta.url.endsWith('.ts')) throw new Error(`the template worker ${beside} is missing`);
    return buildFromSource();
  })();
  return located;
}

async function buildFromSource(): Promise<string> {
  const bundler = 'esbuild'; // a dev dependency: never part of the bundles, which find their worker beside them
  const { build } = (await import(/* @vite-ignore */ bundler)) as typeof import('esbuild');
  const outdir = mkdtempSync(join(tmpdir(), 'cg-template-worker-'));
  process.once('exit', () => rmSync(outdir, { recursive: true, force: true }));
  const outfile = join(outdir, 'template-worker.cjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./template-sandbox-worker.ts', import.meta.url))],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'silent',
    define: { __CG_SANDBOX_TEST_HOOK__: 'true' },
  });
  return outfile;
}

interface Worker {
  child: ChildProcess;
  stdin: Writable & { ref?(): void; unref?(): void };
  stdout: Readable & { ref?(): void; unref?(): void };
  /** Settles the request in flight: with the worker's answer, or with why the worker stopped. */
  settle?: (result: SandboxResult & { fatal?: boolean }) => void;
  /** The id of the request in flight. */
  expected?: number;
  idle?: NodeJS.Timeout;
}

/** One worker process at a time, one request at a time. */
export class TemplateSandbox {
  private readonly options: typeof DEFAULTS;
  private worker?: Worker;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 1;

  constructor(options: SandboxOptions = {}) {
    this.options = { ...DEFAULTS, ...options };
  }

  /** Renders a template; an error is the engine's message, or why the worker stopped. */
  render(source: string, variables: Record<string, unknown>): Promise<SandboxResult> {
    return this.enqueue({ source, variables });
  }

  /** Runs JavaScript in the worker: only a worker built for tests answers it (the escape tests of layer 2). */
  evaluateInWorker(code: string): Promise<SandboxResult> {
    return this.enqueue({ evaluate: code });
  }

  /** Stops the worker now (it also stops by itself when idle). */
  close(): void {
    this.stop(this.worker);
  }

  private enqueue(request: Omit<WorkerRequest, 'id'>): Promise<SandboxResult> {
    const result = this.queue.then(() => this.send(request));
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async send(request: Omit<WorkerRequest, 'id'>): Promise<SandboxResult> {
    let script: string;
    try {
      script = await workerScript();
    } catch (e) {
      return { error: `the template engine cannot start: ${(e as Error).message}` };
    }
    const worker = this.worker ?? this.start(script);
    clearTimeout(worker.idle);
    worker.child.ref();
    worker.stdout.ref?.();
    const id = this.nextId++;
    const seconds = this.options.timeoutMs / 1000;
    const result = await new Promise<SandboxResult & { fatal?: boolean }>((resolve) => {
      const timer = setTimeout(
        () => resolve({ error: `rendering took longer than ${seconds} s and was stopped`, fatal: true }),
        this.options.timeoutMs,
      );
      worker.expected = id;
      worker.settle = (outcome) => {
        clearTimeout(timer);
        resolve(outcome);
      };
      const line: WorkerRequest = { id, ...request };
      worker.stdin.write(`${JSON.stringify(line)}\n`);
    });
    worker.settle = undefined;
    if (result.fatal && 'error' in result) {
      this.stop(worker);
      return { error: result.error };
    }
    worker.child.unref();
    worker.stdout.unref?.();
    worker.idle = setTimeout(() => this.stop(worker), this.options.idleMs).unref();
    return result;
  }

  private start(script: string): Worker {
    const child = spawn(process.execPath, workerArguments(script, this.options.heapMb), {
      env: {},
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    const worker: Worker = { child, stdin: child.stdin!, stdout: child.stdout! };
    this.worker = worker;
    let buffer = '';
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      buffer += chunk;
      for (let end = buffer.indexOf('\n'); end >= 0; end = buffer.indexOf('\n')) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 1);
        // a line nobody asked for: the worker is not ours any more
        if (!worker.settle) this.stop(worker);
        else worker.settle(parseAnswer(line, worker.expected));
      }
      if (buffer.length > MAX_LINE) worker.settle?.({ error: 'the template engine answered too much', fatal: true });
    });
    child.stdin!.on('error', () => undefined); // a dead worker: reported by its exit
    child.on('error', (e) => worker.settle?.({ error: `the template engine cannot start: ${e.message}`, fatal: true }));
    child.on('exit', (code, signal) => {
      if (this.worker === worker) this.worker = undefined;
      const heap = this.options.heapMb;
      const why =
        signal === 'SIGABRT' || code === 134
          ? `ran out of memory (${heap} MB)`
          : `stopped (${signal ?? `exit code ${code}`})`;
      worker.settle?.({ error: `the template engine ${why} while rendering`, fatal: true });
    });
    return worker;
  }

  private stop(worker: Worker | undefined): void {
    if (!worker) return;
    if (this.worker === worker) this.worker = undefined;
    clearTimeout(worker.idle);
    worker.child.kill('SIGKILL');
  }
}

/** An answer line: `{ id, output }` or `{ id, error }`; anything else means the worker is not ours any more. */
function parseAnswer(line: string, id: number | undefined): SandboxResult & { fatal?: boolean } {
  try {
    const answer = JSON.parse(line) as { id?: unknown; output?: unknown; error?: unknown; undefinedAt?: unknown };
    if (answer.id !== id) throw new Error('not the request in flight');
    if (typeof answer.output === 'string') return { output: answer.output };
    if (typeof answer.error === 'string') {
      const undefinedAt = positions(answer.undefinedAt);
      return undefinedAt ? { error: answer.error, undefinedAt } : { error: answer.error };
    }
  } catch {
    // fall through
  }
  return { error: 'the template engine answered something else than a render', fatal: true };
}

/** The worker's undefined-variable places, kept only as the bounded list of line and column numbers it must be. */
function positions(value: unknown): TemplatePosition[] | undefined {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_UNDEFINED) return undefined;
  const whole = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) > 0;
  const out = value.map((p) => (whole(p?.line) && whole(p?.column) ? { line: p.line, column: p.column } : undefined));
  return out.every((p) => p !== undefined) ? out : undefined;
}
