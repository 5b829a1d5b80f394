// Reads a chart archive (.tgz under charts/): gunzip as a stream into a minimal tar reader, within helm's own limits.
// Helm packages charts as gzip'd ustar; GNU long names ('L') and pax headers ('x') appear for long paths.
import { createGunzip } from 'node:zlib';

export interface ArchiveFile {
  /** Path inside the archive, posix, without a leading "./". */
  path: string;
  content: Buffer;
}

export class ArchiveError extends Error {}

/** The archive expands past one of the limits: reported as "too large", not as a damaged archive. */
export class ArchiveTooLargeError extends ArchiveError {}

export interface ArchiveLimits {
  /** All file contents together (helm: MaxDecompressedChartSize). */
  chartBytes: number;
  /** One file's content (helm: MaxDecompressedFileSize). */
  fileBytes: number;
  /** Long-name and pax records (Go's archive/tar: maxSpecialFileSize). */
  specialBytes: number;
  /** The whole tar stream, headers and padding included: bounds the time a flood of empty entries takes. */
  streamBytes: number;
}

const MiB = 1024 * 1024;

/**
 * Helm's loader refuses an archive whose files expand to more than 100 MiB in all or 5 MiB each
 * (MaxDecompressedChartSize and MaxDecompressedFileSize in pkg/chart/loader/archive.go of helm 3, the same values
 * in helm 4's pkg/chart/loader/archive): what helm cannot load need not be read. Go's tar reader refuses long-name
 * and pax records over 1 MiB (maxSpecialFileSize, archive/tar/reader.go). Tar headers and padding cost at most
 * 1 KiB an entry, so a real chart's tar is a few percent over its contents; twice helm's limit stops a stream of
 * empty entries that helm would grind through.
 */
export const ARCHIVE_LIMITS: ArchiveLimits = {
  chartBytes: 100 * MiB,
  fileBytes: 5 * MiB,
  specialBytes: 1 * MiB,
  streamBytes: 200 * MiB,
};

const BLOCK = 512;

/**
 * Regular files of a .tgz (symlinks, folders and devices are left out, as Helm's loader does). Decompresses as a
 * stream and stops at the first limit passed, so a gzip bomb costs what the limits allow, not what it expands to.
 */
export async function readTgz(archive: Buffer, limits: ArchiveLimits = ARCHIVE_LIMITS): Promise<ArchiveFile[]> {
  const reader = new TarReader(limits);
  const gunzip = createGunzip();
  let produced = 0;
  await new Promise<void>((resolve, reject) => {
    let settled = false;
    const stop = (error?: Error) => {
      if (settled) return;
      settled = true;
      gunzip.removeAllListeners('data');
      gunzip.destroy();
      if (error) reject(error);
      else resolve();
    };
    gunzip.on('data', (chunk: Buffer) => {
      produced += chunk.length;
      try {
        if (!reader.push(chunk)) stop(); // end-of-archive marker: helm reads no further either
      } catch (e) {
        stop(e as Error);
      }
    });
    gunzip.on('end', () => stop());
    gunzip.on('error', (e) =>
      stop(new ArchiveError(produced === 0 ? `not a gzip archive (${e.message})` : `damaged gzip data (${e.message})`)),
    );
    gunzip.end(archive);
  });
  return reader.finish();
}

/** Regular files of an uncompressed tar, within the same limits. */
export function readTar(tar: Buffer, limits: ArchiveLimits = ARCHIVE_LIMITS): ArchiveFile[] {
  const reader = new TarReader(limits);
  reader.push(tar);
  return reader.finish();
}

interface PendingEntry {
  header: Buffer;
  /** Byte offset of the header in the tar stream, for messages. */
  at: number;
  type: string;
  size: number;
}

// Entries that are not files of the chart: Go's tar reader folds them into the next header, helm skips folders.
const SPECIAL_TYPES = new Set(['L', 'K', 'x', 'g']);

/** Fed the tar stream chunk by chunk; holds at most one entry's data (5 MiB) besides the files it keeps. */
class TarReader {
  private readonly files: ArchiveFile[] = [];
  private chunks: Buffer[] = [];
  private buffered = 0;
  private consumed = 0;
  private streamed = 0;
  private contentBytes = 0;
  private entry: PendingEntry | undefined;
  private ended = false;
  private longName: string | undefined;
  private paxPath: string | undefined;

  constructor(private readonly limits: ArchiveLimits) {}

  /** false once the end-of-archive marker is read: nothing after it counts. */
  push(chunk: Buffer): boolean {
    if (this.ended) return false;
    this.streamed += chunk.length;
    if (this.streamed > this.limits.streamBytes) {
      throw new ArchiveTooLargeError(`the tar data expands to over ${size(this.limits.streamBytes)}`);
    }
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    this.drain();
    return !this.ended;
  }

  finish(): ArchiveFile[] {
    if (this.entry) throw new ArchiveError(`truncated tar entry at byte ${this.entry.at}`);
    return this.files;
  }

