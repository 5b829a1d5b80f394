// Which of a chart's renders are usable, and the chart file (and line) a rendered object came from: what the
// render-based rules and the rendered diff read before they judge or show anything.
import type { ChartContext, ChartInputs } from '../model/chart-context.js';
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
export function chartLocation(ctx: ChartContext, m: Manifest, side: 'base' | 'head'): { file?: string; line?: number } {
  const file = chartFile(ctx, m, side);
  if (!file || !m.source) return file ? { file } : {};
  const inChart = m.source.slice(m.source.indexOf('/') + 1);
  const chart = side === 'base' ? ctx.base : ctx.head;
  const text = [...(chart?.templates ?? []), ...(chart?.crds ?? [])].find((t) => t.helmPaths.includes(inChart));
  const line = text ? templateLine(text, m.ref.kind, m.ref.name, ctx.templateObjects) : undefined;
  return line === undefined ? { file } : { file, line };
}

/** chartLocation of an object only the base renders: the place is in the base commit, marked so (fileAtBase). */
export function baseLocation(ctx: ChartContext, m: Manifest): { file?: string; line?: number; fileAtBase?: true } {
  const place = chartLocation(ctx, m, 'base');
  return place.file ? { ...place, fileAtBase: true } : place;
}
