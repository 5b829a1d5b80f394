// The plan folder may sit in a checkout (the Action's report-path input points where the workflow says): a symlink a
// pull request commits there, as a folder or as a file, is never followed when the rendered override files are written.
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report/report.js';
import { writePlanFiles } from '../../src/format/plan-files.js';

const reportOf = (files: { path: string; content: string }[]) =>
  ({ charts: [{ upgradeActions: [{ renderedFiles: files }] }] }) as unknown as Report;

describe('the plan folder', () => {
  it('writes through no symlinked folder or file, and still writes the others', () => {
    const work = mkdtempSync(join(tmpdir(), 'cg-plan-links-'));
    const outside = join(work, 'outside');
    mkdirSync(outside);
    writeFileSync(join(outside, 'victim.yaml'), 'kept\n');
    const plan = join(work, 'plan');
    mkdirSync(join(plan, 'gcp'), { recursive: true });
    symlinkSync(outside, join(plan, 'aws'));
    symlinkSync(join(outside, 'victim.yaml'), join(plan, 'gcp', 'victim.yaml'));
    const written = writePlanFiles(
      reportOf([
        { path: 'aws/ingress/1-ingress.yaml', content: 'x: 1\n' },
        { path: 'gcp/victim.yaml', content: 'x: 2\n' },
        { path: 'scaleway/ingress/1-ingress.yaml', content: 'x: 3\n' },
      ]),
      plan,
    );
    expect(written).toBe(1);
    expect(readFileSync(join(outside, 'victim.yaml'), 'utf8')).toBe('kept\n');
    expect(readFileSync(join(plan, 'scaleway/ingress/1-ingress.yaml'), 'utf8')).toBe('x: 3\n');
  });
});
