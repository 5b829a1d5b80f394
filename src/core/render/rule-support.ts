// What the render-based rules share: picking usable renders from the context, naming the chart file an object
// came from, and writing the exact kubectl/helm commands of a remedy.
import type { ChartInputs } from '../chart-context.js';
import { kubectlObject, namespaceFlag } from './kubectl-words.js';
import { type CustomScopes, objectNamespace } from './match.js';
import { templateLine } from './template-lines.js';
import type { Manifest, RenderResult } from './types.js';

export interface RenderedPair {
  base: RenderResult;
  head: RenderResult;
}

/** Both renders, when both succeeded; render-based rules that compare versions skip otherwise. */
export function renderedPair(ctx: ChartInputs): RenderedPair | undefined {
  const { base, head } = ctx.renders ?? {};
  if (base?.status !== 'ok' || head?.status !== 'ok') return undefined;
  return { base, head };
}

export function renderedHead(ctx: ChartInputs): RenderResult | undefined {
  const head = ctx.renders?.head;
  return head?.status === 'ok' ? head : undefined;
}

/**
 * The repo-relative file an object was rendered from: helm prints "<chart>/templates/x.yaml" (or
 * "<chart>/charts/<sub>/crds/x.yaml", <sub> an alias or chart name), the chart name standing for the chart folder.
 */
export function chartFile(ctx: ChartInputs, m: Manifest, side: 'base' | 'head'): string | undefined {
  if (!m.source) return undefined;
  const slash = m.source.indexOf('/');
  if (slash < 0) return undefined;
  const inChart = m.source.slice(slash + 1);
  const chart = side === 'base' ? ctx.base : ctx.head;
  const dir = chart?.dir ?? (side === 'base' ? ctx.change.base?.dir : ctx.change.head?.dir) ?? ctx.change.dir;
  const path = `${dir}/${inChart}`;
  // crds/ of an aliased subchart, or of one packed as .tgz: the loader knows the real file
  const known = chart?.crds.find((crd) => crd.helmPaths.includes(inChart));
  return known?.file ?? path;
}

/**
 * The file and line an object was rendered from: chartFile, with the line of its `kind:` in that template (or in
 * the crds/ file) when the object can be told apart there (template-lines.ts); the file alone otherwise.
 */
export function chartLocation(ctx: ChartInputs, m: Manifest, side: 'base' | 'head'): { file?: string; line?: number } {
  const file = chartFile(ctx, m, side);
  if (!file || !m.source) return file ? { file } : {};
  const inChart = m.source.slice(m.source.indexOf('/') + 1);
  const chart = side === 'base' ? ctx.base : ctx.head;
  const text = [...(chart?.templates ?? []), ...(chart?.crds ?? [])].find((t) => t.helmPaths.includes(inChart));
  const line = text ? templateLine(text, m.ref.kind, m.ref.name) : undefined;
  return line === undefined ? { file } : { file, line };
}

/** chartLocation of an object only the base renders: the place is in the base commit, marked so (fileAtBase). */
export function baseLocation(ctx: ChartInputs, m: Manifest): { file?: string; line?: number; fileAtBase?: true } {
  const place = chartLocation(ctx, m, 'base');
  return place.file ? { ...place, fileAtBase: true } : place;
}

/** `helm upgrade` as the user runs it for this chart: release, chart folder, namespace and override files. */
export function helmUpgradeCommand(ctx: ChartInputs, render: RenderResult): string {
  const values = ctx.overrides.map((file) => ` -f ${file.path}`).join('');
  const sets = ctx.codeSet.length > 0 ? ' --set ...' : '';
  return `helm upgrade ${render.releaseName} ${ctx.change.dir} --namespace ${render.namespace}${values}${sets}`;
}

/** "statefulset rel-mariadb -n demo" (no -n for cluster-scoped kinds). */
export function kubectlTarget(m: Manifest, render: RenderResult, scopes?: CustomScopes): string {
  const namespace = objectNamespace(m, render.namespace, scopes);
  const resource =
    m.group === '' || m.group === 'apps' || m.group === 'batch'
      ? m.ref.kind.toLowerCase()
      : `${m.ref.kind.toLowerCase()}.${m.group}`;
  return `${kubectlObject(resource, m.ref.name)}${namespaceFlag(namespace)}`;
}

/** "a", "a and b", "a, b and c". */
export function joinWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** A value short enough for a sentence, or undefined when it is not (maps, lists, long strings). */
export function inlineValue(value: unknown): string | undefined {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string') return value.length <= 80 ? `"${value}"` : undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** "PVC data-x-0" or "PVCs data-x-0 and data-x-1". */
export function claimsPhrase(claims: string[]): string {
  return `${claims.length === 1 ? 'PVC' : 'PVCs'} ${joinWords(claims)}`;
}
