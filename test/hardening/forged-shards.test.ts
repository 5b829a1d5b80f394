// Shard reports given to `chart-guard merge` are untrusted: an artifact another job uploaded can be swapped or edited.
// Real shard reports of a real bump (helm v3 and v4) are forged: a field of the wrong type is refused (exit 2, one
// line naming the file and the field as a JSON pointer); forged counts, verdict and needs-reinstall are worked out
// again from the findings; Markdown and HTML in a finding's texts stay inert text in the merged comment.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { marked, type Token } from 'marked';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding, Report } from '../../src/core/report/report.js';
import { type BuiltCli, buildCli, runCli } from '../support/cli-bundle.js';
import { HELM_BINARIES, TestRepo } from '../support/git-repo.js';
import { chartsLockfile } from '../support/lockfile.js';

const STACK_FRAME = /^\s+at /m;
const SECRET = 'ghp_forgedshardstestsecret0000000000000';
const CHARTS = ['web', 'db', 'queue'];
/** A StatefulSet whose selector label is a value: changing it is an immutable-field-changed error. */
const STATEFULSET = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: {{ .Release.Name }}
spec:
  serviceName: {{ .Release.Name }}
  selector:
    matchLabels:
      app: {{ .Values.label }}
  template:
    metadata:
      labels:
        app: {{ .Values.label }}
    spec:
      containers:
        - name: main
          image: "busybox:1"
`;
/** Two environments and an accepted finding: shard reports with every part a forger could touch. */
const CONFIG = `environments:
  aws: { kubernetes: "1.31" }
  gcp: { kubernetes: "1.29" }
`;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const ACCEPTED = `- rule: immutable-field-changed
  chart: queue
  reason: the queue is drained and reinstalled by the deploy job
  expires: ${inDays(90)}
