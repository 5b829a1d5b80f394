// A report far larger than any call's argument list (one chart with 150k error findings, as a hostile override
// file can cause): every format renders it without "Maximum call stack size exceeded", and the comment stays bounded.
import { describe, expect, it } from 'vitest';
import { renderJson } from '../../src/format/json.js';
import { renderComment, renderSummary } from '../../src/format/markdown.js';
import { renderSarif } from '../../src/format/sarif.js';
import { renderText } from '../../src/format/text.js';
import { hugeReport } from '../format/fixtures.js';

describe('a report with 150k findings on one chart', () => {
  const report = hugeReport(1, 150_000);

  it('renders as a bounded comment and summary', () => {
    const comment = renderComment(report, { marker: '<!-- m -->' });
    expect(comment.length).toBeLessThanOrEqual(65_536);
    expect(comment).toContain('chart-000');
    expect(renderSummary(report).length).toBeLessThan(1_100_000);
  });

  it('renders as text, JSON and SARIF', () => {
    expect(renderText(report, { color: false })).toContain('key149999.with.a.long.path');
    expect(JSON.parse(renderJson(report)).summary.errors).toBe(report.summary.errors);
    expect(JSON.parse(renderSarif(report, {})).runs[0].results.length).toBeGreaterThan(0);
  });
});
