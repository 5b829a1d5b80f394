// Runs the real helm binary: locating it, `helm version`, and `helm template` with a timeout in a clean environment.
// Never runs `helm dependency build` or `helm repo update`: a review works offline on the vendored chart folders.
import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import { childEnv, privateHome } from '../runtime/child-env.js';
import { hold } from '../runtime/interrupt.js';
import type { HelmVersionMemo } from './helm-version-memo.js';

export interface HelmBinary {
  /** Absolute path of the binary that is run. */
  path: string;
  /** What `helm version --short` printed, e.g. "v3.17.3+ge4da497". */
  version: string;
  /** 3 or 4. */
  major: number;
}

export interface HelmLookup {
  helm?: HelmBinary;
  /** Why no usable helm was found, phrased for a render-skipped finding. */
  problem?: string;
}

export const HELM_NOT_FOUND = 'helm not found on PATH; set the helm input / --helm';

/** The explicit path when given, else the first `helm` on PATH; undefined when none runs. */
export async function findHelm(explicit?: string, memo?: HelmVersionMemo): Promise<HelmBinary | undefined> {
  return (await locateHelm(explicit, memo)).helm;
}

/** Like findHelm, with the reason when there is no usable helm. */
export async function locateHelm(explicit?: string, memo?: HelmVersionMemo): Promise<HelmLookup> {
  // Everything up to `helm version` is synchronous (a few stat calls and a small file), so helm is spawned at once:
  // a chain of asynchronous file checks waited behind the run's other work and spawned it 30 ms later (issue 23).
  const path = explicit ? resolve(explicit) : searchPath('helm');
  if (!path) return { problem: HELM_NOT_FOUND };
  if (!isExecutableFile(path)) return { problem: `helm not found at ${explicit}: not an executable file` };
  // a version remembered for this very file (helm-version-memo.ts) spares a process; only a usable one is remembered
  const remembered = memo?.recall(path);
  const rememberedMajor = majorOf(remembered);
  if (remembered && rememberedMajor !== undefined && rememberedMajor >= 3) {
    return { helm: { path, version: remembered, major: rememberedMajor } };
  }
  const run = await runHelm(path, ['version', '--short'], { timeoutMs: 30_000 });
  const version = run.stdout.trim().split('\n')[0]?.trim() ?? '';
  const major = Number(/v?(\d+)\.\d+/.exec(version)?.[1]);
  if (!run.ok || !Number.isFinite(major)) {
    return {
      problem: `${path} did not run as helm (helm version --short: ${trimHelmError(run.stderr) || 'no output'})`,
    };
  }
  // Helm 2 has no client-only `helm template`; its charts and output differ.
  if (major < 3) return { problem: `${path} is helm ${version}; helm 3 or newer is needed` };
  await memo?.remember(path, version);
  return { helm: { path, version, major } };
}

function majorOf(version: string | undefined): number | undefined {
  const major = Number(/^v?(\d+)\.\d+/.exec(version ?? '')?.[1]);
  return Number.isFinite(major) ? major : undefined;
}

function searchPath(name: string): string | undefined {
  const names = process.platform === 'win32' ? [`${name}.exe`, name] : [name];
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir || !isAbsolute(dir)) continue; // a relative PATH entry would depend on the working directory
    for (const candidate of names) {
      const full = join(dir, candidate);
      if (isExecutableFile(full)) return full;
    }
  }
  return undefined;
}

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export interface HelmRun {
  ok: boolean;
  stdout: string;
  /** stdout as printed (the render cache stores these bytes). */
  stdoutBytes: Buffer;
  stderr: string;
  durationMs: number;
  timedOut: boolean;
  /** helm printed more than maxOutputBytes; it was stopped there and stdout holds only the start. */
  outputTooLarge: boolean;
  exitCode: number | null;
}

export interface HelmRunOptions {
  /** Kill helm after this long; default 120 s. */
  timeoutMs?: number;
  /** Folder for HELM_CACHE_HOME / HELM_CONFIG_HOME / HELM_DATA_HOME (need not exist; template does not write there). */
  helmHome?: string;
  /** Stop helm once it has printed this much on stdout; default MAX_HELM_OUTPUT_BYTES. */
  maxOutputBytes?: number;
  /**
   * How many bytes chart-guard prints ahead of helm's output (a chart's crds/ files, own-crds.ts): they count against
   * maxOutputBytes as if helm had printed them.
   */
  bytesPrintedBefore?: number;
}

const DEFAULT_TIMEOUT_MS = 120_000;

const MiB = 1024 * 1024;

/**
 * What is read of `helm template`'s output. The largest real charts render a few MiB (kube-prometheus-stack with
 * its CRDs: about 4 MiB); 64 MiB is over ten times that, and keeps the parsed manifests within a few hundred MiB of
 * memory. Past it helm is stopped: a V8 string holds at most 2^29 characters, so reading on would crash
 * (ERR_STRING_TOO_LONG), and a release that large is no longer a review's business.
 */
