// The GitHub Action: inputs -> refs -> review() -> report file, outputs, job summary, annotations, sticky comment.
// The order is chosen so nothing computed is lost: each late step is independent, and a failure in one (say the
// comment, on a fork's read-only token) is a warning that leaves the others in place.
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import * as core from '@actions/core';
import * as github from '@actions/github';
import packageJson from '../../package.json' with { type: 'json' };
import { lint } from '../core/pipeline/lint.js';
import { review, reviewWithLint } from '../core/pipeline/review.js';
import { renderCacheOptions } from '../core/render/render-cache.js';
import { GitSnapshot } from '../core/repo/git-snapshot.js';
import { repoRoot } from '../core/repo/open.js';
import { allFindings, type Report } from '../core/report/report.js';
import { reportCheck } from '../core/report/report-schema.js';
import { ruleDescriptions } from '../core/rules/index.js';
import { DEFAULT_PLAN_DIR } from '../core/runbook/rendered-files.js';
import { writeFileAtomic } from '../core/runtime/atomic-write.js';
import { mergeReports, parseReport, type ReportInput } from '../core/shards/merge-reports.js';
import { selectAnnotations } from '../format/annotations.js';
import { githubLinkBase } from '../format/describe.js';
import { renderJson } from '../format/json.js';
import { commentMarker, renderComment, renderSummary } from '../format/markdown.js';
import { renderPlan } from '../format/plan.js';
import { writePlanFiles } from '../format/plan-files.js';
import { renderDiffFile } from '../format/rendered-diff.js';
import { newAcceptancesJudge, type PullRequestRef, pullRequestOf } from './approvals.js';
import { publishStickyComment, stickyCommentBody } from './comment.js';
import { createGitHubClient } from './github-client.js';
import { type ActionInputs, readInputs } from './inputs.js';
import { log } from './log.js';
import { refsFromEvent, resolveRefs } from './refs.js';
import { matchReportFiles } from './report-files.js';

export async function run(): Promise<void> {
  // A fetch of a missing base must fail, not wait for a password prompt nobody can answer.
  process.env.GIT_TERMINAL_PROMPT ??= '0';
  const parsed = readInputs();
  if (!parsed.ok) {
    log.setFailed(`chart-guard: ${parsed.problems.join('; ')}`);
    return;
  }
  const inputs = parsed.inputs;
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();

  const analysed = inputs.mode === 'merge' ? await merge(inputs, workspace) : await analyse(inputs, workspace);
  if ('problem' in analysed) {
    log.setFailed(`chart-guard: ${analysed.problem}`);
    return;
  }
  await publish(analysed.report, analysed.repoDir, inputs, workspace);
}

type Analysis = { report: Report; repoDir: string } | { problem: string };

async function analyse(inputs: ActionInputs, workspace: string): Promise<Analysis> {
  try {
    const repoDir = await repoRoot(resolve(workspace, inputs.workingDirectory));
    const event = refsFromEvent(github.context.eventName, github.context.payload);
    const refs = await resolveRefs(
      repoDir,
      event,
      { baseRef: inputs.baseRef, headRef: inputs.headRef, needsBase: inputs.mode === 'review' },
      log.info,
    );
    if (!refs.ok) return { problem: refs.message };
    log.info(
      refs.base
        ? `chart-guard: reviewing ${describeRef(refs.head)} against ${describeRef(refs.base)}`
        : `chart-guard: linting ${describeRef(refs.head)}`,
    );

    const head = new GitSnapshot(repoDir, refs.head.ref, refs.head.sha);
    const base = refs.base ? new GitSnapshot(repoDir, refs.base.ref, refs.base.sha) : undefined;
    const options = {
      repoDir,
      head,
      lockfile: inputs.lockfile,
      values: inputs.values,
      configPath: inputs.configPath,
      kubernetesVersion: inputs.kubernetesVersion,
      failOn: inputs.failOn,
      failOnExisting: inputs.failOnExisting,
      helm: inputs.helm,
      ...(inputs.cacheDir ? { cache: renderCacheOptions(resolve(workspace, inputs.cacheDir), inputs.cacheMaxMb) } : {}),
      shard: inputs.shard,
      progress: log.info,
      toolVersion: packageJson.version,
      newAcceptances: newAcceptancesJudge(
        pullRequest(),
        inputs.githubToken ? createGitHubClient(inputs.githubToken) : undefined,
        log.warning,
      ),
    };
    try {
      if (!base) return { report: await lint(options), repoDir };
      // the same core function as `chart-guard review --lint`: the CLI prints what the Action posts
      const report = await (inputs.lint ? reviewWithLint : review)({ ...options, base });
      return { report, repoDir };
    } finally {
      await Promise.all([head.close(), base?.close()]);
    }
  } catch (error) {
    log.debug(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return { problem: oneLine(error) };
  }
}

/** The event's pull request, whose reviews may approve the acceptances it adds; none outside a pull request. */
function pullRequest(): PullRequestRef | undefined {
  const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo) return undefined;
  return pullRequestOf({ owner, repo }, github.context.payload);
}

