// Files of a folder the run does not trust (the render cache, a restored actions/cache): read only when regular,
// never through a symlink, never blocking on a FIFO, never longer than asked.
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';

/**
 * The bytes of a regular file at `path`, never through a symlink (O_NOFOLLOW) nor blocking on a FIFO, nor longer than
 * `maxBytes`; undefined otherwise. `touch`: its modification time becomes now (through the same descriptor).
 */
export async function readOwnBytes(path: string, maxBytes: number, touch = false): Promise<Buffer | undefined> {
  let file: Awaited<ReturnType<typeof open>> | undefined;
  try {
    file = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    const info = await file.stat();
    if (!info.isFile() || info.size > maxBytes) return undefined;
    const text = await file.readFile();
    if (touch) {
      const now = new Date();
      await file.utimes(now, now).catch(() => {});
    }
    return text;
  } catch {
    return undefined; // absent, a link, unreadable
  } finally {
    await file?.close().catch(() => {});
  }
}

/** readOwnBytes's refusals, for a small text file read on the spot (the helm version memo), synchronously. */
export function readOwnFileSync(path: string, maxBytes: number): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    const info = fstatSync(fd);
    if (!info.isFile() || info.size > maxBytes) return undefined;
    return readFileSync(fd, 'utf8');
  } catch {
    return undefined; // absent, a link, unreadable
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
