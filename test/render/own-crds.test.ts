// A chart's own crds/ files printed by chart-guard (src/core/render/own-crds.ts): what it prints followed by what helm
// prints without --include-crds must be byte for byte what helm prints with it, with helm 3 and helm 4, for the
// awkward files (a file that starts with ---, no final newline, empty, JSON, CRLF, invalid YAML, bytes that are not
// UTF-8, a README that is not printed), the fixtures' real charts and the 5 MB operator chart. Every chart it is
// unsure of is left to helm.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildIdentityBump } from '../../scripts/bench-repos.mjs';
import { parseManifests } from '../../src/core/render/manifests.js';
import { materialiseChart } from '../../src/core/render/materialise.js';
import { ownCrds, withOwnCrds } from '../../src/core/render/own-crds.js';
import { type RenderJob, renderAll } from '../../src/core/render/renderer.js';
import type { Manifest } from '../../src/core/render/types.js';
import { GitSnapshot } from '../../src/core/repo/git-snapshot.js';
import { corpusChart, HELM_BINARIES, PROJECT_DIR, TestRepo } from '../support/git-repo.js';

/** Every helm template call's arguments: the real helm runs, the test sees whether it printed the CRDs. */
const calls = vi.hoisted(() => ({ args: [] as string[][] }));
vi.mock('../../src/core/render/helm.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/core/render/helm.js')>();
  return {
    ...original,
    helmTemplate: (...params: Parameters<typeof original.helmTemplate>) => {
      calls.args.push(params[1]);
      return original.helmTemplate(...params);
    },
  };
});

