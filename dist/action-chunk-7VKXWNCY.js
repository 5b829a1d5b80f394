import { createRequire as __cgCreateRequire } from 'node:module'; const require = __cgCreateRequire(import.meta.url);
import { setFlagsFromString as __cgV8Flags } from 'node:v8'; if (Number(process.versions.node.split('.')[0]) <= 20) __cgV8Flags('--interrupt-budget=540672'); else __cgV8Flags('--semi-space-growth-factor=1');
import {
  SEVERITY_ORDER,
  countOf,
  describeResource,
  describeValue,
  findingFingerprint,
  groupThousands,
  hasChange,
  headPlace,
  kubernetesOf,
  kubernetesText
} from "./action-chunk-DPAURZXC.js";
import "./action-chunk-AW36DFLQ.js";

// src/format/sarif-budget.ts
var SARIF_MAX_CHARS = 8 * 1024 * 1024;
var LEVEL_DROP_ORDER = { note: 0, warning: 1, error: 2 };
var RESULT_INDENT = 8;
var serialiseSarif = (log) => `${JSON.stringify(log, null, 2)}
`;
function fitSarif(input, maxChars = SARIF_MAX_CHARS) {
  const log = input;
  let text = serialiseSarif(log);
  if (text.length <= maxChars) return text;
  const candidates = log.runs.flatMap(
    (run, r) => run.results.map((result, i) => {
      const own = JSON.stringify(result, null, 2);
      const size = own.length + RESULT_INDENT * own.split("\n").length + 2;
      return { r, i, rank: LEVEL_DROP_ORDER[result.level] ?? 0, size };
    })
  );
  candidates.sort((a, b) => a.rank - b.rank || b.r - a.r || b.i - a.i);
  const noteRoom = 400 * log.runs.length;
  let count = 0;
  for (let excess = text.length - maxChars + noteRoom; excess > 0 && count < candidates.length; count++) {
    excess -= candidates[count].size;
  }
  for (; ; ) {
    text = serialiseSarif(leaveOut(log, candidates.slice(0, count), maxChars));
    if (text.length <= maxChars || count >= candidates.length) return text;
    count = Math.min(candidates.length, count + Math.max(1, Math.ceil(count / 10)));
  }
}
function leaveOut(log, left, maxChars) {
  const dropped = new Set(left.map(({ r, i }) => `${r}:${i}`));
  return {
    ...log,
    runs: log.runs.map((run, r) => {
      const results = run.results.filter((_, i) => !dropped.has(`${r}:${i}`));
      const leftOut = run.results.length - results.length;
      if (leftOut === 0) return run;
      const notification = {
        level: "warning",
        message: {
          text: `${countOf(leftOut, "finding")} left out: the SARIF file holds at most ${groupThousands(maxChars)} characters (least severe first); the JSON report has them all.`
        }
      };
      const invocation = run.invocations?.[0] ?? { executionSuccessful: true, toolExecutionNotifications: [] };
      return {
        ...run,
        results,
        invocations: [
          { ...invocation, toolExecutionNotifications: [...invocation.toolExecutionNotifications, notification] }
        ]
      };
    })
  };
}

