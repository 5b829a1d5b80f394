// Redaction: no credential a user passes to a chart reaches a report. Override files and code-set examples are the
// only place chart-guard sees a user's secrets, and from there a value travels into helm's messages (a schema error
// quotes it), rendered objects (a Job's env `value`), base64 Secret data and value diffs. So there are two layers:
//
// - structural: a value under a credential-looking key (`auth.password`, `DB_PASSWORD` as an env `name`, Secret
//   `data`) is replaced by the marker wherever a report shows a value tree;
// - textual: every credential value of the overrides, with its base64 and JSON-escaped forms, is searched and
//   replaced in every free text of the report (messages, remedies, helm's reasons, diagnostics).
//
// Both run once, in assembleReport (review.ts), on the finished report: no format (text, markdown, JSON, SARIF,
// annotations) and no rule can bypass it. (immutable-field-changed also redacts the rendered objects before it
// picks the changed leaves of a pod template: only there is an env value's `name` still next to it.)
// Chart defaults are public (they ship in the chart), so they are not searched as text; a default under a
// credential name (`auth.adminToken` in a defaults diff) is still hidden by the structural layer. Text matching is bounded so short or common values do not blank out the
// report: values under MIN_TOKEN_LENGTH characters and a few placeholder words are never searched as text (the
// structural layer still hides them); plain words and values under MIN_SUBSTRING_LENGTH are replaced only as whole
// tokens (not inside a longer run of letters and digits); longer values mixing letters with digits or symbols are
// replaced anywhere, even inside other text.

import type { Config } from '../model/model.js';
import type { ChartReport, Finding, RenderStatus, ValuesChange } from '../report/report.js';
import { isMap } from '../values/key-path.js';
import { CredentialMatcher, pathOf } from './credentials.js';
import { createRedactor, type Redactor } from './redact-text.js';
import { type ChartValues, chartSecrets, configSecrets } from './redact-tree.js';

// ---------- the report ----------

/** The redactor of a run: the config's names, and the secrets of every analysed chart and of the config. */
export function reportRedactor(contexts: readonly ChartValues[], config: Config): Redactor {
  const matcher = new CredentialMatcher(config.redact);
  const secrets = configSecrets(config, matcher);
  for (const context of contexts) chartSecrets(context, matcher, secrets);
  return createRedactor(secrets, matcher);
}

function redactFinding(finding: Finding, redactor: Redactor): Finding {
  const path = pathOf(finding.path) ?? [];
  const out: Finding = { ...finding, message: redactor.text(finding.message) };
  if (finding.remedy !== undefined) out.remedy = redactor.text(finding.remedy);
  if ('before' in finding) out.before = redactor.value(finding.before, path);
  if ('after' in finding) out.after = redactor.value(finding.after, path);
  return out;
}

function redactValuesChange(change: ValuesChange, redactor: Redactor): ValuesChange {
  const path = pathOf(change.path) ?? [];
  return {
    ...change,
    before: redactor.value(change.before, path),
    after: redactor.value(change.after, path),
  };
}

/** A chart's report with every value and free text redacted; names, files, lines and paths are kept as they are. */
export function redactChartReport(chart: ChartReport, redactor: Redactor): ChartReport {
  return {
    ...chart,
    render: redactRender(chart.render, redactor),
    valuesDiff: { ...chart.valuesDiff, changed: chart.valuesDiff.changed.map((c) => redactValuesChange(c, redactor)) },
    findings: chart.findings.map((f) => redactFinding(f, redactor)),
    // commands and notes quote names, files and labels from the renders: searched like any text
    ...(chart.upgradeActions ? { upgradeActions: redactStrings(chart.upgradeActions, redactor) } : {}),
    ...(chart.upgradeNotes
      ? {
          upgradeNotes: chart.upgradeNotes.map((n) => ({
            heading: redactor.text(n.heading),
            text: redactor.text(n.text),
          })),
        }
      : {}),
    ...(chart.lockfileComment !== undefined ? { lockfileComment: redactor.text(chart.lockfileComment) } : {}),
    ...(chart.artifactHubChanges ? { artifactHubChanges: chart.artifactHubChanges.map(redactor.text) } : {}),
    ...(chart.reinstallReason !== undefined ? { reinstallReason: redactor.text(chart.reinstallReason) } : {}),
    // the objects were redacted structurally when diffed (render/rendered-diff.ts); their text is searched here
    ...(chart.renderedDiff
      ? {
          renderedDiff: chart.renderedDiff.map((d) => ({
            ...d,
            objects: d.objects.map((o) => ({ ...o, patch: redactor.text(o.patch) })),
          })),
        }
      : {}),
    ...(chart.environments
      ? {
          environments: chart.environments.map((e) => ({ ...e, render: redactRender(e.render, redactor) })),
        }
      : {}),
  };
}

/** helm's reason and the reproduction command: a value in either may be a credential of the overrides. */
function redactRender(render: RenderStatus, redactor: Redactor): RenderStatus {
  return {
    ...render,
    ...(render.reason !== undefined ? { reason: redactor.text(render.reason) } : {}),
    ...(render.command !== undefined ? { command: redactor.text(render.command) } : {}),
  };
}

/** Every string of a tree of plain data, redacted as text (the tree's own keys are field names, never secrets). */
function redactStrings<T>(tree: T, redactor: Redactor): T {
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return redactor.text(node);
    if (Array.isArray(node)) return node.map(walk);
    if (isMap(node)) return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v)]));
    return node;
  };
  return walk(tree) as T;
}

export function redactFindings(findings: Finding[], redactor: Redactor): Finding[] {
  return findings.map((f) => redactFinding(f, redactor));
}
