// Step 7, acceptances: after every rule and before the verdict.
import { newAcceptancesApproved } from '../acceptances/acceptance-approval.js';
import { acceptanceOutcome, acceptFindings, addsEntries } from '../acceptances/acceptances.js';
import type { Report } from '../report/report.js';
import type { RepoRule } from '../rules/rule.js';
import { runRepoRules } from '../rules/run.js';
import type { AnalysisOptions } from './options.js';
import type { Workspaces } from './workspaces.js';

/**
 * After every rule ran and before the verdict: findings an acceptances-file entry (read at head) accepts are
 * marked, and the findings of expired and stale entries added. Entries the base's file lacks are `added`.
 */
export async function withAcceptances(
  report: Pick<Report, 'charts' | 'findings'>,
  spaces: Workspaces,
  options: Pick<AnalysisOptions, 'today' | 'newAcceptances' | 'repoDir' | 'head' | 'policyBase'>,
  acceptanceRules: readonly RepoRule[],
): Promise<Pick<Report, 'charts' | 'findings'>> {
  const { head, base } = spaces;
  const { entries } = head.acceptances;
  if (entries.length === 0) return report;
  const today = options.today ?? new Date();
  const matched = new Map();
  const baseEntries = spaces.baseAcceptances ?? (base === head ? undefined : base.acceptances.entries);
  // entries the change adds count once a second person approved them (acceptance-approval.ts)
  const trustAdded =
    !addsEntries(entries, baseEntries) ||
    (await newAcceptancesApproved(options.newAcceptances ?? 'trusted', {
      repoDir: options.repoDir,
      baseSha: base === head ? options.policyBase?.sha : base.snapshot.sha,
      headSha: options.head.sha,
      path: head.acceptances.path,
      approvers: head.config.acceptanceApprovers,
    }));
  const accept = { today, baseEntries, trustAdded };
  const charts = report.charts.map((chart) => ({
    ...chart,
    findings: acceptFindings(chart.findings, entries, accept, matched),
  }));
  const findings = acceptFindings(report.findings, entries, accept, matched);
  const run = runRepoRules(acceptanceRules, {
    config: head.config,
    head: head.lockfile,
    acceptances: acceptanceOutcome(entries, matched, today),
  });
  return { charts, findings: [...findings, ...run.findings] };
}
