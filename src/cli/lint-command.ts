// `chart-guard lint`: one snapshot alone (default: the working tree), every chart of the lockfile.

import { lint } from '../core/pipeline/lint.js';
import { GitSnapshot } from '../core/repo/git-snapshot.js';
import { openSnapshot } from '../core/repo/open.js';
import { type CliIo, commonOptions, configNotice, emitReport, UsageProblem } from './analysis.js';
import { LINT_HELP } from './help.js';
import { parseLintArgs } from './options.js';

export async function lintCommand(args: string[], io: CliIo): Promise<number | UsageProblem> {
  const parsed = parseLintArgs(args);
  if (!parsed.ok) return new UsageProblem(parsed.message);
  if (parsed.help) {
    io.stdout.write(LINT_HELP);
    return 0;
  }
  const { flags } = parsed;
  const options = await commonOptions(flags, io);
  if (options instanceof UsageProblem) return options;
  const head = await openSnapshot(options.repoDir, flags.ref);
  try {
    io.stderr.write((await configNotice(options, { head, headRef: flags.ref })) ?? '');
    options.progress?.(`linting ${flags.ref ?? 'the working tree'}`);
    return await emitReport(await lint({ ...options, head }), flags, io);
  } finally {
    if (head instanceof GitSnapshot) await head.close();
  }
}
