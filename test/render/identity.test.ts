// Identity first (issue 23, src/core/render/document-identity.ts): a document helm prints byte-identical in two renders
// of a chart is parsed once, and both manifests share the parsed object. The safety net: the whole report (findings,
// rendered diffs, the upgrade runbook, the verdict) is the same as with every document parsed on its own, for every
// corpus pair, the platform fixture and the 5 MB chart, with helm 3 and helm 4. The same holds for a chart's own crds/
// files printed by chart-guard instead of helm (src/core/render/own-crds.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildCorpusBump, buildIdentityBump, buildLargeBump, corpusPairs } from '../../scripts/bench-repos.mjs';
import type { ReviewOptions } from '../../src/core/pipeline/review.js';
import { review } from '../../src/core/pipeline/review.js';
import { DocumentMemo, documentDigest } from '../../src/core/render/document-identity.js';
import { parseManifests } from '../../src/core/render/manifests.js';
import { GitSnapshot } from '../../src/core/repo/git-snapshot.js';
import type { Report } from '../../src/core/report/report.js';
import { HELM_BINARIES } from '../support/git-repo.js';
import { platformBump } from '../support/platform-bump.js';

/** Off: every render parses each of its documents itself, as before identity first, and helm prints every CRD. */
const sharing = vi.hoisted(() => ({ on: true, parses: 0, ownCrds: 0 }));
vi.mock('../../src/core/render/document-identity.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/core/render/document-identity.js')>();
  class SwitchedMemo extends original.DocumentMemo {
    // off: no document is read by its facts either
    constructor(lazy?: boolean) {
      super(lazy === true && sharing.on);
    }
    override values(
      text: string,
      source: string | undefined,
      problems: string[],
      parse: (own: string[]) => unknown[],
    ): unknown[] {
      const counted = (own: string[]) => {
        sharing.parses++;
        return parse(own);
      };
      return sharing.on ? super.values(text, source, problems, counted) : counted(problems);
    }
  }
  return { ...original, DocumentMemo: SwitchedMemo };
});

// off: helm prints every crds/ file itself (--include-crds), as before chart-guard printed a chart's own (own-crds.ts)
vi.mock('../../src/core/render/own-crds.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/core/render/own-crds.js')>();
  return {
    ...original,
    ownCrds: (...args: Parameters<typeof original.ownCrds>) => {
      const own = original.ownCrds(...args);
      if (own) sharing.ownCrds++;
      return sharing.on ? own : undefined;
    },
  };
});

const work = mkdtempSync(join(tmpdir(), 'cg-identity-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Case {
  /** Some documents are printed alike by both sides. */
  shares: boolean;
  /** A chart of the bump has crds/ files chart-guard prints itself. */
  ownCrds?: boolean;
  repoDir: string;
  base: string;
  head: string;
}

const cases: Record<string, () => Case> = {
  'every corpus pair bumped at once': () => {
    const bump = buildCorpusBump(join(work, 'corpus'), corpusPairs());
    return { shares: false, ownCrds: true, repoDir: bump.repo, base: bump.base, head: bump.head };
  },
  'the platform fixture': () => ({ shares: true, ...platformBump('cg-identity-platform-') }),
  'the 5 MB chart of the benchmark (every template changed)': () => {
    const bump = buildLargeBump(join(work, 'large'));
    return { shares: true, repoDir: bump.repo, base: bump.base, head: bump.head };
  },
  'the 5 MB chart of issue 23 (210 CRDs, 40 workloads; one CRD and one selector changed)': () => {
    const bump = buildIdentityBump(join(work, 'identity'));
    return { shares: true, ownCrds: true, repoDir: bump.repo, base: bump.base, head: bump.head };
  },
};

/** The report without what differs from run to run (times). */
function comparable(report: Report): string {
  return JSON.stringify(report, (key, value) => (key === 'stats' || /Ms$/.test(key) ? undefined : value), 1);
}

async function reviewed(c: Case, helm: string, share: boolean): Promise<Report> {
  sharing.on = share;
  const options: ReviewOptions = {
    repoDir: c.repoDir,
    base: new GitSnapshot(c.repoDir, 'main~1', c.base),
    head: new GitSnapshot(c.repoDir, 'main', c.head),
    helm,
  };
  return review(options);
}

describe.each(Object.entries(cases))('%s', (_name, build) => {
  const c = build();
  it.each([
    ['helm 3', HELM_BINARIES.v3],
    ['helm 4', HELM_BINARIES.v4],
  ])(
    'reports exactly what parsing every document does, with %s',
    async (_label, helm) => {
      sharing.parses = 0;
      sharing.ownCrds = 0;
      const shared = await reviewed(c, helm, true);
      const parsesShared = sharing.parses;
      if (c.ownCrds) expect(sharing.ownCrds).toBeGreaterThan(0);
      sharing.parses = 0;
      const full = await reviewed(c, helm, false);
      expect(comparable(shared)).toBe(comparable(full));
      // corpus bumps change every document (helm.sh/chart labels carry the version); the others share documents,
      // parsed once or not at all
      if (c.shares) expect(parsesShared).toBeLessThan(sharing.parses);
      else expect(parsesShared).toBe(sharing.parses);
      expect(shared.charts.length).toBeGreaterThan(0);
    },
    240_000,
  );
});

describe('a document parsed once per chart', () => {
  beforeEach(() => {
    sharing.on = true;
  });
  const render = (body: string) => `---\n# Source: demo/templates/a.yaml\n${body}`;
  const configMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  k: v\n';

  it('gives both renders one object when the text is the same, and its own to a changed text', () => {
    const memo = new DocumentMemo();
    const base = parseManifests(render(configMap), 'demo', memo).manifests[0];
    const same = parseManifests(render(configMap), 'demo', memo).manifests[0];
    const changed = parseManifests(render(configMap.replace('k: v', 'k: w')), 'demo', memo).manifests[0];
    expect(same.object).toBe(base.object);
    expect(changed.object).not.toBe(base.object);
    expect(changed.object).toEqual({ ...base.object, data: { k: 'w' } });
    expect(memo.hits).toBe(1);
  });

  it('replays a problem for every render that printed the broken text, naming its source', () => {
    const memo = new DocumentMemo();
    const broken = render('apiVersion: v1\nkind: [unclosed\n');
    const first = parseManifests(broken, 'demo', memo);
    const second = parseManifests(broken, 'demo', memo);
    expect(first.problems).toHaveLength(1);
    expect(first.problems[0]).toMatch(/^demo\/templates\/a\.yaml: /);
    expect(second.problems).toEqual(first.problems);
  });

  it('keys a text by the source it is read under too', () => {
    expect(documentDigest('a: 1\n', 'demo/crds/a.yaml')).not.toBe(documentDigest('a: 1\n', 'demo/crds/b.yaml'));
    expect(documentDigest('a: 1\n', undefined)).toBe(documentDigest('a: 1\n', undefined));
  });
});
