import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { ArchiveError, readTar, readTgz } from '../../src/core/repo/tgz.js';

const work = mkdtempSync(join(tmpdir(), 'cg-tgz-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Packs the folder `chart` with the real tar in the given format. */
function pack(format: string): Buffer {
  const out = join(work, `${format}.tgz`);
  execFileSync('tar', [`--format=${format}`, '-czf', out, '-C', work, 'chart']);
  return readFileSync(out);
}

mkdirSync(join(work, 'chart/templates'), { recursive: true });
writeFileSync(join(work, 'chart/Chart.yaml'), 'name: chart\n');
const longPath = `templates/${'x'.repeat(120)}.yaml`;
writeFileSync(join(work, 'chart', longPath), 'long\n');
symlinkSync('Chart.yaml', join(work, 'chart/link'));

describe('readTgz', () => {
  // ustar cannot store a 130-character name: GNU tar writes an 'L' record, pax an extended header.
  for (const format of ['gnu', 'pax']) {
    it(`reads regular files of a ${format} archive, long names included, and skips symlinks and folders`, () => {
      const files = readTgz(pack(format));
      expect(files.map((f) => f.path).sort()).toEqual(['chart/Chart.yaml', `chart/${longPath}`]);
      expect(files.find((f) => f.path === 'chart/Chart.yaml')?.content.toString()).toBe('name: chart\n');
    });
  }

  it('rejects data that is not gzip', () => {
    expect(() => readTgz(Buffer.from('plain text'))).toThrow(ArchiveError);
  });

  it('rejects a tar header with a wrong checksum', () => {
    const tar = Buffer.alloc(1024);
    tar.write('file.txt', 0);
    tar.write('0000644\0', 100);
    tar.write('00000000000\0', 124);
    tar.write('9999999\0', 148);
    expect(() => readTar(tar)).toThrow(/checksum/);
    expect(() => readTgz(gzipSync(tar))).toThrow(ArchiveError);
  });
});