`;
/** Live Markdown and HTML a forger puts in a finding's texts. */
const LIVE =
  'Upgrade now <img src=x onerror=alert(1)> [click](https://evil.example/phish) ![pixel](https://evil.example/p.png) @everyone </details><!-- chart-guard -->';

/** Every token of a Markdown document, nested ones included. */
function tokens(markdown: string): Token[] {
  const out: Token[] = [];
  const walk = (list: readonly Token[]) => {
    for (const token of list) {
      out.push(token);
      const nested = token as Token & {
        tokens?: Token[];
        items?: Token[];
        header?: { tokens: Token[] }[];
        rows?: { tokens: Token[] }[][];
      };
      if (nested.tokens) walk(nested.tokens);
      if (nested.items) walk(nested.items);
      for (const cell of [...(nested.header ?? []), ...(nested.rows ?? []).flat()]) walk(cell.tokens);
    }
  };
  walk(marked.lexer(markdown));
  return out;
}

describe.each(Object.entries(HELM_BINARIES))('chart-guard merge of forged shard reports, helm %s', (_label, helm) => {
  const repo = new TestRepo('cg-forged-shards-');
  let cli: BuiltCli;
  let base = '';
  let head = '';
  let whole: Report;
  const shards: Report[] = [];
  const file = (name: string) => join(repo.dir, name);
  const run = (...args: string[]) => {
    process.env.GITHUB_TOKEN = SECRET;
    try {
      return runCli(cli, args, repo.dir);
    } finally {
      delete process.env.GITHUB_TOKEN;
    }
  };
  /** Writes the shards, the second (or the one `forge` names) forged, and merges them. */
  const mergeForged = (forge: (shards: Report[]) => void, ...args: string[]) => {
    const copies = structuredClone(shards);
    forge(copies);
    for (const [i, report] of copies.entries()) writeFileSync(file(`forged-${i + 1}.json`), JSON.stringify(report));
    return run('merge', ...copies.map((_, i) => `forged-${i + 1}.json`), ...args);
  };
  /** The shard holding the chart findings, and its first one. */
  const withFindings = (reports: Report[]) => {
    const index = reports.findIndex((r) => r.charts.some((c) => c.findings.length > 0));
    const chart = reports[index].charts.findIndex((c) => c.findings.length > 0);
    return { index, chart, finding: reports[index].charts[chart].findings[0] as Finding };
  };

  beforeAll(() => {
    cli = buildCli();
    repo
      .write('helm-freeze.yaml', chartsLockfile(CHARTS.map((name) => ({ name, version: '1.0.0' }))))
      .write('.github/chart-guard.yaml', CONFIG)
      .write('.github/chart-guard-accepted.yaml', ACCEPTED);
    for (const name of CHARTS) {
      repo
        .write(`charts/${name}/Chart.yaml`, `apiVersion: v2\nname: ${name}\nversion: 1.0.0\n`)
        .write(`charts/${name}/values.yaml`, `label: ${name}\n`)
        .write(`charts/${name}/templates/statefulset.yaml`, STATEFULSET);
    }
    base = repo.commit('base');
    repo.write('helm-freeze.yaml', chartsLockfile(CHARTS.map((name) => ({ name, version: '2.0.0' }))));
    for (const name of CHARTS) {
      repo
        .write(`charts/${name}/Chart.yaml`, `apiVersion: v2\nname: ${name}\nversion: 2.0.0\n`)
        .write(`charts/${name}/values.yaml`, `label: ${name}-v2\n`);
    }
    head = repo.commit('bump');
    const review = (...args: string[]) =>
      run('review', '--base', base, '--head', head, '--helm', helm, '--format', 'json', ...args);
    const unsharded = review('--output', 'whole.json');
    expect(unsharded.status, unsharded.stderr).toBe(1);
    whole = JSON.parse(readFileSync(file('whole.json'), 'utf8'));
    for (const index of [1, 2]) {
      const shard = review('--shard', `${index}/2`, '--output', `shard-${index}.json`);
      expect(shard.status === 0 || shard.status === 1, shard.stderr).toBe(true);
      shards.push(JSON.parse(readFileSync(file(`shard-${index}.json`), 'utf8')));
    }
    // the bump is what the forgers hide: every chart needs a reinstall, two of them unaccepted
    expect(whole.verdict).toBe('fail');
    expect(whole.summary).toMatchObject({ errors: CHARTS.length - 1, accepted: 1, needsReinstall: true });
    expect(whole.charts[0].environments?.map((e) => e.name)).toEqual(['aws', 'gcp']);
  }, 240_000);
  afterAll(() => {
    cli?.cleanup();
    repo.cleanup();
  });

  it.each([
    {
      name: 'a severity that is no severity',
      forge: (finding: Record<string, unknown>) => {
        finding.severity = 'critical';
      },
      field: /\/findings\/0\/severity must be one of error, warning, notice$/,
    },
    {
      name: 'a line that is text',
      forge: (finding: Record<string, unknown>) => {
        finding.line = '12; rm -rf /';
      },
      field: /\/findings\/0\/line must be integer$/,
    },
    {
      name: 'a message that is an object',
      forge: (finding: Record<string, unknown>) => {
        finding.message = { html: '<script>alert(1)</script>' };
      },
      field: /\/findings\/0\/message must be string$/,
    },
    {
      name: 'a field no report has',
      forge: (finding: Record<string, unknown>) => {
        finding.rawHtml = '<script>alert(1)</script>';
      },
      field: /\/findings\/0\/rawHtml is not a field of the report$/,
    },
  ])('refuses $name: exit 2, one line naming the file and the field', ({ forge, field }) => {
    const merged = mergeForged((reports) => {
      const { index, chart } = withFindings(reports);
      forge(reports[index].charts[chart].findings[0] as unknown as Record<string, unknown>);
    });
    const { index, chart } = withFindings(shards);
    expect(merged.status).toBe(2);
    expect(merged.stdout).toBe('');
    const lines = merged.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(`^chart-guard merge: forged-${index + 1}\\.json is not a chart-guard JSON report: /charts/${chart}`),
    );
    expect(lines[0]).toMatch(field);
    expect(merged.stderr).not.toMatch(STACK_FRAME);
    expect(merged.stderr).not.toContain(SECRET);
  });

  it('refuses a summary count of the wrong type, and a shard index that is no number', () => {
    const counts = mergeForged((reports) => {
      (reports[0].summary as unknown as Record<string, unknown>).errors = -1;
    });
    expect(counts.status).toBe(2);
    expect(counts.stderr.trim()).toBe(
      'chart-guard merge: forged-1.json is not a chart-guard JSON report: /summary/errors must be >= 0',
    );
    const index = mergeForged((reports) => {
      (reports[1].shard as unknown as Record<string, unknown>).index = '2';
    });
    expect(index.stderr.trim()).toBe(
      'chart-guard merge: forged-2.json is not a chart-guard JSON report: /shard/index must be integer',
    );
  });

  it('works out counts, verdict and needs-reinstall again from the findings: forged ones are not kept', () => {
    const merged = mergeForged(
      (reports) => {
        for (const report of reports) {
          report.verdict = 'pass';
          report.summary = { errors: 0, warnings: 0, notices: 0, needsReinstall: false };
          for (const chart of report.charts) {
            chart.needsReinstall = false;
            chart.reinstallReason = 'nothing to do';
          }
        }
      },
      '--format',
      'json',
    );
    expect(merged.status, merged.stderr).toBe(1); // the errors fail the merge as they fail the unsharded run
    const report = JSON.parse(merged.stdout) as Report;
    expect(report.verdict).toBe('fail');
    expect(report.summary).toEqual(whole.summary);
    expect(report.charts.map((c) => [c.needsReinstall, c.reinstallReason])).toEqual(
      whole.charts.map((c) => [c.needsReinstall, c.reinstallReason]),
    );
    expect(merged.stdout).not.toContain('nothing to do');
  });

  it('shows live Markdown in a forged message and remedy as inert text in the merged comment', () => {
    const genuine = run('merge', 'shard-1.json', 'shard-2.json', '--format', 'markdown');
    const merged = mergeForged(
      (reports) => {
        // the same finding in every shard (one per environment), so that the merge still makes one of them
        const { finding: target } = withFindings(reports);
        const same = (f: Finding) => f.rule === target.rule && f.chart === target.chart;
        for (const finding of reports.flatMap((r) => r.charts.flatMap((c) => c.findings)).filter(same)) {
          finding.message = LIVE;
          finding.remedy = LIVE;
        }
      },
      '--format',
      'markdown',
    );
    expect(merged.status, merged.stderr).toBe(1);
    const all = tokens(merged.stdout);
    const html = all.filter((t) => t.type === 'html').map((t) => t.raw);
    // no HTML of the forger's: only chart-guard's own blocks, exactly as in the genuine merge
    expect(html.filter((raw) => /onerror|evil|<!-- chart-guard -->/.test(raw))).toEqual([]);
    expect(html.sort()).toEqual(
      tokens(genuine.stdout)
        .filter((t) => t.type === 'html')
        .map((t) => t.raw)
        .sort(),
    );
    // no image, and no link dressed up as other text: a bare address GitHub shows as itself is all that links
    const links = all.filter((t) => t.type === 'link' || t.type === 'image') as (Token & {
      href: string;
      text: string;
    })[];
    expect(links.filter((t) => t.href.includes('evil.example')).map((t) => [t.type, t.text])).toEqual(
      links.filter((t) => t.href.includes('evil.example')).map((t) => ['link', t.href]),
    );
    // no mention GitHub would notify
    expect(merged.stdout).not.toMatch(/@everyone/);
    // but the text is there for a reader, character for character
    const text = all
      .filter((t) => t.type === 'text' || t.type === 'escape')
      .map((t) => (t as Token & { text: string }).text)
      .join('');
    expect(text).toContain('onerror=alert(1)');
    expect(merged.stdout).not.toContain(SECRET);
  });
});
