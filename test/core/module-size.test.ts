// No source file over 450 lines (issue 18): a module that grows past that holds more than one concern and is split
// by concern, not by line count.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_DIR } from '../support/git-repo.js';

const MAX_LINES = 450;
const SRC = join(PROJECT_DIR, 'src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

/** The files of a list over the limit, with their line counts ("src/core/x.ts: 451 lines"). */
function oversized(files: readonly { path: string; text: string }[]): string[] {
  return files
    .map(({ path, text }) => ({ path, lines: text.split('\n').length - (text.endsWith('\n') ? 1 : 0) }))
    .filter(({ lines }) => lines > MAX_LINES)
    .map(({ path, lines }) => `${path}: ${lines} lines`);
}

describe('source file size', () => {
  it('reads every source file in src/', () => {
    const files = sources(SRC).map((file) => relative(PROJECT_DIR, file).split('\\').join('/'));
    expect(files).toEqual(expect.arrayContaining(['src/core/pipeline.ts', 'src/core/config/policy.ts']));
  });

  it(`has no file in src/ over ${MAX_LINES} lines`, () => {
    const files = sources(SRC).map((file) => ({
      path: relative(PROJECT_DIR, file).split('\\').join('/'),
      text: readFileSync(file, 'utf8'),
    }));
    expect(oversized(files)).toEqual([]);
  });

  it(`counts lines as an editor does: ${MAX_LINES} pass, ${MAX_LINES + 1} fail`, () => {
    const lines = (n: number) => 'x\n'.repeat(n);
    expect(oversized([{ path: 'at.ts', text: lines(MAX_LINES) }])).toEqual([]);
    expect(oversized([{ path: 'over.ts', text: lines(MAX_LINES + 1) }])).toEqual(['over.ts: 451 lines']);
  });
});
