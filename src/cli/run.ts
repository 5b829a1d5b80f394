// The command-line adapter: dispatches a command, prints usage problems and fatal errors as one line on stderr,
// and returns the exit code (0 pass/warn, 1 failed by policy, 2 usage or fatal error). Never imports @actions/*.
import packageJson from '../../package.json' with { type: 'json' };
import { type CliIo, UsageProblem } from './analysis.js';
import { LINT_HELP, MAIN_HELP, MERGE_HELP, REVIEW_HELP } from './help.js';
import { lintCommand } from './lint-command.js';
import { mergeCommand } from './merge-command.js';
import { reviewCommand } from './review-command.js';
import { describeError, inertStream } from './terminal.js';

const COMMANDS: Record<string, { help: string; run: (args: string[], io: CliIo) => Promise<number | UsageProblem> }> = {
  review: { help: REVIEW_HELP, run: reviewCommand },
  lint: { help: LINT_HELP, run: lintCommand },
  merge: { help: MERGE_HELP, run: mergeCommand },
};

function commandNamed(name: string) {
  return Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
}

function usageError(io: CliIo, command: string | undefined, message: string): number {
  const name = command ? `chart-guard ${command}` : 'chart-guard';
  io.stderr.write(`${name}: ${message} (see ${name} --help)\n`);
  return 2;
}

export async function run(argv: string[], terminal: CliIo = processIo()): Promise<number> {
  // the one place output leaves the CLI: no line of it can be a workflow command in a CI log
  const io: CliIo = { ...terminal, stdout: inertStream(terminal.stdout), stderr: inertStream(terminal.stderr) };
  const [command, ...rest] = argv;
  if (command === undefined) {
    io.stderr.write(MAIN_HELP);
    return 2;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    const topic = command === 'help' ? rest[0] : undefined;
    const help = topic === undefined ? MAIN_HELP : commandNamed(topic)?.help;
    if (help === undefined) return usageError(io, undefined, `unknown command "${topic}"`);
    io.stdout.write(help);
    return 0;
  }
  if (command === '--version') {
    io.stdout.write(`${io.toolVersion}\n`);
    return 0;
  }
  const entry = commandNamed(command);
  if (!entry) return usageError(io, undefined, `unknown command "${command}"`);
  try {
    const result = await entry.run(rest, io);
    return result instanceof UsageProblem ? usageError(io, command, result.message) : result;
  } catch (error) {
    io.stderr.write(`chart-guard ${command}: ${describeError(error)}\n`);
    if (io.env.CHART_GUARD_DEBUG === '1' && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return 2;
  }
}

function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    toolVersion: packageJson.version,
  };
}
