// Hostile or unusual values files, reviewed end to end with the real helm 3 and 4: multi-document values files,
// alias bombs, self-references, deep nesting and oversize chart files each give helm's answer as a finding at its
// line, and the review terminates.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { review } from '../../src/core/pipeline/review.js';
import { GitSnapshot } from '../../src/core/repo/git-snapshot.js';
import type { Report } from '../../src/core/report/report.js';
import { HELM_BINARIES, TestRepo } from '../support/git-repo.js';
import { oneChartLockfile } from '../support/lockfile.js';

const HELMS = [
  ['helm 3', HELM_BINARIES.v3],
  ['helm 4', HELM_BINARIES.v4],
] as const;

const lockfile = (version: string) =>
  oneChartLockfile('web', version, { name: 'r', url: 'https://example.com/charts' });

/** A ConfigMap template reading replicaCount, image.repository and image.<tagKey>. */
const template = (tagKey: string) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ .Release.Name }}
data:
  image: "{{ .Values.image.repository }}:{{ .Values.image.${tagKey} }}"
  replicas: "{{ .Values.replicaCount }}"
`;

/** A small chart; `values` is its values.yaml; version 1.0.0 reads image.tag, later versions image.version. */
function writeChart(repo: TestRepo, version: string, values: string): TestRepo {
  return repo
    .write('charts/web/Chart.yaml', `apiVersion: v2\nname: web\nversion: ${version}\n`)
    .write('charts/web/values.yaml', values)
    .write('charts/web/templates/cm.yaml', template(version === '1.0.0' ? 'tag' : 'version'))
    .write('helm-freeze.yaml', lockfile(version));
}

const V1_VALUES = 'replicaCount: 1\nimage:\n  repository: nginx\n  tag: "1"\n  version: "1"\n';

/** A repo at base 1.0.0 with the given override file; head bumps the chart to `headValues`. */
async function bump(
  override: string,
  helm: string,
  headValues = V1_VALUES,
): Promise<{ report: Report; repo: TestRepo }> {
  const repo = new TestRepo('cg-hostile-');
  writeChart(repo, '1.0.0', V1_VALUES)
    .write('values/web.yaml', override)
    .write('.github/chart-guard.yaml', 'values: ["values/{chart}.yaml"]\n');
  const base = repo.commit('base');
  writeChart(repo, '2.0.0', headValues);
  const head = repo.commit('bump');
  const report = await review({
    repoDir: repo.dir,
    base: new GitSnapshot(repo.dir, 'base', base),
    head: new GitSnapshot(repo.dir, 'head', head),
    helm,
  });
  return { report, repo };
}

/** What the real helm does with the head chart and the override file. */
function helmTemplate(helm: string, repo: TestRepo): { ok: boolean; output: string } {
  try {
    const output = execFileSync(
      helm,
      ['template', 'r', join(repo.dir, 'charts/web'), '-f', join(repo.dir, 'values/web.yaml')],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    return { ok: true, output };
  } catch (e) {
    return { ok: false, output: String((e as { stderr?: string }).stderr) };
  }
}

const findings = (report: Report, rule: string) =>
  report.charts.flatMap((c) => c.findings).filter((f) => f.rule === rule);

describe('a values file of several YAML documents', () => {
  // The new chart renames image.tag to image.version: the tag set in the second document stops applying.
  const HEAD_VALUES = 'replicaCount: 1\nimage:\n  repository: nginx\n  version: "1"\n';
  const OVERRIDE = 'replicaCount: 2\n---\nimage: {tag: "9"}\n';
  const repos: TestRepo[] = [];
  afterAll(() => {
    for (const r of repos) r.cleanup();
  });

  it('helm 4 merges every document: image.tag from the second one is checked, and its removal reported there', async () => {
    const { report, repo } = await bump(OVERRIDE, HELM_BINARIES.v4, HEAD_VALUES);
    repos.push(repo);
    // helm 4 itself applies the second document (at the base chart, which still reads image.tag)
    writeChart(repo, '1.0.0', V1_VALUES);
    expect(helmTemplate(HELM_BINARIES.v4, repo).output).toContain('image: "nginx:9"');
    expect(findings(report, 'override-key-removed').map((f) => [f.path, f.file, f.line])).toEqual([
      ['image.tag', 'values/web.yaml', 3],
    ]);
    expect(findings(report, 'values-file-partial')).toEqual([]);
    expect(report.verdict).toBe('fail');
  });

  it('helm 3 reads the first document only: the rest is noted at the `---` line, not checked', async () => {
    const { report, repo } = await bump(OVERRIDE, HELM_BINARIES.v3, HEAD_VALUES);
    repos.push(repo);
    writeChart(repo, '1.0.0', V1_VALUES);
    expect(helmTemplate(HELM_BINARIES.v3, repo).output).toContain('image: "nginx:1"');
    expect(findings(report, 'override-key-removed')).toEqual([]);
    expect(findings(report, 'values-file-partial').map((f) => [f.file, f.line, f.severity])).toEqual([
      ['values/web.yaml', 2, 'notice'],
    ]);
    expect(findings(report, 'values-file-partial')[0].message).toMatch(/helm 3 reads only the first document/);
  });

  it('a chart values.yaml of several documents is merged with helm 4 and read to the first `---` with helm 3', async () => {
    // head's values.yaml declares image.tag (which its templates no longer read) only in its second document
    const split = 'replicaCount: 1\nimage:\n  repository: nginx\n  version: "2"\n---\nimage:\n  tag: "1"\n';
    for (const [name, helm] of HELMS) {
      const { report, repo } = await bump('image:\n  tag: "5"\n', helm, split);
      repos.push(repo);
      const removed = findings(report, 'override-key-removed').map((f) => f.path);
      expect(removed, name).toEqual(helm === HELM_BINARIES.v4 ? [] : ['image.tag']);
    }
  });
});

describe('alias bombs and self-references', () => {
  const laughs = (levels: number, fanout: number) => {
    const lines = [`l0: &l0 [${Array(fanout).fill('"lol"').join(',')}]`];
    for (let i = 1; i < levels; i++)
      lines.push(
        `l${i}: &l${i} [${Array(fanout)
          .fill(`*l${i - 1}`)
          .join(',')}]`,
      );
    return `${lines.join('\n')}\n`;
  };
  const CASES = [
    ['a self-merge', 'image: &i {tag: "2", <<: *i}\n', 1, "anchor 'i' value contains itself"],
    ['a self-reference', 'replicaCount: 1\nimage: &a {b: *a}\n', 2, "anchor 'a' value contains itself"],
    ['a 9-level alias bomb', laughs(9, 9), 4, 'document contains excessive aliasing'],
  ] as const;

  for (const [name, helm] of HELMS) {
    for (const [what, text, line, message] of CASES) {
      it(`${what} in an override file is values-file-invalid at line ${line}, as ${name} refuses it`, async () => {
        const { report, repo } = await bump(text, helm);
        try {
          const invalid = findings(report, 'values-file-invalid');
          expect(invalid.map((f) => [f.file, f.line])).toEqual([['values/web.yaml', line]]);
          expect(invalid[0].message).toContain(message);
          // the same file was refused at the base too: already there, counted apart (issue 10 §2)
          expect(invalid[0].introduced).toBe(false);
          expect(report.summary.preexisting?.errors).toBe(1);
          const real = helmTemplate(helm, repo);
          expect(real.ok).toBe(false);
          expect(real.output).toContain(message);
        } finally {
          repo.cleanup();
        }
      });
    }
  }

  it('a self-referencing map in a chart values.yaml is chart-file-invalid at its line', async () => {
    const { report, repo } = await bump('replicaCount: 3\n', HELM_BINARIES.v4, `${V1_VALUES}loop: &l {self: *l}\n`);
    try {
      const invalid = findings(report, 'chart-file-invalid');
      expect(invalid.map((f) => [f.file, f.line])).toEqual([['charts/web/values.yaml', 6]]);
      expect(invalid[0].message).toContain("anchor 'l' value contains itself");
    } finally {
      repo.cleanup();
    }
  });
});

describe('deep and large chart values', () => {
  const nested = (depth: number) => `deep: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}\n`;

  for (const [name, helm] of HELMS) {
    it(`values nested 103 deep are accepted, as ${name} renders them`, async () => {
      const { report, repo } = await bump('replicaCount: 3\n', helm, V1_VALUES + nested(103));
      try {
        expect(helmTemplate(helm, repo).ok).toBe(true);
        expect(findings(report, 'chart-file-invalid')).toEqual([]);
        expect(findings(report, 'render-failed')).toEqual([]);
        expect(report.verdict).toBe('pass');
      } finally {
        repo.cleanup();
      }
    });
  }

  it("a values.yaml over helm's 5 MiB file limit is reported, as helm refuses the chart", async () => {
    const big = `${V1_VALUES}filler: "${'x'.repeat(5 * 1024 * 1024)}"\n`;
    const { report, repo } = await bump('replicaCount: 3\n', HELM_BINARIES.v4, big);
    try {
      const real = helmTemplate(HELM_BINARIES.v4, repo);
      expect(real.ok).toBe(false);
      expect(real.output).toContain('is larger than the maximum file size 5242880');
      const invalid = findings(report, 'chart-file-invalid');
      expect(invalid.map((f) => f.file)).toEqual(['charts/web/values.yaml']);
      expect(invalid[0].message).toContain('larger than the maximum file size 5242880');
    } finally {
      repo.cleanup();
    }
  });
});