export const MAX_HELM_OUTPUT_BYTES = 64 * MiB;

/**
 * What is kept of helm's stderr: its start (helm's own "Error:" line, and a template's `fail` message begins there)
 * and its end (where helm prints the error after any warnings). What lies between is counted, not kept.
 */
const STDERR_HEAD_BYTES = 16 * 1024;
const STDERR_TAIL_BYTES = 64 * 1024;

/** `helm template <args>`; args are everything after "template" (see templateArgs). */
export function helmTemplate(helm: HelmBinary, args: string[], options: HelmRunOptions = {}): Promise<HelmRun> {
  return runHelm(helm.path, ['template', ...args], options);
}

export interface TemplateInvocation {
  releaseName: string;
  chartPath: string;
  namespace: string;
  valuesFiles: string[];
  /** "1.31" or "1.31.0"; helm then also checks the chart's kubeVersion constraint. */
  kubeVersion?: string;
  /** Added to .Capabilities.APIVersions (helm's own list has no group/version/Kind and no aggregator APIs). */
  apiVersions?: string[];
  /** false: the chart's crds/ files are printed by chart-guard (own-crds.ts), helm runs without --include-crds. */
  includeCrds?: boolean;
}

/**
 * The arguments after `helm template`: its flags, then `--`, then the release name and the chart folder. After `--`
 * helm reads nothing as a flag, so a name from the pull request (a release name, a chart folder) can never become
 * one (`--post-renderer=./x.sh`, `--set-file=leak=/proc/self/environ`), even if it escaped validation
 * (release-names.ts).
 */
export function templateArgs(t: TemplateInvocation): string[] {
  return [...templateFlags(t), '--', t.releaseName, t.chartPath];
}

/** The flags of `helm template`, in the order a user would type them: namespace, CRDs, values files, cluster. */
export function templateFlags(t: Omit<TemplateInvocation, 'releaseName' | 'chartPath'>): string[] {
  // a flag's value is its own argument: helm takes the next argument as the value even when it starts with "-"
  const args = ['--namespace', t.namespace, ...(t.includeCrds === false ? [] : ['--include-crds'])];
  for (const file of t.valuesFiles) args.push('-f', file);
  if (t.kubeVersion) args.push('--kube-version', fullKubeVersion(t.kubeVersion));
  // one comma-separated flag (a string slice in helm 3 and 4), last: the long list does not hide the rest
  if (t.apiVersions?.length) args.push('--api-versions', t.apiVersions.join(','));
  return args;
}

/** "1.31" -> "1.31.0": the form helm prints in its kubeVersion error. */
export function fullKubeVersion(version: string): string {
  const bare = version.replace(/^v/, '');
  return /^\d+\.\d+$/.test(bare) ? `${bare}.0` : bare;
}

/** A shell-ready command line for messages (single quotes where needed). */
export function commandLine(args: string[]): string {
  return args.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replaceAll("'", `'\\''`)}'`)).join(' ');
}

/** Where a helm process starts collecting garbage again (GOMEMLIMIT; see helmEnv). */
export const HELM_SOFT_MEMORY_LIMIT = '512MiB';

/**
 * The environment helm runs in (child-env.ts): PATH, a HOME and helm's own homes in a temp folder, so user repos,
 * plugins and caches cannot change what is rendered, an absent KUBECONFIG, Go's collector set for a short-lived
 * process, and nothing else: no HELM_* setting of the job, no token, no arbitrary job variable.
 */
export function helmEnv(helmHome: string): NodeJS.ProcessEnv {
  return childEnv(
    {
      HELM_CACHE_HOME: join(helmHome, 'cache'),
      HELM_CONFIG_HOME: join(helmHome, 'config'),
      HELM_DATA_HOME: join(helmHome, 'data'),
      KUBECONFIG: join(helmHome, 'kubeconfig'), // absent on purpose: template needs no cluster
      // `helm template` lives a fraction of a second and allocates little: Go's collector costs it about a third of
      // its CPU (50 corpus renders: 3.1 s of CPU by default, 2.2 s without collection). Collection off, with a soft
      // limit at which Go collects again, so a huge chart stays bounded (kube-prometheus-stack's size: 124 -> 158 MB
      // peak).
      GOGC: 'off',
      GOMEMLIMIT: HELM_SOFT_MEMORY_LIMIT,
    },
    join(helmHome, 'home'),
  );
}

