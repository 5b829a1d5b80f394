// Chart archives built to hurt: gzip bombs that expand to gigabytes from a few megabytes. A gzip file may hold many
// members one after the other (RFC 1952, 2.2), and gunzip expands them all, so one compressed megabyte of zeros
// repeated N times expands to N MiB while the file grows by about a kilobyte each time.
import { gzipSync } from 'node:zlib';

const BLOCK = 512;
const MiB = 1024 * 1024;

/** A ustar header for an entry of `size` bytes; type '0' is a regular file. */
export function tarHeader(name: string, size: number, type = '0'): Buffer {
  const header = Buffer.alloc(BLOCK);
  header.write(name, 0, 100, 'utf8');
  header.write('0000644\0', 100);
  header.write('0000000\0', 108);
  header.write('0000000\0', 116);
  header.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  header.write('00000000000\0', 136);
  header.write(type, 156);
  header.write('ustar\0', 257);
  header.write('00', 263);
  header.fill(32, 148, 156);
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return header;
}

/** A whole tar entry: header, content, padding to the block size. */
export function tarEntry(name: string, content: string | Buffer): Buffer {
  const data = typeof content === 'string' ? Buffer.from(content) : content;
  const padding = Buffer.alloc((BLOCK - (data.length % BLOCK)) % BLOCK);
  return Buffer.concat([tarHeader(name, data.length), data, padding]);
}

const zeroMember = gzipSync(Buffer.alloc(MiB), { level: 9 });

/** gzip members expanding to `mib` MiB of zeros. */
function zeros(mib: number): Buffer[] {
  return Array.from({ length: mib }, () => zeroMember);
}

/** A chart whose templates/big.yaml expands to `mib` MiB (4096: the 4 GiB bomb), in a ~1 KB-per-MiB archive. */
export function hugeFileBomb(chart: string, mib: number): Buffer {
  const head = gzipSync(
    Buffer.concat([tarEntry(`${chart}/Chart.yaml`, `apiVersion: v2\nname: ${chart}\nversion: 1.0.0\n`)]),
  );
  return Buffer.concat([head, gzipSync(tarHeader(`${chart}/templates/big.yaml`, mib * MiB)), ...zeros(mib)]);
}

/** A chart of `files` files of `mibEach` MiB each: every file within helm's 5 MiB, the chart over its 100 MiB. */
export function manyFilesBomb(chart: string, files: number, mibEach: number): Buffer {
  const head = gzipSync(tarEntry(`${chart}/Chart.yaml`, `apiVersion: v2\nname: ${chart}\nversion: 1.0.0\n`));
  const members: Buffer[] = [head];
  for (let i = 0; i < files; i++) {
    members.push(gzipSync(tarHeader(`${chart}/files/f${i}.bin`, mibEach * MiB)), ...zeros(mibEach));
  }
  return Buffer.concat(members);
}