/**
 * mode: merge: the shard reports the glob matches, merged into the one report the unsharded run gives; then
 * published exactly as a review is. No git is needed: the files name the commits.
 */
async function merge(inputs: ActionInputs, workspace: string): Promise<Analysis> {
  try {
    const pattern = inputs.reports!;
    const files = await matchReportFiles(pattern, workspace);
    if (files.length === 0) return { problem: `input reports: ${pattern} matches no file in ${workspace}` };
    log.info(`chart-guard: merging ${files.length} report(s): ${files.join(', ')}`);
    const reports: ReportInput[] = [];
    const check = reportCheck();
    for (const file of files) {
      const read = parseReport(file, await readFile(resolve(workspace, file), 'utf8'), check);
      if (!read.ok) return { problem: read.refusal.message };
      reports.push(read.input);
    }
    const merged = mergeReports(reports, { failOn: inputs.failOn, failOnExisting: inputs.failOnExisting });
    if (!merged.ok) return { problem: merged.refusal.message };
    return { report: merged.report, repoDir: resolve(workspace, inputs.workingDirectory) };
  } catch (error) {
    log.debug(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return { problem: oneLine(error) };
  }
}

async function publish(report: Report, repoDir: string, inputs: ActionInputs, workspace: string): Promise<void> {
  const { summary } = report;
  log.info(
    `chart-guard: ${report.verdict} - ${summary.errors} error(s), ${summary.warnings} warning(s), ` +
      `${summary.notices} notice(s) in ${report.charts.length} chart(s)`,
  );

  // The files come before the comment, so a comment the token may not post (a fork) still leaves its body for the
  // workflow_run half of the fork-safe recipe.
  const runnerTemp = process.env.RUNNER_TEMP ?? workspace;
  const reportPath = resolve(workspace, inputs.reportPath ?? join(runnerTemp, 'chart-guard-report.json'));
  const reportWritten = await attempt('write the JSON report', () => writeFile(reportPath, renderJson(report)));
  // the upgrade runbook goes next to the JSON report it is built from (the same upgradeActions)
  const planPath = join(dirname(reportPath), 'chart-guard-plan.md');
  const planWritten = await attempt('write the upgrade runbook', () => writeFile(planPath, renderPlan(report)));
  // its rendered override files, in the folder its commands name (relative: chart-guard-plan/ at the repository root)
  const planDir = join(dirname(reportPath), DEFAULT_PLAN_DIR);
  const planDirWritten = await attempt("write the runbook's rendered override files", () => {
    writePlanFiles(report, planDir);
    return true;
  });
  // the full rendered diff, also next to it: the comment may leave the largest diffs out
  const diffPath = join(dirname(reportPath), 'chart-guard-diff.patch');
  const diffWritten = await attempt('write the rendered diff', () => writeFile(diffPath, renderDiffFile(report)));

  const marker = commentMarker(report.lockfile);
  const commentBody = stickyCommentBody({
    marker,
    body: renderComment(report, { marker, runUrl: runUrl(), failOn: report.failOn, linkBase: linkBase(report) }),
  });
  const commentPath = resolve(workspace, inputs.commentPath ?? join(runnerTemp, 'chart-guard-comment.md'));
  const commentWritten = await attempt('write the comment body', () => writeFile(commentPath, commentBody));

  const sarifPath = inputs.sarifPath === undefined ? undefined : resolve(workspace, inputs.sarifPath);
  const sarifWritten =
    sarifPath !== undefined &&
    (await attempt('write the SARIF report', async () => {
      // loaded when asked for (issue 23, "start less"): a chunk of the bundle
      const { renderSarif } = await import('../format/sarif.js');
      return writeFile(
        sarifPath,
        renderSarif(report, { ruleDescriptions: ruleDescriptions(), readmeUrl: actionReadmeUrl() }),
      );
    }));

  await attempt('set the outputs', () => {
    core.setOutput('verdict', report.verdict);
    core.setOutput('errors', summary.errors);
    core.setOutput('warnings', summary.warnings);
    core.setOutput('notices', summary.notices);
    core.setOutput('needs-reinstall', summary.needsReinstall);
    if (reportWritten) core.setOutput('report-path', reportPath);
    if (planWritten) core.setOutput('plan-path', planPath);
    if (planDirWritten) core.setOutput('plan-dir', planDir);
    if (diffWritten) core.setOutput('diff-path', diffPath);
    if (commentWritten) core.setOutput('comment-path', commentPath);
    if (sarifWritten) core.setOutput('sarif-path', sarifPath);
  });

  await attempt('write the job summary', () =>
    core.summary.addRaw(renderSummary(report, { failOn: report.failOn, linkBase: linkBase(report) })).write(),
  );

  await attempt('write the annotations', () => {
    // Annotation paths are relative to the workspace; the repository may be checked out below it (checkout `path:`).
    const toWorkspace = (file: string) => relative(workspace, join(repoDir, file)).split(sep).join('/');
    for (const annotation of selectAnnotations(report, undefined, linkBase(report))) {
      const properties = {
        title: annotation.title,
        file: annotation.file === undefined ? undefined : toWorkspace(annotation.file),
        startLine: annotation.startLine,
      };
      if (annotation.level === 'error') log.error(annotation.message, properties);
      else if (annotation.level === 'warning') log.warning(annotation.message, properties);
      else log.notice(annotation.message, properties);
    }
  });

  await attempt('post the pull request comment', () => comment(report, inputs, { marker, body: commentBody }));

  if (report.verdict === 'fail') {
    const old = report.failOnExisting ? summary.preexisting : undefined;
    log.setFailed(
      `chart-guard: ${summary.errors} error(s) and ${summary.warnings} warning(s) with fail-on: ${report.failOn ?? inputs.failOn ?? 'error'}` +
        (old
          ? `; already there, failing with fail-on-existing: ${old.errors} error(s), ${old.warnings} warning(s)`
          : '') +
        (summary.needsReinstall ? '; a chart needs a reinstall or recreated objects to upgrade' : ''),
    );
  }
}

async function comment(report: Report, inputs: ActionInputs, sticky: { marker: string; body: string }): Promise<void> {
  if (inputs.comment === 'never') return;
  const payload = github.context.payload;
  const issueNumber = payload.pull_request?.number ?? (payload.issue?.pull_request ? payload.issue.number : undefined);
  if (issueNumber === undefined) {
    log.info('chart-guard: not a pull request event; no comment posted');
    return;
  }
  if (!inputs.githubToken) {
    log.warning('chart-guard: the github-token input is empty; no comment posted');
    return;
  }
  const outcome = await publishStickyComment(
    createGitHubClient(inputs.githubToken),
    { ...github.context.repo, issueNumber },
    { ...sticky, create: inputs.comment === 'always' || allFindings(report).length > 0 },
  );
  if (outcome.action === 'failed') {
    log.warning(`chart-guard: ${outcome.message}`);
    return;
  }
  if (outcome.action === 'not-created') {
    log.info('chart-guard: no findings; no comment posted (comment: on-findings)');
    return;
  }
  log.info(`chart-guard: comment ${outcome.action}: ${outcome.url}`);
  core.setOutput('comment-url', outcome.url);
}

/**
 * This action's README at the ref the workflow uses (`uses: o/chart-guard@v1`), whose rule table SARIF's helpUri
 * anchors point into. GitHub sets GITHUB_ACTION_REPOSITORY and GITHUB_ACTION_REF for a step that runs an action.
 */
function actionReadmeUrl(): string | undefined {
  const { GITHUB_ACTION_REPOSITORY: repository, GITHUB_ACTION_REF: ref } = process.env;
  if (!repository || !ref) return undefined;
  const server = process.env.GITHUB_SERVER_URL ?? 'https://github.com';
  return `${server}/${repository}/blob/${encodeURIComponent(ref)}/README.md`;
}

function writeFile(path: string, content: string): true {
  writeFileAtomic(path, content);
  return true;
}

/** Runs one publishing step; a failure becomes a warning so the steps after it still run. */
async function attempt<T>(what: string, step: () => T | Promise<T>): Promise<T | undefined> {
  try {
    return await step();
  } catch (error) {
    log.warning(`chart-guard could not ${what}: ${oneLine(error)}`);
    log.debug(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return undefined;
  }
}

function runUrl(): string | undefined {
  const { GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_RUN_ID } = process.env;
  if (!GITHUB_REPOSITORY || !GITHUB_RUN_ID) return undefined;
  return `${GITHUB_SERVER_URL ?? 'https://github.com'}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}`;
}

/** Where file:line links point: the reviewed head commit's files on this GitHub server. */
function linkBase(report: Report): string | undefined {
  const { GITHUB_SERVER_URL, GITHUB_REPOSITORY } = process.env;
  if (!GITHUB_REPOSITORY || !report.head.sha) return undefined;
  return githubLinkBase(GITHUB_SERVER_URL ?? 'https://github.com', GITHUB_REPOSITORY, report.head.sha);
}

function describeRef(ref: { ref: string; sha: string }): string {
  return ref.ref === ref.sha ? ref.sha.slice(0, 12) : `${ref.ref} (${ref.sha.slice(0, 12)})`;
}

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0];
}
