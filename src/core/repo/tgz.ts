// Reads a chart archive (.tgz under charts/) in memory: gunzip with node:zlib, then a minimal tar reader.
// Helm packages charts as gzip'd ustar; GNU long names ('L') and pax headers ('x') appear for long paths.
import { gunzipSync } from 'node:zlib';

export interface ArchiveFile {
  /** Path inside the archive, posix, without a leading "./". */
  path: string;
  content: Buffer;
}

export class ArchiveError extends Error {}

const BLOCK = 512;

/** Regular files of a .tgz (symlinks, folders and devices are left out, as Helm's loader does). */
export function readTgz(archive: Buffer): ArchiveFile[] {
  let tar: Buffer;
  try {
    tar = gunzipSync(archive);
  } catch (e) {
    throw new ArchiveError(`not a gzip archive (${(e as Error).message})`);
  }
  return readTar(tar);
}

export function readTar(tar: Buffer): ArchiveFile[] {
  const files: ArchiveFile[] = [];
  let offset = 0;
  let longName: string | undefined;
  let paxPath: string | undefined;
  while (offset + BLOCK <= tar.length) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.every((b) => b === 0)) break; // end-of-archive marker
    if (!checksumMatches(header)) throw new ArchiveError(`bad tar header checksum at byte ${offset}`);
    const size = parseOctal(header.subarray(124, 136));
    const type = String.fromCharCode(header[156] || 48); // '\0' is an old-style regular file
    const dataStart = offset + BLOCK;
    if (dataStart + size > tar.length) throw new ArchiveError(`truncated tar entry at byte ${offset}`);
    const data = tar.subarray(dataStart, dataStart + size);
    offset = dataStart + Math.ceil(size / BLOCK) * BLOCK;

    if (type === 'L') {
      longName = cString(data);
      continue;
    }
    if (type === 'x') {
      paxPath = paxRecord(data, 'path') ?? paxPath;
      continue;
    }
    if (type === 'g') continue; // global pax header: nothing we need
    const name = paxPath ?? longName ?? ustarName(header);
    paxPath = undefined;
    longName = undefined;
    if (type !== '0' && type !== '7') continue;
    const path = name.replace(/^(\.\/)+/, '').replace(/^\/+/, '');
    if (path) files.push({ path, content: Buffer.from(data) });
  }
  return files;
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

function parseOctal(field: Buffer): number {
  // GNU base-256 encoding for sizes >= 8 GiB: never in a chart, refuse rather than misread.
  if (field[0] & 0x80) throw new ArchiveError('tar entry too large');
  const text = cString(field).trim();
  return text ? Number.parseInt(text, 8) : 0;
}

function checksumMatches(header: Buffer): boolean {
  const stored = parseOctal(header.subarray(148, 156));
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