  private drain(): void {
    for (;;) {
      if (!this.entry) {
        if (this.buffered < BLOCK) return;
        const at = this.consumed;
        const header = this.take(BLOCK);
        if (header.every((b) => b === 0)) {
          this.ended = true;
          this.chunks = [];
          return;
        }
        if (!checksumMatches(header)) throw new ArchiveError(`bad tar header checksum at byte ${at}`);
        const entry = { header, at, type: String.fromCharCode(header[156] || 48), size: parseOctal(header, 124, 136) };
        this.checkLimits(entry);
        this.entry = entry;
      }
      const padded = Math.ceil(this.entry.size / BLOCK) * BLOCK;
      if (this.buffered < padded) return;
      const data = this.take(padded).subarray(0, this.entry.size);
      this.accept(this.entry, data);
      this.entry = undefined;
    }
  }

  /** Checked from the header, before any of the entry's data is held, as helm checks hd.Size. */
  private checkLimits(entry: PendingEntry): void {
    const { limits } = this;
    if (SPECIAL_TYPES.has(entry.type)) {
      if (entry.size > limits.specialBytes) {
        throw new ArchiveTooLargeError(
          `a long-name or pax record at byte ${entry.at} is ${size(entry.size)}, over ${size(limits.specialBytes)}`,
        );
      }
      return;
    }
    if (entry.type === '5') return; // a folder holds no data
    const name = this.paxPath ?? this.longName ?? ustarName(entry.header);
    if (entry.size > limits.fileBytes) {
      throw new ArchiveTooLargeError(
        `${name} expands to ${size(entry.size)}, over helm's ${size(limits.fileBytes)} limit for one file ` +
          '(MaxDecompressedFileSize)',
      );
    }
    this.contentBytes += entry.size;
    if (this.contentBytes > limits.chartBytes) {
      throw new ArchiveTooLargeError(
        `its files expand to over ${size(limits.chartBytes)}, helm's limit for a chart (MaxDecompressedChartSize)`,
      );
    }
  }

  private accept(entry: PendingEntry, data: Buffer): void {
    if (entry.type === 'L') {
      this.longName = cString(data);
      return;
    }
    if (entry.type === 'x') {
      this.paxPath = paxRecord(data, 'path') ?? this.paxPath;
      return;
    }
    if (entry.type === 'g' || entry.type === 'K') return; // global pax header, long link name: nothing we need
    const name = this.paxPath ?? this.longName ?? ustarName(entry.header);
    this.paxPath = undefined;
    this.longName = undefined;
    if (entry.type !== '0' && entry.type !== '7') return;
    const path = name.replace(/^(\.\/)+/, '').replace(/^\/+/, '');
    if (path) this.files.push({ path, content: Buffer.from(data) });
  }

  /** The next n buffered bytes; concatenates only when they span chunks, so each byte is copied at most once. */
  private take(n: number): Buffer {
    if (n === 0) return Buffer.alloc(0);
    this.buffered -= n;
    this.consumed += n;
    const first = this.chunks[0];
    if (first.length >= n) {
      if (first.length === n) this.chunks.shift();
      else this.chunks[0] = first.subarray(n);
      return first.subarray(0, n);
    }
    const all = Buffer.concat(this.chunks);
    this.chunks = all.length > n ? [all.subarray(n)] : [];
    return all.subarray(0, n);
  }
}

function size(bytes: number): string {
  return bytes >= MiB && bytes % MiB === 0 ? `${bytes / MiB} MiB` : `${bytes} bytes`;
}

function ustarName(header: Buffer): string {
  const name = cString(header.subarray(0, 100));
  const magic = header.subarray(257, 262).toString('latin1');
  const prefix = magic === 'ustar' ? cString(header.subarray(345, 500)) : '';
  return prefix ? `${prefix}/${name}` : name;
}

function cString(bytes: Buffer): string {
  const end = bytes.indexOf(0);
  return bytes.subarray(0, end < 0 ? bytes.length : end).toString('utf8');
}

function parseOctal(header: Buffer, start: number, end: number): number {
  const field = header.subarray(start, end);
  // GNU base-256 encoding for sizes >= 8 GiB: far over every limit, refuse rather than misread.
  if (field[0] & 0x80) throw new ArchiveTooLargeError('a tar entry is 8 GiB or more');
  const text = cString(field).trim();
  const value = text ? Number.parseInt(text, 8) : 0;
  if (!Number.isSafeInteger(value) || value < 0) throw new ArchiveError(`bad tar number field "${text}"`);
  return value;
}

function checksumMatches(header: Buffer): boolean {
  const stored = Number.parseInt(cString(header.subarray(148, 156)).trim(), 8);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : header[i];
  return sum === stored;
}

/** A pax extended header is "<len> <key>=<value>\n" records. */
function paxRecord(data: Buffer, key: string): string | undefined {
  let found: string | undefined;
  let pos = 0;
  while (pos < data.length) {
    const space = data.indexOf(32, pos);
    if (space < 0) break;
    const length = Number(data.subarray(pos, space).toString('latin1'));
    if (!Number.isInteger(length) || length <= 0) break;
    const record = data.subarray(space + 1, pos + length - 1).toString('utf8');
    const eq = record.indexOf('=');
    if (eq > 0 && record.slice(0, eq) === key) found = record.slice(eq + 1);
    pos += length;
  }
  return found;
}
