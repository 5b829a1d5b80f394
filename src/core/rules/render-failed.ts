import { isKubeVersionFailure } from '../render/helm.js';
import type { RenderResult } from '../render/types.js';
import { formatKeyPath } from '../values/key-path.js';
import { placeholderCulprits, placeholderRemedy } from './analysis/placeholder-failure.js';
import type { ChartContext, ChartRule, FindingDraft } from './rule.js';

// A version that cannot be rendered cannot be compared: immutable fields, CRDs and APIs go unchecked, and a head
// that fails `helm template` fails `helm upgrade` the same way. A head failing only because its kubeVersion excludes
// --kube-version is left to kube-version-unsupported (helm: "chart requires kubeVersion: ... incompatible with ...").
// A failure the base has too, for the same cause, is already there (preexisting.ts, through preexistingKey): the
// cause is helm's reason without template line numbers, whichever side it is. A placeholder of the override files
// that broke the render (`enabled: set-by-engine-code`) is named, with the config's `set` that fixes it. The
// remedy's command leaves out the --api-versions list (80-odd APIs, once per environment): the chart's render status
// in the report carries the whole command.
export const renderFailed = {
  id: 'render-failed',
  scope: 'chart',
  modes: ['review', 'lint'],
  needs: { renders: true },
  severity: 'error',
  description: '`helm template` failed for a version that must be rendered',
  check(ctx) {
    const findings: FindingDraft[] = [];
    for (const side of ['head', 'base'] as const) {
      const render = ctx.renders?.[side];
      if (render?.status !== 'failed') continue;
      const kubeVersionOnly = isKubeVersionFailure(render.reason);
      if (kubeVersionOnly && side === 'head') continue;
      findings.push(failure(ctx, side, render, kubeVersionOnly));
    }
    return findings;
  },
  preexistingKey: (finding) => failureCause(finding.message),
} satisfies ChartRule;

const LABEL = /^helm template (?:failed for|refused) the (?:new|old) version(?: \([^)]*\))? of [^:]*: /;

/** helm's reason as the message quotes it, without the side, the version and template line:column numbers. */
function failureCause(message: string): string {
  return message
    .replace(LABEL, '')
    .replace(/; the render-based checks had no old render to compare with\.$/, '')
    .replace(/(\.(?:ya?ml|tpl|txt|json)):\d+(?::\d+)?/g, '$1');
}

/** The command without its --api-versions continuation line (what renderer.ts reproductionCommand writes). */
function withoutApiList(command: string): { command: string; apis: number } {
  const match = / \\\n {2}--api-versions (\S+) \\\n /.exec(command);
  if (!match) return { command, apis: 0 };
  return { command: command.replace(match[0], ''), apis: match[1].split(',').length };
}

function failure(
  ctx: ChartContext,
  side: 'base' | 'head',
  render: RenderResult,
  kubeVersionOnly: boolean,
): FindingDraft {
  const { change } = ctx;
  const version = ctx[side]?.metadata.version ?? change[side]?.version;
  const which = side === 'head' ? 'new' : 'old';
  const label = `the ${which} version${version ? ` (${version})` : ''} of ${change.name}`;
  // on a line of its own: the formats show it as a command block
  const shown = render.command ? withoutApiList(render.command) : undefined;
  const apis = shown?.apis
    ? ` (chart-guard also passed --api-versions with the ${shown.apis} APIs the target serves: the whole command is the render's \`command\` in the JSON report)`
    : '';
  const reproduce = shown ? `Reproduce at the ${side} commit with${apis}:\n${shown.command}` : '';
  if (kubeVersionOnly) {
    // The old chart already excluded the target cluster: nothing to compare the new render with.
    return {
      severity: 'warning',
      message: `helm template refused ${label}: ${render.reason}; the render-based checks had no old render to compare with.`,
      remedy: reproduce || undefined,
    };
  }
  const reason = render.reason ?? 'no message';
  const culprits = placeholderCulprits(
    reason,
    side === 'head' ? ctx.overrides : ctx.baseOverrides,
    ctx.codeSet,
    ctx[side],
  );
  const place = side === 'head' ? templatePlace(ctx, reason) : undefined;
  const only = culprits.length === 1 ? culprits[0].key : undefined;
  const fix = culprits.length
    ? `${placeholderRemedy(culprits, change.name, ctx.config.path ?? 'the chart-guard config')}\n`
    : '';
  return {
    message: `helm template failed for ${label}: ${reason}`,
    ...(only
      ? { file: only.file, line: only.line, path: formatKeyPath(only.path) }
      : (place ?? (side === 'head' && ctx.head ? { file: ctx.head.chartYamlPath } : {}))),
    remedy:
      fix +
      (side === 'head'
        ? culprits.length
          ? ''
          : '`helm upgrade` will fail the same way: fix the override values (or the template) the message names. '
        : 'The old version does not render with the current values, so it could not be compared. ') +
      reproduce,
  };
}

/** helm names the failing template as "<chart>/templates/x.yaml:12" (subcharts: "<chart>/charts/<sub>/..."). */
function templatePlace(ctx: ChartContext, reason: string): { file: string; line: number } | undefined {
  const chart = ctx.head;
  const name = chart?.metadata.name;
  if (!chart || !name) return undefined;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`(?:^|[\\s(:"])${escaped}/((?:charts/[^/\\s:]+/)*templates/[^\\s:)"]+):(\\d+)`).exec(reason);
  if (!match) return undefined;
  return { file: `${chart.dir}/${match[1]}`, line: Number(match[2]) };
}
