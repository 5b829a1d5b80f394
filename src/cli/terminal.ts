// What the CLI decides about the terminal: colour, progress lines, how an error reads, and that nothing it prints
// can be taken for a GitHub workflow command (the CLI runs in CI too: format/workflow-commands.ts).
import { inertLine, inertText } from '../format/workflow-commands.js';

/** Where the CLI prints: the process's stdout and stderr, or a test's stand-in. */
export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/**
 * The stream with every line made inert for a CI log. run() wraps the CLI's stdout and stderr in it once, so no
 * command prints around it. It remembers whether the last write ended its line: only a line start can be a command.
 */
export function inertStream(stream: OutputStream): OutputStream {
  let atLineStart = true;
  return {
    isTTY: stream.isTTY,
    write(text: string) {
      const inert = inertText(text, atLineStart);
      if (text !== '') atLineStart = /[\r\n]$/.test(text);
      return stream.write(inert);
    },
  };
}

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
export function progressReporter(stderr: OutputStream, verbose: boolean): ((message: string) => void) | undefined {
  if (!verbose && !stderr.isTTY) return undefined;
  // one line per message: a chart name with a line break in it cannot start a line of its own
  return (message) => stderr.write(`chart-guard: ${inertLine(message)}\n`);
}

/** An error the user can act on: one line, naming the file and line when the error carries them. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { file, line } = error as Error & { file?: unknown; line?: unknown };
  const where = typeof file === 'string' ? `${file}${typeof line === 'number' ? `:${line}` : ''}: ` : '';
  return where + error.message.split(/\r\n?|\n/)[0];
}
