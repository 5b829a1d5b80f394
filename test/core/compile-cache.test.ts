// The launchers' compile cache (src/core/runtime/compile-cache.ts): the cached code runs, so the folder must be the
// runner's temp or this user's own, and a folder someone else could write to leaves the cache off.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compileCacheDir, enableCompileCache, privateFolder } from '../../src/core/runtime/compile-cache.js';

const work = mkdtempSync(join(tmpdir(), 'cg-compile-cache-'));
afterEach(() => rmSync(work, { recursive: true, force: true }));

describe('the compile cache folder', () => {
  it("is under the runner's temp when there is one, else the system temp, one per user", () => {
    const uid = process.getuid?.();
    const suffix = uid === undefined ? '' : `-${uid}`;
    expect(compileCacheDir({ RUNNER_TEMP: '/runner/temp' })).toBe(`/runner/temp/chart-guard-compile-cache${suffix}`);
    expect(compileCacheDir({})).toBe(join(tmpdir(), `chart-guard-compile-cache${suffix}`));
  });

  it('is off when Node is told so (NODE_DISABLE_COMPILE_CACHE)', () => {
    expect(compileCacheDir({ NODE_DISABLE_COMPILE_CACHE: '1', RUNNER_TEMP: work })).toBeUndefined();
    expect(enableCompileCache({ NODE_DISABLE_COMPILE_CACHE: '1', RUNNER_TEMP: work })).toBeUndefined();
  });

  it('is made private, and refused when others may write to it or it is not a folder', () => {
    mkdirSync(work, { recursive: true });
    const fresh = join(work, 'fresh');
    expect(privateFolder(fresh)).toBe(true);

    const open = join(work, 'open');
    mkdirSync(open);
    chmodSync(open, 0o777);
    expect(privateFolder(open)).toBe(false);

    const link = join(work, 'link');
    symlinkSync(fresh, link);
    expect(privateFolder(link)).toBe(false);
  });

  it('is used only by a Node that has the cache (22.1 and later), never throws on one that has not', () => {
    mkdirSync(work, { recursive: true });
    const dir = enableCompileCache({ RUNNER_TEMP: work });
    const major = Number(process.versions.node.split('.')[0]);
    if (major >= 23) expect(dir).toBe(compileCacheDir({ RUNNER_TEMP: work }));
    if (major <= 20) expect(dir).toBeUndefined();
  });
});
