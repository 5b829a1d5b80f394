import type { SideRefusedSymlink } from '../render/materialise.js';
import type { ChartRule, FindingDraft } from './rule.js';

// helm's chart loader follows symlinks (pkg/chart/loader, sympath.Walk), so a link out of the chart folder makes
// helm read files from outside the vendored chart. chart-guard never follows one (a pull request could otherwise
// point it at any file on the runner); it renders without the link and reports it here.
export const symlinkRefused = {
  id: 'symlink-refused',
  scope: 'chart',
  modes: ['review', 'lint'],
  needs: { renders: true },
  severity: 'error',
  description: 'a symlink in a chart folder leads out of it: it was not followed and the render ran without it',
  check(ctx) {
    const links = ctx.refusedSymlinks ?? [];
    const byLink = new Map<string, { link: SideRefusedSymlink; sides: Set<string> }>();
    for (const link of links) {
      const key = `${link.path}\0${link.target}`;
      const entry = byLink.get(key) ?? { link, sides: new Set<string>() };
      entry.sides.add(link.side);
      byLink.set(key, entry);
    }
    return [...byLink.values()].map(({ link, sides }): FindingDraft => {
      const where = sides.has('head') ? '' : ' (in the old version only)';
      const how = link.reason === 'absolute' ? 'an absolute path' : 'a path outside the chart folder';
      return {
        message: `${link.path} is a symlink to ${how} (${link.target})${where}: chart-guard did not follow it and rendered ${ctx.change.name} without it.`,
        ...(sides.has('head') ? { file: link.path } : {}),
        after: link.target,
        remedy:
          'Replace the link with a regular file, or point it at a file inside the chart folder; helm follows links when it loads a chart folder.',
      };
    });
  },
} satisfies ChartRule;
