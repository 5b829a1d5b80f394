import { describe, expect, it } from 'vitest';
import { type ChartReport, type Finding, type Report, summarise, verdictOf } from '../../src/core/report/report.js';
import { commentMarkerLine, renderComment, renderSummary } from '../../src/format/markdown.js';
import {
  hostileReport,
  hugeReport,
  lintReport,
  mariadbChart,
  nodeExporterChart,
  sampleReport,
  withTotals,
  zookeeperOverridesChart,
} from './fixtures.js';
import { activeReferences, structureProblems, textOutsideCode } from './markdown-structure.js';

const RUN_URL = 'https://github.com/acme/platform/actions/runs/42';

function comment(report: Report, maxChars?: number): string {
  return renderComment(report, { marker: 'helm-freeze.yaml', runUrl: RUN_URL, maxChars });
}

function lines(text: string): string[] {
  return text.split('\n');
}

/** A bumped chart with nothing wrong, whose defaults diff still fills a <details> element. */
function cleanChart(name: string, keys = 20): ChartReport {
  return {
    ...zookeeperOverridesChart(),
    name,
    dir: `charts/${name}`,
    change: 'bumped',
    from: '1.0.0',
    to: '1.1.0',
    semverChange: 'minor',
    valuesDiff: {
      added: Array.from({ length: keys }, (_, i) => `feature${i}.enabled`),
      removed: [],
      changed: [{ path: 'image.tag', before: '1.0.0', after: '1.1.0' }],
    },
  };
}