const work = mkdtempSync(join(tmpdir(), 'cg-own-crds-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const CHART_YAML = 'apiVersion: v2\nname: awkward\nversion: 1.0.0\n';
/** Files of a chart whose crds/ folder holds every shape helm prints verbatim. */
const AWKWARD: Record<string, string | Buffer> = {
  'Chart.yaml': CHART_YAML,
  'values.yaml': 'x: 1\n',
  '.helmignore': '.DS_Store\n.git/\n*.swp\n*.bak\n*.tmp\n*~\n.idea/\n*.tmproj\n.vscode/\n',
  'templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n',
  'templates/crd-list.yaml':
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: crd-files\ndata:\n  n: "{{ len (.Files.Glob "crds/*") }}"\n',
  'crds/a.yaml':
    '---\napiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: as.x.io\n',
  'crds/B.yaml': 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: bs.x.io',
  'crds/empty.yml': '',
  'crds/j.json':
    '{"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition","metadata":{"name":"js.x.io"}}\n',
  'crds/crlf.yaml': 'apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: crlf\r\n',
  'crds/invalid.yaml': 'bad: [\n',
  'crds/not-utf8.yaml': Buffer.from([0x61, 0x3a, 0x20, 0xff, 0xfe, 0xc3, 0x0a]),
  'crds/README.md': 'read me\n',
};

/** The files of a chart folder on disk, relative to it. */
function filesOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((rel) => statSync(join(dir, rel)).isFile())
    .map((rel) => rel.split('\\').join('/'));
}

function ownCrdsOfFolder(dir: string) {
  const files = filesOf(dir);
  return ownCrds(files, [], (rel) => (files.includes(rel) ? readFileSync(join(dir, rel)) : undefined));
}

function helmTemplate(helm: string, dir: string, includeCrds: boolean): Buffer {
  const args = ['template', 'rel', dir, '--namespace', 'default', ...(includeCrds ? ['--include-crds'] : [])];
  return execFileSync(helm, args, { maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A chart of CRDs alone (as `*-crd` charts are): no template prints anything, so helm trims the last file's end. */
const CRDS_ONLY: Record<string, string | Buffer> = {
  'Chart.yaml': 'apiVersion: v2\nname: widgets-crd\nversion: 1.0.0\n',
  'crds/a.yaml': Buffer.concat([
    Buffer.from([0xef, 0xbb, 0xbf]),
    Buffer.from('apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: as.x.io\n'),
  ]),
  'crds/b.yaml':
    'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: bs.x.io\n\n \n\t\n',
};
/** The same with a hook: helm prints the trimmed manifest, a line break, then the hook. */
const CRDS_AND_HOOK: Record<string, string | Buffer> = {
  ...CRDS_ONLY,
  'templates/hook.yaml':
    'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\n  annotations:\n    helm.sh/hook: pre-upgrade\n',
};

let awkwardDir: string;
let crdsOnlyDir: string;
let crdsAndHookDir: string;
let identity: ReturnType<typeof buildIdentityBump>;
beforeAll(() => {
  const repo = new TestRepo('cg-own-crds-awkward-');
  for (const [path, content] of Object.entries(AWKWARD)) repo.write(`charts/awkward/${path}`, content);
  for (const [path, content] of Object.entries(CRDS_ONLY)) repo.write(`charts/widgets-crd/${path}`, content);
  for (const [path, content] of Object.entries(CRDS_AND_HOOK)) repo.write(`charts/hooked/${path}`, content);
  repo.write('charts/nbsp/Chart.yaml', 'apiVersion: v2\nname: nbsp\nversion: 1.0.0\n');
  repo.write('charts/nbsp/crds/a.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: nbsp\n# end\u00a0\n');
  repo.commit();
  awkwardDir = join(repo.dir, 'charts/awkward');
  crdsOnlyDir = join(repo.dir, 'charts/widgets-crd');
  crdsAndHookDir = join(repo.dir, 'charts/hooked');
  identity = buildIdentityBump(join(work, 'identity'));
});

describe.each(Object.entries(HELM_BINARIES))('printed as helm %s prints them', (_, helm) => {
  const charts: Record<string, () => string> = {
    'the awkward crds/ files': () => awkwardDir,
    'CRDs alone: a byte-order mark, white space at the end': () => crdsOnlyDir,
    'CRDs and a hook': () => crdsAndHookDir,
    'sealed-secrets 1.5.12 (corpus)': () => corpusChart('sealed-secrets-1.5.12-to-1.5.13', 'old'),
    'sealed-secrets 1.5.13 (corpus)': () => corpusChart('sealed-secrets-1.5.12-to-1.5.13', 'new'),
    'karpenter (platform fixture)': () =>
      join(PROJECT_DIR, 'test/fixtures/platform/head/lib/aws/bootstrap/charts/karpenter'),
    'the 5 MB operator chart, as deployed': () => identity.renders[0].path,
    'the 5 MB operator chart, bumped': () => identity.renders[1].path,
  };
  it.each(Object.entries(charts))('%s: byte for byte', (_, dirOf) => {
    const dir = dirOf();
    const own = ownCrdsOfFolder(dir);
    expect(own, 'chart-guard prints these CRDs').toBeDefined();
    const full = helmTemplate(helm, dir, true);
    const printed = withOwnCrds(own!, helmTemplate(helm, dir, false));
    expect(printed?.toString('utf8')).toBe(full.toString('utf8'));
    expect(printed?.equals(full)).toBe(true);
  });
});

describe('left to helm', () => {
  it('CRDs alone whose end may be white space only to Go (a no-break space): helm trims them', () => {
    const files: Record<string, Buffer> = {
      'Chart.yaml': Buffer.from(CRDS_ONLY['Chart.yaml']),
      'crds/a.yaml': Buffer.from('kind: CustomResourceDefinition\nnote: end\u00a0\n'),
    };
    const own = ownCrds(Object.keys(files), [], (rel) => files[rel]);
    expect(own).toBeDefined();
    // templates printed: the CRDs go first as they are; none: helm trims them, and how is not certain here
    expect(withOwnCrds(own!, Buffer.from('---\n# Source: widgets-crd/templates/a.yaml\n'))).toBeDefined();
    expect(withOwnCrds(own!, Buffer.from('\n'))).toBeUndefined();
  });

  const variants: Record<string, (files: Record<string, string | Buffer>) => void> = {
    'a crds/ folder in a subchart (printed only when the subchart is enabled)': (f) => {
      f['charts/sub/Chart.yaml'] = 'apiVersion: v2\nname: sub\nversion: 1.0.0\n';
      f['charts/sub/crds/s.yaml'] = 'kind: CustomResourceDefinition\n';
    },
    'a packaged subchart (not looked into)': (f) => {
      f['charts/sub-1.0.0.tgz'] = Buffer.from([0x1f, 0x8b]);
    },
    'a folder inside crds/': (f) => {
      f['crds/more/c.yaml'] = 'kind: CustomResourceDefinition\n';
    },
    'a dot file in crds/': (f) => {
      f['crds/.hidden.yaml'] = 'kind: CustomResourceDefinition\n';
    },
    'an upper-case extension helm may print': (f) => {
      f['crds/c.YAML'] = 'kind: CustomResourceDefinition\n';
    },
    'a .helmignore pattern that may drop a CRD file': (f) => {
      f['.helmignore'] = '*.json\n';
    },
    'a .helmignore pattern about the folder': (f) => {
      f['.helmignore'] = '/crds/\n';
    },
    'a .helmignore character class': (f) => {
      f['.helmignore'] = '[ab].yaml\n';
    },
    'a quoted key in Chart.yaml': (f) => {
      f['Chart.yaml'] = `${CHART_YAML}"name": other\n`;
    },
    'Chart.yaml as a flow map': (f) => {
      f['Chart.yaml'] = '{apiVersion: v2, name: awkward, version: 1.0.0}\n';
    },
    'the name twice in Chart.yaml': (f) => {
      f['Chart.yaml'] = `${CHART_YAML}name: again\n`;
    },
    'a chart API version helm 4 reads otherwise': (f) => {
      f['Chart.yaml'] = CHART_YAML.replace('v2', 'v3');
    },
    'a name in a quoted scalar that spans lines': (f) => {
      f['Chart.yaml'] = 'apiVersion: v2\ndescription: "one\nname: fake"\nname: awkward\nversion: 1.0.0\n';
    },
    'no crds/ file helm prints': (f) => {
      for (const path of Object.keys(f)) if (path.startsWith('crds/') && path !== 'crds/README.md') delete f[path];
    },
  };
  it.each(Object.entries(variants))('%s', (_, change) => {
    const files = { ...AWKWARD };
    change(files);
    const contentOf = (rel: string) => {
      const content = files[rel];
      return content === undefined ? undefined : Buffer.from(content);
    };
    expect(ownCrds(Object.keys(files), [], contentOf)).toBeUndefined();
  });

  it('a symbolic link anywhere in the chart (helm follows it)', () => {
    const contentOf = (rel: string) => (AWKWARD[rel] === undefined ? undefined : Buffer.from(AWKWARD[rel]));
    expect(ownCrds(Object.keys(AWKWARD), [], contentOf)).toBeDefined();
    expect(ownCrds(Object.keys(AWKWARD), ['templates/link.yaml'], contentOf)).toBeUndefined();
  });
});

describe('in a render', () => {
  const headSnapshot = () => {
    const repoDir = join(awkwardDir, '../..');
    const sha = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repoDir, encoding: 'utf8' }).trim();
    return new GitSnapshot(repoDir, 'HEAD', sha);
  };
  const helmAt = (path: string) => {
    const version = execFileSync(path, ['version', '--short'], { encoding: 'utf8' }).trim();
    return { path, version, major: Number(/v(\d+)/.exec(version)![1]) };
  };
  const job = (snapshot: GitSnapshot, chartDir: string, chartName: string): RenderJob => ({
    key: chartDir,
    snapshot,
    chartDir,
    chartName,
    releaseName: 'rel',
    namespace: 'default',
    values: [],
  });

  it.each(Object.entries(HELM_BINARIES))(
    'helm %s prints the CRDs itself when how it trims them is not certain (a chart of CRDs alone ending in U+00A0)',
    async (_, path) => {
      const snapshot = headSnapshot();
      try {
        const helm = helmAt(path);
        calls.args.length = 0;
        const outcome = (await renderAll([job(snapshot, 'charts/nbsp', 'nbsp')], { helm })).get('charts/nbsp')!;
        expect(calls.args.map((args) => args.includes('--include-crds'))).toEqual([false, true]);
        expect(outcome.result.status).toBe('ok');
        expect(outcome.result.manifests.map((m) => [m.source, m.fromCrdsDir, m.object.metadata])).toEqual([
          ['nbsp/crds/a.yaml', true, { name: 'nbsp' }],
        ]);
      } finally {
        await snapshot.close();
      }
    },
  );

  it.each(Object.entries(HELM_BINARIES))(
    'helm %s runs without --include-crds, the manifests and the command are what they were',
    async (_, path) => {
      const snapshot = headSnapshot();
      try {
        const folder = join(work, `folder-${_}`);
        expect((await materialiseChart(snapshot, 'charts/awkward', folder)).ownCrds?.chartName).toBe('awkward');
        const helm = helmAt(path);
        calls.args.length = 0;
        const outcome = (await renderAll([job(snapshot, 'charts/awkward', 'awkward')], { helm })).get(
          'charts/awkward',
        )!;
        expect(calls.args).toHaveLength(1);
        expect(calls.args[0]).not.toContain('--include-crds');
        expect(outcome.result.status).toBe('ok');
        expect(outcome.result.command).toContain('--include-crds');
        // what helm prints with --include-crds, read the same way
        const full = parseManifests(helmTemplate(path, folder, true).toString('utf8'), 'awkward');
        const shown = (ms: Manifest[]) => ms.map((m) => [m.source, m.fromCrdsDir, m.object]);
        expect(shown(outcome.result.manifests)).toEqual(shown(full.manifests));
        expect(outcome.parseProblems).toEqual(full.problems);
        const crds = outcome.result.manifests.filter((m) => m.fromCrdsDir);
        expect(crds.map((m) => m.ref.name)).toEqual(['bs.x.io', 'as.x.io', 'crlf', 'js.x.io']);
        // .Files still holds the crds/ files: the template that counts them sees all eight
        const list = outcome.result.manifests.find((m) => m.ref.name === 'crd-files');
        expect(list?.object.data).toEqual({ n: '8' });
      } finally {
        await snapshot.close();
      }
    },
  );
});
