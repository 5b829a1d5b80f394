// `helm version --short` remembered in the cache folder, so a run with a warm cache spawns no helm at all. The memo
// is keyed by the binary's identity (real path, size, modification time, inode): a replaced or upgraded binary is
// another key, and a memo that is missing, corrupt or of another binary means running `helm version` again.
// The cache folder is untrusted: a memo is read only from a regular file (never through a link) and only when it
// matches its schema (cache-entry-schema.ts); anything else is a miss, overwritten by the fresh answer.
import { createHash } from 'node:crypto';
import { realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { SchemaCheck } from '../input/schema-check.js';
import { writeFileAtomic } from '../runtime/atomic-write.js';
import { readOwnFileSync } from '../runtime/read-own-file.js';
import { HELM_VERSION_MEMO_SCHEMA } from './cache-entry-schema.js';
import { helmDir } from './render-cache.js';

export interface HelmVersionMemo {
  /** What `helm version --short` printed for the binary at `path`, when remembered for this very file. */
  recall(path: string): string | undefined;
  /** Remembers it; a failed write is ignored (the next run asks helm again). */
  remember(path: string, version: string): Promise<void>;
}

const MEMO_FORMAT = 1;
/** A memo is one short line of JSON: anything bigger is not one. */
const MEMO_MAX_BYTES = 64 * 1024;

interface Memo {
  format: number;
  identity: string;
  version: string;
}

/** The memo in `<cacheDir>/helm/`. */
export function helmVersionMemo(cacheDir: string, entries: SchemaCheck): HelmVersionMemo {
  const fileOf = (identity: string) =>
    join(helmDir(cacheDir), `${createHash('sha256').update(identity).digest('hex')}.json`);
  return {
    // synchronous (a tiny file): locateHelm spawns `helm version` at once when there is no memo
    recall(path) {
      try {
        const identity = binaryIdentity(path);
        const text = readOwnFileSync(fileOf(identity), MEMO_MAX_BYTES);
        const memo: unknown = text === undefined ? undefined : JSON.parse(text);
        if (!entries.matches<Memo>(HELM_VERSION_MEMO_SCHEMA, memo)) return undefined;
        if (memo.format !== MEMO_FORMAT || memo.identity !== identity) return undefined;
        return memo.version.trim() || undefined;
      } catch {
        return undefined;
      }
    },
    async remember(path, version) {
      try {
        const identity = binaryIdentity(path);
        writeFileAtomic(fileOf(identity), JSON.stringify({ format: MEMO_FORMAT, identity, version }));
      } catch {
        // not remembered: asked again next time
      }
    },
  };
}

/** The file the path leads to, as it is now: nanosecond mtime, so a rebuilt binary of the same size differs. */
function binaryIdentity(path: string): string {
  const real = realpathSync(path);
  const info = statSync(real, { bigint: true });
  return JSON.stringify([real, String(info.size), String(info.mtimeNs), String(info.ino), String(info.dev)]);
}
