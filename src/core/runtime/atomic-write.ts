// Report files are written whole or not at all: a reader (a later workflow step, an editor, a tail -f) never sees a
// half-written report, and a failed write (a full disk, a signal) leaves the previous file in place. The content goes
// to a temp file beside the target, which is then renamed over it (rename(2) is atomic within a file system).
import { randomBytes } from 'node:crypto';
import { mkdirSync, rename, renameSync, rmSync, writeFile, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { hold } from './interrupt.js';

export function writeFileAtomic(path: string, content: string): void {
  const { temp, release } = tempBeside(path);
  try {
    writeFileSync(temp, content);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  } finally {
    release();
  }
}

/**
 * writeFileAtomic with the write and the rename on libuv's threads, for files nobody waits for (render cache entries:
 * a 5 MB entry took 10 to 20 ms of the main thread written synchronously, 2 to 3 ms of wall time this way).
 */
export function writeFileAtomicInBackground(path: string, content: string | Buffer): Promise<void> {
  const { temp, release } = tempBeside(path);
  return new Promise<void>((resolve, reject) => {
    writeFile(temp, typeof content === 'string' ? Buffer.from(content) : content, (written) => {
      if (written) return reject(written);
      rename(temp, path, (renamed) => (renamed ? reject(renamed) : resolve()));
    });
  })
    .catch((error) => {
      rmSync(temp, { force: true });
      throw error;
    })
    .finally(release);
}

/** A temp file's name beside `path` (its folder made), removed if the process is interrupted until `release`. */
function tempBeside(path: string): { temp: string; release: () => void } {
  const folder = dirname(path);
  mkdirSync(folder, { recursive: true });
  const temp = join(folder, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  return { temp, release: hold(() => rmSync(temp, { force: true })) };
}
