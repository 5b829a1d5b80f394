import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { loadChart } from '../../src/core/repo/chart-loader.js';
import { GitSnapshot } from '../../src/core/repo/git-snapshot.js';
import { ARCHIVE_LIMITS, ArchiveError, ArchiveTooLargeError, readTar, readTgz } from '../../src/core/repo/tgz.js';
import { TestRepo } from '../support/git-repo.js';
import { hugeFileBomb, manyFilesBomb, tarEntry, tarHeader } from '../support/hostile-archives.js';

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
    it(`reads regular files of a ${format} archive, long names included, and skips symlinks and folders`, async () => {
      const files = await readTgz(pack(format));
      expect(files.map((f) => f.path).sort()).toEqual(['chart/Chart.yaml', `chart/${longPath}`]);
      expect(files.find((f) => f.path === 'chart/Chart.yaml')?.content.toString()).toBe('name: chart\n');
    });
  }

  it('rejects data that is not gzip', async () => {
    await expect(readTgz(Buffer.from('plain text'))).rejects.toThrow(/^not a gzip archive/);
  });

  it('rejects a tar header with a wrong checksum', async () => {
    const tar = Buffer.alloc(1024);
    tar.write('file.txt', 0);
    tar.write('0000644\0', 100);
    tar.write('00000000000\0', 124);
    tar.write('9999999\0', 148);
    expect(() => readTar(tar)).toThrow(/checksum/);
    await expect(readTgz(gzipSync(tar))).rejects.toThrow(ArchiveError);
  });

  it('rejects a tar entry cut short', async () => {
    const whole = tarEntry('c/Chart.yaml', 'name: c\n'.repeat(200));
    await expect(readTgz(gzipSync(whole.subarray(0, 1000)))).rejects.toThrow(/^truncated tar entry at byte 0/);
  });

  it('reads a file spread over many gzip chunks and members', async () => {
    const content = Buffer.alloc(3 * 1024 * 1024, 'a');
    const tar = Buffer.concat([tarEntry('c/big.txt', content), tarEntry('c/small.txt', 'x'), Buffer.alloc(1024)]);
    const members = [gzipSync(tar.subarray(0, 100_000)), gzipSync(tar.subarray(100_000))];
    const files = await readTgz(Buffer.concat(members));
    expect(files.map((f) => [f.path, f.content.length])).toEqual([
      ['c/big.txt', content.length],
      ['c/small.txt', 1],
    ]);
    expect(files[0].content.equals(content)).toBe(true);
  });
});

describe('readTgz on gzip bombs: helm\'s limits, "too large"', () => {
  it("has helm's loader limits: 100 MiB a chart, 5 MiB a file", () => {
    expect(ARCHIVE_LIMITS).toMatchObject({ chartBytes: 100 * 1024 * 1024, fileBytes: 5 * 1024 * 1024 });
  });

  it('refuses a file that expands to 4 GiB from its header, without expanding it', async () => {
    const bomb = hugeFileBomb('bomb', 4096);
    expect(bomb.length).toBeLessThan(5 * 1024 * 1024);
    const error = await readTgz(bomb).catch((e) => e);
    expect(error).toBeInstanceOf(ArchiveTooLargeError);
    expect(error.message).toBe(
      "bomb/templates/big.yaml expands to 4096 MiB, over helm's 5 MiB limit for one file (MaxDecompressedFileSize)",
    );
  });

  it('refuses files each within the file limit that together pass the chart limit', async () => {
    // the real 100 MiB is passed in the subchart test below; 10 MiB keeps this one quick
    const limits = { ...ARCHIVE_LIMITS, chartBytes: 10 * 1024 * 1024 };
    const error = await readTgz(manyFilesBomb('bomb', 3, 4), limits).catch((e) => e);
    expect(error).toBeInstanceOf(ArchiveTooLargeError);
    expect(error.message).toBe("its files expand to over 10 MiB, helm's limit for a chart (MaxDecompressedChartSize)");
  });

  it('accepts a chart just under the limits', async () => {
    const files = await readTgz(manyFilesBomb('ok', 3, 5), { ...ARCHIVE_LIMITS, chartBytes: 16 * 1024 * 1024 });
    expect(files.map((f) => f.path)).toEqual([
      'ok/Chart.yaml',
      'ok/files/f0.bin',
      'ok/files/f1.bin',
      'ok/files/f2.bin',
    ]);
  });

  it('stops a flood of empty entries at the stream limit', async () => {
    const flood = Buffer.concat(Array.from({ length: 400 }, (_, i) => tarHeader(`c/empty-${i}`, 0)));
    const limits = { ...ARCHIVE_LIMITS, streamBytes: 100 * 512 };
    await expect(readTgz(gzipSync(flood), limits)).rejects.toThrow(/^the tar data expands to over 51200 bytes$/);
    expect(await readTgz(gzipSync(flood))).toHaveLength(400);
  });

  it("refuses a long-name record over 1 MiB, as Go's tar reader does", async () => {
    const record = Buffer.concat([tarHeader('././@LongLink', 2 * 1024 * 1024, 'L'), Buffer.alloc(2 * 1024 * 1024)]);
    await expect(readTgz(gzipSync(record))).rejects.toThrow(ArchiveTooLargeError);
  });

  it('reads nothing past the end-of-archive marker', async () => {
    const tar = Buffer.concat([tarEntry('c/Chart.yaml', 'name: c\n'), Buffer.alloc(1024), Buffer.from('garbage')]);
    expect((await readTgz(gzipSync(tar))).map((f) => f.path)).toEqual(['c/Chart.yaml']);
  });
});

describe('a gzip bomb among the subcharts', () => {
  const repo = new TestRepo('cg-bomb-');
  afterAll(() => repo.cleanup());

  it('is a problem naming the archive and saying "too large", and the rest of the chart still loads', async () => {
    repo
      .write('app/Chart.yaml', 'apiVersion: v2\nname: app\nversion: 1.0.0\n')
      .write('app/values.yaml', 'replicaCount: 1\n')
      .write('app/charts/bomb-1.0.0.tgz', hugeFileBomb('bomb', 4096))
      .write('app/charts/flood-1.0.0.tgz', manyFilesBomb('flood', 30, 4));
    const sha = repo.commit();
    const chart = await loadChart(new GitSnapshot(repo.dir, sha, sha), 'app');
    expect(chart?.defaults).toEqual({ replicaCount: 1 });
    expect(chart?.problems).toEqual([
      {
        file: 'app/charts/bomb-1.0.0.tgz',
        message:
          "chart archive too large: bomb/templates/big.yaml expands to 4096 MiB, over helm's 5 MiB limit for one file " +
          '(MaxDecompressedFileSize); helm refuses to load it',
      },
      {
        file: 'app/charts/flood-1.0.0.tgz',
        message:
          "chart archive too large: its files expand to over 100 MiB, helm's limit for a chart " +
          '(MaxDecompressedChartSize); helm refuses to load it',
      },
    ]);
  });
});