// src/format/sarif.ts
var SARIF_MAX_RESULTS = 25e3;
var SARIF_LEVEL = {
  error: "error",
  warning: "warning",
  notice: "note"
};
function baselineState(finding) {
  if (finding.introduced === void 0) return {};
  return { baselineState: finding.introduced ? "new" : "unchanged" };
}
function ruleAnchor(id) {
  return `rule-${id}`;
}
function relativeUri(path) {
  const wellFormed = path.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "�");
  return wellFormed.split("/").map(encodeURIComponent).join("/");
}
function ruleName(id) {
  return id.replace(/(^|-)([a-z])/g, (_, __, letter) => letter.toUpperCase());
}
function resultText(finding) {
  const lines = [finding.message];
  if (finding.resource) lines.push(`Resource: ${describeResource(finding.resource)}`);
  if (finding.path) lines.push(`${finding.resource ? "Field" : "Key"}: ${finding.path}`);
  if (hasChange(finding)) lines.push(`Change: ${describeValue(finding.before)} → ${describeValue(finding.after)}`);
  if (finding.remedy) lines.push(`Remedy: ${finding.remedy}`);
  return lines.join("\n");
}
function renderSarif(report, options = {}) {
  const entries = [
    ...report.findings.map((finding) => ({ finding, chart: void 0 })),
    ...report.charts.flatMap((chart) => chart.findings.map((finding) => ({ finding, chart })))
  ];
  const names = report.environments?.map((e) => e.name) ?? [];
  const all = kubernetesText(report);
  const runs = [
    sarifRun(
      report,
      options,
      "chart-guard/",
      names.length ? entries.filter((e) => !e.finding.environments) : entries,
      all ? `Kubernetes ${all}` : "No Kubernetes version set"
    ),
    ...names.map(
      (name) => sarifRun(
        report,
        options,
        `chart-guard/${name}/`,
        entries.filter((e) => e.finding.environments?.includes(name)),
        `${name}: Kubernetes ${kubernetesOf(report, name) ?? "unset"}`
      )
    )
  ];
  const log = { $schema: "https://json.schemastore.org/sarif-2.1.0.json", version: "2.1.0", runs };
  return fitSarif(log, options.maxChars);
}
function sarifRun(report, options, id, entries, description) {
  const max = options.maxResults ?? SARIF_MAX_RESULTS;
  const ranked = entries.map((entry, index) => ({ ...entry, index })).sort((a, b) => SEVERITY_ORDER[a.finding.severity] - SEVERITY_ORDER[b.finding.severity] || a.index - b.index);
  const kept = ranked.slice(0, max);
  const ruleIds = [...new Set(kept.map((e) => e.finding.rule))].sort();
  const rules = ruleIds.map((id2) => ({
    id: id2,
    name: ruleName(id2),
    shortDescription: { text: options.ruleDescriptions?.[id2] ?? id2 },
    ...options.readmeUrl ? { helpUri: `${options.readmeUrl}#${ruleAnchor(id2)}` } : {}
  }));
  const results = kept.map(({ finding, chart }) => {
    const place = headPlace(finding, report, chart) ?? { file: report.lockfile };
    return {
      ruleId: finding.rule,
      ruleIndex: ruleIds.indexOf(finding.rule),
      level: SARIF_LEVEL[finding.severity],
      message: { text: resultText(finding) },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: relativeUri(place.file), uriBaseId: "%SRCROOT%" },
            ...place.line ? { region: { startLine: place.line } } : {}
          }
        }
      ],
      // What stays the same when lines move: GitHub matches alerts across commits by it (core/acceptances/finding-identity.ts).
      partialFingerprints: { "chartGuardFinding/v2": findingFingerprint(finding) },
      ...baselineState(finding),
      ...finding.chart ? { properties: { chart: finding.chart } } : {},
      // An accepted finding is an external suppression: code scanning shows it as dismissed, with the reason.
      ...finding.accepted ? {
        suppressions: [
          {
            kind: "external",
            status: "accepted",
            justification: `${finding.accepted.reason} (until ${finding.accepted.expires}, ${finding.accepted.file}:${finding.accepted.line})`
          }
        ]
      } : {}
    };
  });
  const leftOut = entries.length - kept.length;
  const run = {
    tool: { driver: { name: "chart-guard", version: report.tool.version, rules } },
    automationDetails: { id, description: { text: description } },
    results,
    ...leftOut > 0 ? {
      invocations: [
        {
          executionSuccessful: true,
          toolExecutionNotifications: [
            {
              level: "warning",
              message: {
                text: `${countOf(leftOut, "finding")} left out: SARIF runs hold at most ${groupThousands(max)} results.`
              }
            }
          ]
        }
      ]
    } : {}
  };
  return run;
}
export {
  SARIF_MAX_RESULTS,
  relativeUri,
  renderSarif,
  ruleAnchor
};
