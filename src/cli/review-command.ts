// `chart-guard review`: base and head snapshots (default: merge-base with the default branch, and the working tree).

import { review, reviewWithLint } from '../core/pipeline/review.js';
import { GitSnapshot } from '../core/repo/git-snapshot.js';
import { defaultBaseRef, openSnapshot } from '../core/repo/open.js';
import type { Snapshot } from '../core/repo/snapshot.js';
import { type CliIo, commonOptions, configNotice, emitReport, UsageProblem } from './analysis.js';
import { REVIEW_HELP } from './help.js';
import { parseReviewArgs } from './options.js';

export async function reviewCommand(args: string[], io: CliIo): Promise<number | UsageProblem> {
  const parsed = parseReviewArgs(args);
  if (!parsed.ok) return new UsageProblem(parsed.message);
  if (parsed.help) {
    io.stdout.write(REVIEW_HELP);
    return 0;
  }
  const { flags } = parsed;
  const options = await commonOptions(flags, io);
  if (options instanceof UsageProblem) return options;

  const snapshots: Snapshot[] = [];
  try {
    const baseRef = flags.base ?? (await defaultBaseRef(options.repoDir));
    // both refs resolved at once (a git process each); whichever opened is closed below even if the other failed
    const opened = await Promise.allSettled([
      openSnapshot(options.repoDir, baseRef),
      openSnapshot(options.repoDir, flags.head),
    ]);
    for (const side of opened) if (side.status === 'fulfilled') snapshots.push(side.value);
    for (const side of opened) if (side.status === 'rejected') throw side.reason;
    const [base, head] = snapshots;
    const baseName = flags.base ?? `${baseRef.slice(0, 12)} (merge-base)`;
    io.stderr.write((await configNotice(options, { head, headRef: flags.head, base, baseRef: baseName })) ?? '');
    options.progress?.(
      `reviewing ${flags.base ?? `${baseRef.slice(0, 12)} (merge-base)`} -> ${flags.head ?? 'working tree'}`,
    );
    // nobody approved what the change accepts unless the caller says so (acceptance-approval.ts)
    const newAcceptances = flags.trustNewAcceptances ? 'trusted' : 'pending';
    const report = await (flags.lint ? reviewWithLint : review)({ ...options, base, head, newAcceptances });
    return await emitReport(report, flags, io);
  } finally {
    // The long-lived `git cat-file` readers end, and are waited for, before the command returns: none outlives it.
    await Promise.all(snapshots.map((snapshot) => (snapshot instanceof GitSnapshot ? snapshot.close() : undefined)));
  }
}
