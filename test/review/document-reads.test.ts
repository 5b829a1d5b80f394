// Identity first (issue 23): a document printed alike by both sides of a bump is not parsed unless something reads
// its object. Each rule declares the kinds of such documents it reads (needs.documents); everything else it learns
// from documents that changed, or from any document's facts (apiVersion, kind, name, namespace, a CRD's names).
// Here every rule runs on real bumps, and each read of an unchanged document's object is checked against the
// declaration of the rule that made it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { buildIdentityBump, buildLargeBump } from '../../scripts/bench-repos.mjs';
import { review } from '../../src/core/pipeline/review.js';
import { LazyManifest } from '../../src/core/render/manifests.js';
import type { Manifest } from '../../src/core/render/types.js';
import { GitSnapshot } from '../../src/core/repo/git-snapshot.js';
import { allRules } from '../../src/core/rules/index.js';
import type { ChartContext, ChartRule } from '../../src/core/rules/rule.js';
import { HELM_BINARIES } from '../support/git-repo.js';
import { platformBump } from '../support/platform-bump.js';

const work = mkdtempSync(join(tmpdir(), 'cg-document-reads-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

interface Bump {
  repoDir: string;
  base: string;
  head: string;
}

const bumps: Record<string, () => Bump> = {
  'the platform fixture': () => platformBump('cg-document-reads-platform-'),
  'the 5 MB chart of issue 23 (210 CRDs, 40 workloads)': () => {
    const bump = buildIdentityBump(join(work, 'identity'));
    return { repoDir: bump.repo, base: bump.base, head: bump.head };
  },
  'the 5 MB chart of the benchmark': () => {
    const bump = buildLargeBump(join(work, 'large'));
    return { repoDir: bump.repo, base: bump.base, head: bump.head };
  },
};

/** The documents printed alike by the base and the head render of a context (their digests). */
function printedAlike(ctx: ChartContext): Set<string> {
  const digests = (manifests: readonly Manifest[] = []) => new Set(manifests.map((m) => m.digest).filter(Boolean));
  const base = digests(ctx.renders?.base?.manifests);
  return new Set([...digests(ctx.renders?.head?.manifests)].filter((d) => base.has(d)) as string[]);
}

describe.each(Object.entries(bumps))('%s', (_name, build) => {
  const bump = build();

  it('each rule reads the objects of unchanged documents only of the kinds it declares', async () => {
    // which rule is running, and the unchanged documents of its context
    let running: { rule: ChartRule; alike: Set<string> } | undefined;
    const reads = new Map<string, Set<string>>();
    const getter = Object.getOwnPropertyDescriptor(LazyManifest.prototype, 'object')!.get!;
    vi.spyOn(LazyManifest.prototype, 'object', 'get').mockImplementation(function (this: LazyManifest) {
      if (running?.alike.has(this.digest)) {
        const kinds = reads.get(running.rule.id) ?? new Set<string>();
        kinds.add(this.ref.kind);
        reads.set(running.rule.id, kinds);
      }
      return getter.call(this);
    });
    for (const rule of allRules) {
      if (rule.scope !== 'chart') continue;
      const check = rule.check.bind(rule);
      vi.spyOn(rule, 'check').mockImplementation((ctx: ChartContext) => {
        running = { rule, alike: printedAlike(ctx) };
        try {
          return check(ctx);
        } finally {
          running = undefined;
        }
      });
    }
    const report = await review({
      repoDir: bump.repoDir,
      base: new GitSnapshot(bump.repoDir, 'main~1', bump.base),
      head: new GitSnapshot(bump.repoDir, 'main', bump.head),
      helm: HELM_BINARIES.v4,
    });
    expect(report.charts.length).toBeGreaterThan(0);
    for (const [id, kinds] of reads) {
      const rule = allRules.find((r) => r.id === id) as ChartRule;
      expect(
        [...kinds].filter((kind) => !rule.needs.documents?.includes(kind)),
        id,
      ).toEqual([]);
    }
  }, 120_000);
});
