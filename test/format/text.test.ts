import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/format/text.js';
import { hostileReport, lintReport, sampleReport, withTotals } from './fixtures.js';

const ANSI = /\u001b\[[0-9;]*m/g;

describe('renderText', () => {
  const plain = renderText(sampleReport(), { color: false });
  const lines = plain.trimEnd().split('\n');

  it('has no ANSI codes without colour', () => {
    expect(plain).not.toContain('\u001b');
  });

  it('colours severities when asked to', () => {
    const colored = renderText(sampleReport(), { color: true });
    expect(colored).toContain('\u001b[1m\u001b[31merror\u001b[0m');
    expect(colored).toContain('\u001b[33mwarning\u001b[0m');
    expect(colored.replace(ANSI, '')).toBe(plain);
  });

  it('starts each finding line with file:line: so that terminals make it a link', () => {
    expect(lines).toContain(
      'values/mariadb.yaml:12: error: `master.persistence.size` is set in values/mariadb.yaml but mariadb 8.0.0 no longer has it: Helm ignores it. Did you mean `primary.persistence.size`? [override-key-removed]',
    );
  });

  it('puts a chart finding without a file at the chart line of the lockfile', () => {
    expect(
      lines.some((l) => l.startsWith('helm-freeze.yaml:14: error: StatefulSet rel-mariadb-master is replaced')),
    ).toBe(true);
  });

  it('groups findings under their chart, errors first', () => {
    const header = lines.indexOf('mariadb 7.10.4 → 8.0.0 (major) · needs reinstall');
    const next = lines.indexOf('prometheus-node-exporter 3.4.0 → 4.0.0 (major) · needs reinstall');
    expect(header).toBeGreaterThanOrEqual(0);
    const mariadb = lines.slice(header + 1, next).filter((l) => !l.startsWith(' ') && l !== '');
    expect(mariadb.map((l) => l.split(': ')[1])).toEqual([
      'error',
      'error',
      'error',
      'warning',
      'notice',
      'notice',
      'notice',
      'notice',
    ]);
  });

  it('indents the resource, change and remedy below the finding', () => {
    const at = lines.findIndex((l) => l.includes('[immutable-field-changed]'));
    expect(lines.slice(at + 1, at + 6)).toEqual([
      '    resource: DaemonSet demo/rel-prometheus-node-exporter (apps/v1)',
      '    field: spec.selector.matchLabels',
      '    change: {"app":"prometheus-node-exporter","release":"rel"} → {"app.kubernetes.io/instance":"rel","app.kubernetes.io/name":"prometheus-node-exporter"}',
      '    remedy: Delete the DaemonSet before the upgrade; its pods are recreated by the upgrade:',
      '      kubectl -n demo delete daemonset rel-prometheus-node-exporter',
    ]);
  });

  it('says so for a changed chart without findings', () => {
    expect(plain).toContain('zookeeper 13.4.10 (overrides only)\n    no findings\n');
  });

  it('ends with a summary line', () => {
    expect(lines.at(-2)).toBe('needs reinstall: mariadb, prometheus-node-exporter');
    expect(lines.at(-1)).toBe('chart-guard: ✖ fail · 4 errors, 2 warnings, 5 notices in 3 changed charts');
  });

  it('lets no escape sequence from chart content reach the terminal', () => {
    const colored = renderText(hostileReport(), { color: true });
    expect(colored).not.toContain('\u001b[31mred');
    expect(renderText(hostileReport(), { color: false })).not.toContain('\u001b');
  });

  it('keeps a chart name with a newline on its header line', () => {
    const text = renderText(hostileReport(), { color: false });
    expect(text.split('\n')[0]).toBe(
      'evil|chart</details><script>alert(1)</script> 1.0.0 | x → 2.0.0 | injected | row | (major) · needs reinstall',
    );
  });

  it('reads as a lint: its own title, versions without arrows, quiet charts counted', () => {
    const lint = renderText(lintReport(), { color: false });
    expect(lint).toContain('mariadb 8.0.0\n');
    expect(lint).toContain('2 other charts: no findings');
    expect(lint.trimEnd().split('\n').at(-1)).toBe('chart-guard lint: ✖ fail · 1 error in 3 charts');
  });

  it('says nothing about "other charts" when every chart of a lint is clean', () => {
    const report = lintReport();
    const clean = withTotals({ ...report, charts: report.charts.map((c) => ({ ...c, findings: [] })), findings: [] });
    const text = renderText(clean, { color: false });
    expect(text).not.toContain('other chart');
    expect(text.trim()).toBe('chart-guard lint: ✔ pass · no findings in 3 charts');
  });
});

describe('counts', () => {
  it('groups thousands without locale data', async () => {
    const { groupThousands, countOf } = await import('../../src/format/describe.js');
    expect([0, 999, 1000, 65536, 1048576].map(groupThousands)).toEqual(['0', '999', '1,000', '65,536', '1,048,576']);
    expect(countOf(1, 'chart')).toBe('1 chart');
    expect(countOf(1200, 'chart')).toBe('1,200 charts');
  });
});