function runHelm(path: string, args: string[], options: HelmRunOptions): Promise<HelmRun> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxOutputBytes = options.maxOutputBytes ?? MAX_HELM_OUTPUT_BYTES;
  // without a work folder (helm version), this process's private home: never a fixed path in /tmp
  const env = helmEnv(options.helmHome ?? join(privateHome(), 'helm'));
  const started = performance.now();
  return new Promise((done) => {
    const out: Buffer[] = [];
    let outBytes = options.bytesPrintedBefore ?? 0;
    const err = new HeadAndTail(STDERR_HEAD_BYTES, STDERR_TAIL_BYTES);
    let timedOut = false;
    let outputTooLarge = false;
    let settled = false;
    const finish = (exitCode: number | null, spawnError?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      release();
      const durationMs = Math.round(performance.now() - started);
      let stderr = err.text();
      if (spawnError) stderr = `${stderr}${spawnError}`;
      if (timedOut) stderr = `Error: helm did not finish within ${Math.round(timeoutMs / 1000)} s\n${stderr}`;
      if (outputTooLarge) stderr = `Error: output over ${megabytes(maxOutputBytes)}; helm was stopped there\n${stderr}`;
      const ok = exitCode === 0 && !timedOut && !outputTooLarge && !spawnError;
      const stdoutBytes = Buffer.concat(out);
      const stdout = stdoutBytes.toString('utf8');
      done({ ok, stdout, stdoutBytes, stderr, durationMs, timedOut, outputTooLarge, exitCode });
    };
    // its own process group, so a timeout also ends anything helm started (plugins, wrappers)
    const group = process.platform !== 'win32';
    const child = spawn(path, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: group });
    const killGroup = () => {
      try {
        if (group && child.pid) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    };
    // an interrupted run (SIGTERM, Ctrl-C) ends the group too: being detached, it would not get the signal
    const release = hold(killGroup);
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, timeoutMs);
    child.stdout.on('data', (d: Buffer) => {
      if (outputTooLarge) return;
      outBytes += d.length;
      if (outBytes > maxOutputBytes) {
        outputTooLarge = true;
        out.length = 0; // a cut manifest stream is of no use: free it now
        killGroup();
        return;
      }
      out.push(d);
    });
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', (e) => finish(null, `Error: cannot run ${path}: ${e.message}`));
    child.on('close', (code) => finish(code));
  });
}

function megabytes(bytes: number): string {
  return bytes % MiB === 0 ? `${bytes / MiB} MiB` : `${bytes} bytes`;
}

/** The first `headBytes` and the last `tailBytes` of a stream; only the count of what lies between. */
class HeadAndTail {
  private readonly head: Buffer[] = [];
  private headBytes = 0;
  private tail: Buffer[] = [];
  private tailBytes = 0;
  private dropped = 0;

  constructor(
    private readonly headLimit: number,
    private readonly tailLimit: number,
  ) {}

  push(chunk: Buffer): void {
    if (this.headBytes < this.headLimit) {
      const taken = chunk.subarray(0, this.headLimit - this.headBytes);
      this.head.push(taken);
      this.headBytes += taken.length;
      chunk = chunk.subarray(taken.length);
      if (chunk.length === 0) return;
    }
    this.tail.push(chunk);
    this.tailBytes += chunk.length;
    while (this.tailBytes - this.tail[0].length >= this.tailLimit) {
      const first = this.tail.shift() as Buffer;
      this.tailBytes -= first.length;
      this.dropped += first.length;
    }
  }

  text(): string {
    const head = Buffer.concat(this.head).toString('utf8');
    let tail = Buffer.concat(this.tail);
    if (tail.length > this.tailLimit) {
      this.dropped += tail.length - this.tailLimit;
      tail = tail.subarray(tail.length - this.tailLimit);
    }
    const gap = this.dropped > 0 ? `\n[… ${this.dropped} bytes of helm's messages left out …]\n` : '';
    return `${head}${gap}${tail.toString('utf8')}`;
  }
}

const MAX_MESSAGE_LINES = 6;
const MAX_MESSAGE_CHARS = 1000;

/**
 * helm's error as one readable message: from the first "Error:" line on, without the "Error: " prefix, the
 * "Use --debug flag" hint, blank lines and log lines (helm 4 logs `level=INFO msg=...` before the error).
 * Helm 4 spreads a template error over indented lines; they are joined with single spaces.
 */
export function trimHelmError(stderr: string): string {
  const lines = stderr.split(/\r?\n/);
  const errorAt = lines.findIndex((l) => /^Error:/.test(l));
  const relevant = (errorAt >= 0 ? lines.slice(errorAt) : lines)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/^Use --debug flag/.test(l) && !/^level=(DEBUG|INFO|WARN)\b/.test(l))
    .slice(0, MAX_MESSAGE_LINES)
    .map((l, i) => (i === 0 ? l.replace(/^Error:\s*/, '') : l));
  const message = relevant.join(' ');
  return message.length > MAX_MESSAGE_CHARS ? `${message.slice(0, MAX_MESSAGE_CHARS - 1)}…` : message;
}

/**
 * helm refuses to render when --kube-version is outside the chart's kubeVersion constraint:
 * "chart requires kubeVersion: >=1.25.0-0 which is incompatible with Kubernetes v1.24.0" (helm 3 and 4,
 * pkg/action/install.go). The kube-version-unsupported rule reports that case; render-failed must not repeat it.
 */
export function isKubeVersionFailure(message: string | undefined): boolean {
  return !!message && /chart requires kubeVersion: .+ which is incompatible with Kubernetes/.test(message);
}