describe('renderComment: structure', () => {
  const sample = comment(sampleReport());

  it('starts with the hidden marker', () => {
    expect(lines(sample)[0]).toBe('<!-- chart-guard:helm-freeze.yaml -->');
  });

  it('keeps a marker that is already an HTML comment as it is, so the Action finds the comment by it', () => {
    const body = renderComment(sampleReport(), { marker: '<!-- chart-guard: helm-freeze.yaml -->' });
    expect(lines(body)[0]).toBe('<!-- chart-guard: helm-freeze.yaml -->');
  });

  it('cannot end the marker comment early', () => {
    const first = lines(renderComment(sampleReport(), { marker: 'x-->y<b>' }))[0];
    expect(first).toBe(commentMarkerLine('x-->y<b>'));
    expect(first.indexOf('-->')).toBe(first.length - 3);
  });

  it('says next how many blocking problems there are and in how many of the changed charts', () => {
    expect(lines(sample)[1]).toBe('### ❌ chart-guard: 4 blocking problems in 2 of 3 charts, 2 warnings · 5 notices');
  });

  it('names the charts that need a reinstall on one line', () => {
    const reinstall = lines(sample).filter((l) => l.includes('Needs reinstall:**'));
    expect(reinstall).toHaveLength(1);
    expect(reinstall[0]).toContain('**mariadb**, **prometheus-node-exporter**');
  });

  it('has a table row per changed chart: versions, class, counts by severity and reinstall', () => {
    expect(sample).toContain('| chart | from → to | class | findings | reinstall? |');
    expect(sample).toContain('| **mariadb** | 7.10.4 → 8.0.0 | major | ❌ 3 · ⚠️ 1 · ℹ️ 4 | **yes** |');
    expect(sample).toContain('| **prometheus-node-exporter** | 3.4.0 → 4.0.0 | major | ❌ 1 · ℹ️ 1 | **yes** |');
    expect(sample).toContain('| **zookeeper** | 13.4.10 | overrides only | — | — |');
  });

  it('puts charts with blocking problems first in the table', () => {
    const rows = lines(sample).filter((l) => l.startsWith('| **'));
    expect(rows.map((r) => r.split('**')[1])).toEqual(['mariadb', 'prometheus-node-exporter', 'zookeeper']);
  });

  it('leaves unchanged charts without findings out of the table', () => {
    const report = sampleReport();
    report.charts.push({ ...cleanChart('redis'), change: 'unchanged', semverChange: null });
    expect(comment(report)).not.toContain('**redis**');
  });

  it("puts a chart's removed and unknown override keys in one table: place, key, defaults, suggestion, severity", () => {
    const table = lines(sample.slice(sample.indexOf('**Override keys 8.0.0 ignores**')));
    expect(table.slice(2, 7)).toEqual([
      '| | where | key | default (old → new) | did you mean |',
      '| --- | --- | --- | --- | --- |',
      '| ❌ | `values/mariadb.yaml:3` | `rootUser.password` | `"<redacted>"` → gone | `auth.rootPassword` |',
      '| ❌ | `values/mariadb.yaml:12` | `master.persistence.size` | `"20Gi"` → gone | `primary.persistence.size` |',
      '| ⚠️ | `values/mariadb.yaml:27` | `metrics.serviceMonitor.enabledd` | not a chart key | `metrics.serviceMonitor.enabled` |',
    ]);
    // one remedy for the renames, and no finding spelled out again below the table
    expect(sample.match(/Rename each key as suggested/g)).toHaveLength(1);
    expect(sample).not.toContain('**override-key-removed**');
    expect(sample).not.toContain('- ⚠️ `metrics.serviceMonitor.enabledd`');
  });

  it('names the field of a render finding and shows a selector as labels, not JSON', () => {
    // the message names the DaemonSet already; the job summary spells the resource out
    expect(sample).not.toContain('- resource: DaemonSet demo/rel-prometheus-node-exporter (apps/v1)');
    expect(renderSummary(sampleReport())).toContain(
      '- resource: DaemonSet demo/rel-prometheus-node-exporter (apps/v1)',
    );
    expect(sample).toContain(
      '- change: `app=prometheus-node-exporter, release=rel` → `app.kubernetes.io/instance=rel, app.kubernetes.io/name=prometheus-node-exporter`',
    );
  });

  it('points a chart finding without a file at the chart line of the lockfile', () => {
    expect(sample).toContain('❌ **statefulset-replaced** at `helm-freeze.yaml:14`');
  });

  it('puts the commands of a remedy in a shell code block, its prose before it', () => {
    expect(sample).toContain(
      '**Remedy:** Delete the DaemonSet before the upgrade; its pods are recreated by the upgrade:\n\n```sh\nkubectl -n demo delete daemonset rel-prometheus-node-exporter\n```',
    );
  });

  it('lists warnings in one line each: message and place', () => {
    expect(sample).toContain(
      '- ⚠️ charts/redis is in the destination charts/ but no lockfile entry names it. (`charts/redis/Chart.yaml`)',
    );
  });

  it('collapses the defaults diff, upgrade notes, lockfile comment, Artifact Hub changes and notices per chart', () => {
    expect(sample).toContain(
      '<summary><b>mariadb</b> 7.10.4 → 8.0.0: defaults diff (8 removed, 7 added, 2 changed), upgrade notes, lockfile comment, Artifact Hub changes, 4 notices</summary>',
    );
    expect(sample).toContain('| `image.tag` | `"10.3.24-debian-10-r49"` | `"10.5.5-debian-10-r0"` |');
    expect(sample).toContain('- ℹ️ StatefulSet rel-mariadb-slave is no longer rendered: helm upgrade deletes it.');
  });

  it('quotes README upgrade notes as Markdown, cut before a code block it cannot show whole, with the README named', () => {
    expect(sample).toContain(
      '**Upgrade notes: 3.x to 4.x** (`charts/prometheus-node-exporter/README.md`)\n\n> Starting from version 4.0.0, the `node exporter` chart is using the [Kubernetes recommended labels](https://kubernetes.io/docs/concepts/overview/working-with-objects/common-labels/).',
    );
    expect(sample).toContain('daemonset before you upgrade.\n>\n> …\n');
    expect(sample).not.toContain('> ```console');
    // the job summary quotes the note whole, code block included
    expect(renderSummary(sampleReport())).toContain(
      '> ```console\n> kubectl delete daemonset -l app=prometheus-node-exporter',
    );
  });

  it('gives repository-level findings their own section', () => {
    const section = sample.slice(sample.indexOf('### Lockfile and configuration'), sample.indexOf('### ❌ mariadb'));
    expect(section).toContain('charts/redis is in the destination charts/ but no lockfile entry names it.');
  });

  it('has no section for a chart without errors or warnings', () => {
    expect(sample).not.toContain('### ✅ zookeeper');
    expect(sample).not.toMatch(/^### .*zookeeper/m);
  });

  it('is well-formed Markdown', () => {
    expect(structureProblems(sample)).toEqual([]);
  });

  it('ends with the version and a link to the run', () => {
    expect(lines(sample.trimEnd()).at(-1)).toBe(`<sub>chart-guard 0.1.0 · [workflow run](${RUN_URL})</sub>`);
  });
});

describe('renderComment: verdicts', () => {
  const onlyWarnings = () => {
    const chart = mariadbChart();
    chart.findings = chart.findings.filter((f) => f.severity !== 'error');
    chart.needsReinstall = false;
    return withTotals({ ...sampleReport(), charts: [chart], findings: [] });
  };

  it('warns when there are warnings but nothing blocks', () => {
    expect(lines(comment(onlyWarnings()))[1]).toBe('### ⚠️ chart-guard: 1 warning in 1 of 1 chart · 4 notices');
  });

  it('passes with no problems in the changed charts', () => {
    const report = withTotals({
      ...sampleReport(),
      charts: [zookeeperOverridesChart(), cleanChart('redis')],
      findings: [],
    });
    expect(lines(comment(report))[1]).toBe('### ✅ chart-guard: no problems in 2 changed charts');
  });

  it('counts a linted unchanged chart (review --lint) apart from the changed ones', () => {
    const notice = { rule: 'chart-deprecated', severity: 'notice', message: 'deprecated', chart: 'caps' } as const;
    const caps = { ...cleanChart('caps'), change: 'unchanged' as const, findings: [notice] };
    const report = withTotals({ ...sampleReport(), charts: [cleanChart('redis'), caps], findings: [] });
    expect(lines(comment(report))[1]).toBe(
      '### ✅ chart-guard: no problems in 1 changed chart and 1 unchanged chart · 1 notice',
    );
  });

  it('says errors, not blocking problems, when the fail-on policy lets them pass', () => {
    const report: Report = { ...sampleReport(), verdict: 'warn' };
    expect(lines(comment(report))[1]).toBe('### ⚠️ chart-guard: 4 errors in 2 of 3 charts, 2 warnings · 5 notices');
  });

  it('says when no chart changed', () => {
    const report = withTotals({ ...sampleReport(), charts: [], findings: [] });
    expect(lines(comment(report))[1]).toBe('### ✅ chart-guard: no chart changes');
  });

  it('counts repository-level errors as in the repository', () => {
    const report = withTotals({
      ...sampleReport(),
      charts: [zookeeperOverridesChart()],
      findings: [
        {
          rule: 'lockfile-invalid',
          severity: 'error',
          message: 'entry 3 has no version',
          file: 'helm-freeze.yaml',
          line: 9,
        },
      ],
    });
    expect(lines(comment(report))[1]).toBe('### ❌ chart-guard: 1 blocking problem in the repository');
  });
});

describe('renderComment: lint mode', () => {
  const lint = comment(lintReport());

  it('has its own title', () => {
    expect(lines(lint)[1]).toBe('### ❌ chart-guard lint: 1 blocking problem in 1 of 3 charts');
  });

  it('has a version column and no from → to or reinstall column, and lists only charts with findings', () => {
    expect(lint).toContain('| chart | version | findings |');
    expect(lint).toContain('| **mariadb** | 8.0.0 | ❌ 1 |');
    expect(lint).not.toContain('**zookeeper**');
    expect(lint).toContain('2 other charts: no findings.');
    expect(lint).not.toContain('→');
  });

  it('is well-formed Markdown', () => {
    expect(structureProblems(lint)).toEqual([]);
  });
});

describe('renderComment: hostile chart content', () => {
  const hostile = comment(hostileReport());

  it('stays well-formed: no details closed early, no fence left open, no extra table cells or rows', () => {
    expect(structureProblems(hostile)).toEqual([]);
  });

  it('lets no HTML from the chart through', () => {
    expect(textOutsideCode(hostile)).not.toMatch(/<script|<\/details>.|<\/summary>./i);
    expect(hostile).toContain('**evil\\|chart&lt;/details&gt;&lt;script&gt;alert(1)&lt;/script&gt;**');
  });

  it('notifies nobody and links no issue', () => {
    expect(activeReferences(hostile)).toEqual([]);
  });

  it('keeps the hostile command runnable inside its code block', () => {
    expect(hostile).toContain('`````sh\nkubectl delete pod x # ``` ```` </details>\n`````');
  });

  it('has one table row per chart even when a version holds a newline and pipes', () => {
    expect(lines(hostile).filter((l) => l.startsWith('| **'))).toHaveLength(1);
  });
});

describe('renderComment: size limit', () => {
  it('keeps a report of 300 charts with 50 findings each under 65,536 characters, well-formed', () => {
    const huge = comment(hugeReport(300, 50));
    expect(huge.length).toBeLessThanOrEqual(65_536);
    expect(structureProblems(huge)).toEqual([]);
    expect(lines(huge)[0]).toBe('<!-- chart-guard:helm-freeze.yaml -->');
  });

  it('says what was left out and where the full report is', () => {
    const huge = comment(hugeReport(300, 50));
    const note = lines(huge).find((l) =>
      l.startsWith('**Left out to stay within the 65,536-character comment limit:**'),
    );
    expect(note).toContain('the details of 300 charts');
    expect(note).toContain(`[job summary](${RUN_URL})`);
    expect(note).toContain('JSON report artifact');
  });

  it('adds no note when everything fits', () => {
    expect(comment(sampleReport())).not.toContain('Left out');
  });

  it('leaves out the details of charts without errors first', () => {
    // redis's details are large (ten changed defaults), so leaving them out alone makes room for the note
    const redis = cleanChart('redis', 40);
    redis.valuesDiff.changed = Array.from({ length: 10 }, (_, i) => ({
      path: `image${i}.tag`,
      before: '1.0',
      after: '2.0',
    }));
    const report = withTotals({ ...sampleReport(), charts: [...sampleReport().charts, redis] });
    const full = comment(report);
    const cut = comment(report, full.length - 1);
    expect(cut.length).toBeLessThan(full.length);
    expect(cut).not.toContain('<summary><b>redis</b>');
    expect(cut).toContain('<summary><b>mariadb</b>');
    expect(cut).toContain('the details of 1 chart.');
  });

  it('leaves out details, then warning lists, then later remedies, before any blocking finding', () => {
    const base = hugeReport(12, 9);
    // Every third chart without findings: only its details are left to cut.
    base.charts.forEach((chart, i) => {
      if (i % 3 === 0) chart.findings = [];
    });
    const report = withTotals(base);
    const full = comment(report, 10_000_000);
    const count = (text: string, pattern: RegExp) => (text.match(pattern) ?? []).length;
    const clean = /<summary><b>chart-\d+<\/b> [^:]*: defaults diff[^<]*Artifact Hub changes<\/summary>/g;
    const measure = (text: string) => {
      const details = count(text, /^<details>$/gm);
      const cleanDetails = count(text, clean);
      return {
        cleanDetails,
        errorDetails: details - cleanDetails,
        warnings: count(text, /^\*\*Warnings\*\*$/gm),
        errors: count(text, /^❌ \*\*/gm),
        remedies: count(text, /^\*\*Remedy:\*\*/gm),
      };
    };
    const totals = measure(full);
    expect(totals.cleanDetails).toBe(4);
    expect(totals.errorDetails).toBe(8);

    for (let limit = full.length; limit > 4_000; limit -= 1_500) {
      const cut = comment(report, limit);
      expect(cut.length).toBeLessThanOrEqual(limit);
      expect(structureProblems(cut)).toEqual([]);
      const kept = measure(cut);
      if (kept.errorDetails < totals.errorDetails) expect(kept.cleanDetails).toBe(0);
      if (kept.warnings < totals.warnings) expect(kept.cleanDetails + kept.errorDetails).toBe(0);
      if (kept.errors < totals.errors) {
        expect(kept.warnings).toBe(0);
        expect(kept.remedies).toBeLessThanOrEqual(5);
      }
    }
  });

  it('keeps the marker, verdict and table when even the findings no longer fit', () => {
    const cut = comment(hugeReport(5, 50), 3_000);
    expect(cut.length).toBeLessThanOrEqual(3_000);
    expect(lines(cut)[0]).toBe('<!-- chart-guard:helm-freeze.yaml -->');
    expect(lines(cut)[1]).toMatch(/^### ❌ chart-guard: /);
    expect(cut).toContain('| **chart-004** |');
    expect(structureProblems(cut)).toEqual([]);
  });
});

describe('renderComment: fail-on: warning with thousands of warnings', () => {
  /** chart-000: 3,000 warnings; chart-001: 2 errors; chart-002: 500 notices; chart-003: 2,000 warnings. */
  function warningFlood(): Report {
    const base = hugeReport(4, 1);
    const bySeverity: [Finding['severity'], number][] = [
      ['warning', 3000],
      ['error', 2],
      ['notice', 500],
      ['warning', 2000],
    ];
    base.charts.forEach((chart, c) => {
      const [severity, count] = bySeverity[c];
      chart.findings = Array.from({ length: count }, (_, f) => ({
        ...chart.findings[0],
        // a rule spelled out finding by finding (override keys go into one table per chart, tested apart)
        rule: 'override-type-changed',
        severity,
        message: `${severity} ${f} of ${chart.name}`,
        line: f + 1,
        path: `key${f}`,
      }));
    });
    const summary = summarise(base);
    return { ...base, summary, verdict: verdictOf(summary, 'warning') };
  }
  const report = warningFlood();
  const warningItems = (text: string) => text.match(/^(?:\*\*Warnings\*\*\n\n)?- ⚠️ warning \d+ of chart-\d+/gm) ?? [];
  const keptWarnings = (text: string) => [...text.matchAll(/^- ⚠️ (warning \d+ of chart-\d+)/gm)].map((m) => m[1]);

  it('keeps every error and the first warnings, in order, leaving out notices and details first', () => {
    const body = renderComment(report, { marker: 'helm-freeze.yaml', failOn: 'warning' });
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(structureProblems(body)).toEqual([]);
    expect(body.match(/^❌ \*\*override-type-changed\*\*/gm)).toHaveLength(2);
    const kept = keptWarnings(body);
    expect(kept.length).toBeGreaterThan(100);
    expect(kept.length).toBeLessThan(5000);
    // a prefix in document order: chart-000's first warnings, none of chart-003's before chart-000's are all in
    expect(kept.slice(0, 3)).toEqual(['warning 0 of chart-000', 'warning 1 of chart-000', 'warning 2 of chart-000']);
    expect(kept).toEqual(kept.map((_, i) => `warning ${i} of chart-000`));
    expect(body).not.toContain('<details>');
    expect(body).not.toMatch(/notice \d+ of chart-002/);
    expect(body).toContain(
      `**Left out to stay within the 65,536-character comment limit:** ${(5000 - kept.length).toLocaleString('en-US')} warnings`,
    );
    expect(warningItems(body)[0]).toMatch(/^\*\*Warnings\*\*/);
  });

  it('knows warnings block from the verdict alone when nothing else fails', () => {
    const onlyWarnings = { ...report, charts: report.charts.filter((c) => c.name !== 'chart-001') };
    const summary = summarise(onlyWarnings);
    const failing = { ...onlyWarnings, summary, verdict: verdictOf(summary, 'warning') };
    expect(keptWarnings(renderComment(failing, { marker: 'helm-freeze.yaml' })).length).toBeGreaterThan(100);
  });

  it('leaves a list of warnings that do not block out whole, as before', () => {
    const body = renderComment(report, { marker: 'helm-freeze.yaml', failOn: 'error' });
    expect(keptWarnings(body)).toEqual([]);
    expect(body.match(/^❌ \*\*override-type-changed\*\*/gm)).toHaveLength(2);
  });

  it('keeps the blocking warnings before notices in the job summary too', () => {
    const summary = renderSummary(report, { failOn: 'warning', maxBytes: 200_000 });
    expect(structureProblems(summary)).toEqual([]);
    expect(summary).toMatch(
      /^⚠️ \*\*override-type-changed\*\* at `values\/chart-000\.yaml:1`: warning 0 of chart-000$/m,
    );
    expect(summary).not.toMatch(/notice \d+ of chart-002/);
  });
});

describe('renderSummary', () => {
  it('has no comment marker', () => {
    expect(renderSummary(sampleReport()).startsWith('### ❌ chart-guard:')).toBe(true);
  });

  it('spells out warnings and notices like errors', () => {
    const summary = renderSummary(sampleReport());
    expect(summary).toContain(
      '| ⚠️ | `values/mariadb.yaml:27` | `metrics.serviceMonitor.enabledd` | not a chart key | `metrics.serviceMonitor.enabled` |',
    );
    expect(summary).toContain('ℹ️ **resource-removed** at `helm-freeze.yaml:14`: StatefulSet rel-mariadb-slave');
    expect(structureProblems(summary)).toEqual([]);
  });

  it('lists the whole defaults diff where the comment counts removed and added keys and shows the first changes', () => {
    const chart = cleanChart('redis', 30);
    const report = withTotals({ ...sampleReport(), charts: [chart], findings: [] });
    expect(renderSummary(report)).toContain('`feature29.enabled`');
    expect(comment(report)).not.toContain('`feature29.enabled`');
    expect(comment(report)).toContain(
      '<summary><b>redis</b> 1.0.0 → 1.1.0: defaults diff (30 added, 1 changed)</summary>',
    );
  });

  it('never collapses an empty defaults diff in the comment: with added or removed keys only, it says where they are', () => {
    const chart = { ...cleanChart('redis', 3), valuesDiff: { added: ['a', 'b'], removed: ['c'], changed: [] } };
    const body = comment(withTotals({ ...sampleReport(), charts: [chart], findings: [] }));
    const details = body.slice(body.indexOf('<details>\n<summary><b>redis</b>'));
    expect(details.slice(0, details.indexOf('</details>'))).toBe(
      '<details>\n<summary><b>redis</b> 1.0.0 → 1.1.0: defaults diff (1 removed, 2 added)</summary>\n\n' +
        '**Chart defaults (values.yaml), 1.0.0 → 1.1.0:** 1 removed, 2 added; the keys are listed in the job summary.\n\n',
    );
  });

  it('stays within 1 MiB of UTF-8 for a huge report, well-formed, saying what was left out', () => {
    const summary = renderSummary(hugeReport(300, 50));
    expect(Buffer.byteLength(summary, 'utf8')).toBeLessThanOrEqual(1024 * 1024);
    expect(structureProblems(summary)).toEqual([]);
    expect(summary).toContain('**Left out to stay within the 1 MiB job summary limit:**');
  });

  it('keeps everything of a fleet-sized bump of ordinary size', () => {
    const report = withTotals({ ...sampleReport(), charts: [mariadbChart(), nodeExporterChart()] });
    expect(renderSummary(report)).not.toContain('Left out');
  });
});

describe('renderComment: compared commits', () => {
  it('names a ref and its short sha, or only the short sha when the ref is the sha', () => {
    const sha = (c: string) => c.repeat(40);
    const named = {
      ...sampleReport(),
      base: { ref: 'origin/main', sha: sha('a') },
      head: { ref: sha('b'), sha: sha('b') },
    };
    const body = renderComment(named, { marker: 'm' });
    expect(body).toContain(`Compared \`origin/main\` (\`aaaaaaa\`) → \`bbbbbbb\` ·`);
    expect(body).not.toContain(sha('b'));
  });
});

const codeFor = (text: string) => `\`${text}\``;

describe('environments in the comment', () => {
  it('tags a finding with the environments it holds in, and leaves environment-free findings untagged', () => {
    const report = sampleReport();
    const mariadb = report.charts.find((c) => c.name === 'mariadb')!;
    const errors = mariadb.findings.filter((f) => f.severity === 'error');
    const spelledOut = errors.filter((f) => !f.rule.startsWith('override-key-'));
    const [first, ...others] = spelledOut;
    first.environments = ['aws', 'gcp'];
    const key = errors.find((f) => f.rule === 'override-key-removed')!;
    key.environments = ['gcp'];
    const body = comment(report);
    expect(lines(body).filter((line) => line.includes(`**${first.rule}** (aws, gcp)`))).toHaveLength(1);
    for (const other of others) expect(body).toContain(`**${other.rule}**`);
    expect(body.match(/\*\* \(aws, gcp\)/g)).toHaveLength(1);
    // in the override-key table, the severity cell carries the environments
    expect(
      lines(body).filter((line) => line.includes(codeFor(key.path!)) && line.startsWith('| ❌ (gcp) |')),
    ).toHaveLength(1);
    expect(body.match(/^\| ❌ \(gcp\) \|/gm)).toHaveLength(1);
  });
});

describe('links to the head commit', () => {
  const LINK_BASE = 'https://github.com/acme/platform/blob/1206942';
  const linked = renderComment(sampleReport(), { marker: 'm', linkBase: LINK_BASE });

  it('links every file:line in the comment to the file at the head commit', () => {
    // table rows, findings and list items alike
    expect(linked).toContain(
      '| ❌ | [`values/mariadb.yaml:12`](https://github.com/acme/platform/blob/1206942/values/mariadb.yaml#L12) |',
    );
    expect(linked).toContain(
      '❌ **statefulset-replaced** at [`helm-freeze.yaml:14`](https://github.com/acme/platform/blob/1206942/helm-freeze.yaml#L14):',
    );
    expect(linked).toContain(
      '([`charts/redis/Chart.yaml`](https://github.com/acme/platform/blob/1206942/charts/redis/Chart.yaml))',
    );
    expect(linked).toContain(
      '**Upgrade notes: To 8.0.0** ([`charts/mariadb/README.md`](https://github.com/acme/platform/blob/1206942/charts/mariadb/README.md))',
    );
    // no place is left unlinked
    expect(textOutsideCode(linked.replace(/\[`[^`]+`\]\([^)]+\)/g, ''))).not.toMatch(/\.yaml:\d+/);
    expect(structureProblems(linked)).toEqual([]);
  });

  it('links the job summary the same way', () => {
    expect(renderSummary(sampleReport(), { linkBase: LINK_BASE })).toContain(
      'at [`helm-freeze.yaml:14`](https://github.com/acme/platform/blob/1206942/helm-freeze.yaml#L14)',
    );
  });

  it('keeps plain code spans without a link base', () => {
    expect(comment(sampleReport())).not.toContain('](https://github.com/acme/platform/blob/');
    expect(comment(sampleReport())).toContain('at `helm-freeze.yaml:14`:');
  });
});

describe('the override-key table within the comment limit', () => {
  /** One chart with 3,000 unknown override keys (warnings) and two removed ones (errors). */
  function keyFlood(): Report {
    const chart = mariadbChart();
    const row = (severity: Finding['severity'], i: number): Finding => ({
      rule: severity === 'error' ? 'override-key-removed' : 'override-key-unknown',
      severity,
      chart: chart.name,
      message: `key${i} is ignored`,
      file: 'values/mariadb.yaml',
      line: i + 1,
      path: `key${i}`,
      ...(severity === 'error' ? { before: i } : {}),
    });
    chart.findings = [
      row('error', 0),
      row('error', 1),
      ...Array.from({ length: 3000 }, (_, i) => row('warning', i + 2)),
    ];
    const base = withTotals({ ...sampleReport(), charts: [chart], findings: [] });
    const summary = summarise(base);
    return { ...base, summary, verdict: verdictOf(summary, 'warning') };
  }

  it('keeps the errors and the first warning rows in order when warnings block, saying how many were left out', () => {
    const body = renderComment(keyFlood(), { marker: 'm', failOn: 'warning' });
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(structureProblems(body)).toEqual([]);
    const keys = [...body.matchAll(/^\| (?:❌|⚠️) \| `values\/mariadb\.yaml:\d+` \| `(key\d+)` \|/gm)].map((m) => m[1]);
    expect(keys.slice(0, 3)).toEqual(['key0', 'key1', 'key2']);
    expect(keys).toEqual(keys.map((_, i) => `key${i}`));
    expect(keys.length).toBeGreaterThan(100);
    expect(keys.length).toBeLessThan(3002);
    expect(body).toContain(`${(3002 - keys.length).toLocaleString('en-US')} warnings`);
  });

  it('leaves the warning rows out before the error rows when warnings do not block', () => {
    const body = renderComment(keyFlood(), { marker: 'm', failOn: 'error', maxChars: 4000 });
    expect(structureProblems(body)).toEqual([]);
    expect(body).toContain('| `key0` |');
    expect(body).toContain('| `key1` |');
    expect(body).not.toContain('| `key2999` |');
  });
});

describe('a chart frozen in several destinations', () => {
  it('is told apart by its folder wherever the comment names it', () => {
    const report = sampleReport();
    const other = { ...mariadbChart(), dir: 'team-b/mariadb' };
    report.charts = [{ ...mariadbChart(), dir: 'team-a/mariadb' }, other];
    const body = comment(withTotals(report));
    expect(body).toContain('| **team-a/mariadb** | 7.10.4 → 8.0.0 |');
    expect(body).toContain('| **team-b/mariadb** | 7.10.4 → 8.0.0 |');
    expect(body).toContain('### ❌ team-b/mariadb 7.10.4 → 8.0.0');
    expect(body).toContain('<summary><b>team-a/mariadb</b>');
    expect(body).not.toContain('**mariadb**');
  });

  it('names the first five charts that need a reinstall and counts the rest', () => {
    const report = sampleReport();
    report.charts = Array.from({ length: 7 }, (_, i) => ({ ...mariadbChart(), dir: `team-${i}/mariadb` }));
    const line = lines(comment(withTotals(report))).find((l) => l.startsWith('🔁 **Needs reinstall:**'));
    expect(line).toBe(
      '🔁 **Needs reinstall:** **team-0/mariadb**, **team-1/mariadb**, **team-2/mariadb**, **team-3/mariadb**, **team-4/mariadb** and 2 more charts: `helm upgrade` alone fails or orphans data, see below.',
    );
  });
});

describe('the did-you-mean column', () => {
  it('shows the suggestion field, whatever characters the key holds', () => {
    const report = sampleReport();
    const mariadb = report.charts.find((c) => c.name === 'mariadb')!;
    // a key with a backtick: its code span in the message is ``…``, which no message pattern reads back
    mariadb.findings[0] = { ...mariadb.findings[0], suggestion: 'primary.`odd`.size' };
    const row = lines(comment(report)).find(
      (line) => line.includes('master.persistence.size') && line.startsWith('| ❌'),
    );
    expect(row).toContain('| ``primary.`odd`.size`` |');
  });
});
