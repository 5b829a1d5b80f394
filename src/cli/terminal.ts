// What the CLI decides about the terminal: colour, progress lines, and how an error reads.

/**
 * Colour only on a terminal. FORCE_COLOR wins over NO_COLOR, as in Node's own tty.getColorDepth();
 * FORCE_COLOR=0/false turns colour off; NO_COLOR counts when set and not empty (no-color.org).
 */
export function useColor(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.toLowerCase());
  if (env.NO_COLOR) return false;
  return isTTY;
}

/** Progress lines go to stderr, so stdout stays the report; only on a terminal or with --verbose. */
export function progressReporter(
  stderr: NodeJS.WriteStream,
  verbose: boolean,
): ((message: string) => void) | undefined {
  if (!verbose && !stderr.isTTY) return undefined;
  return (message) => stderr.write(`chart-guard: ${message}\n`);
}

/** An error the user can act on: one line, naming the file and line when the error carries them. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { file, line } = error as Error & { file?: unknown; line?: unknown };
  const where = typeof file === 'string' ? `${file}${typeof line === 'number' ? `:${line}` : ''}: ` : '';
  return where + error.message.split('\n')[0];
}
