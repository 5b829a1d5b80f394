// What a run holds outside its own memory: helm process groups, `git cat-file` readers, and temp folders that hold
// chart files and override values (which may carry credentials). Each is registered while it lives; on SIGTERM or
// SIGINT the adapters call releaseAll() before exiting, so nothing outlives an interrupted run. helm runs in its own
// process group (render/helm.ts), so a terminal's Ctrl-C and a runner's SIGTERM never reach it on their own.
import { constants } from 'node:os';

type Release = () => void;

const held = new Set<Release>();

/** Registers a synchronous release (kill, rmSync); returns the function that unregisters it once done normally. */
export function hold(release: Release): () => void {
  held.add(release);
  return () => {
    held.delete(release);
  };
}

/** Runs every registered release now (each at most once); errors are ignored, the next release still runs. */
export function releaseAll(): void {
  const releases = [...held];
  held.clear();
  for (const release of releases) {
    try {
      release();
    } catch {
      // already gone
    }
  }
}

/**
 * On SIGINT or SIGTERM: release everything held, tell `notify`, and exit with 128 + the signal number, as a shell
 * reports a process ended by that signal.
 */
export function releaseOnSignals(notify: (signal: NodeJS.Signals) => void): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      releaseAll();
      notify(signal);
      process.exit(128 + constants.signals[signal]);
    });
  }
}
