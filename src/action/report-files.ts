// The `reports` input of `mode: merge`: a glob (picomatch, relative to the workspace) of the shard reports the
// matrix jobs uploaded and actions/download-artifact put back. Only the glob's static folder is walked.
import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import picomatch from 'picomatch';

/** Workspace-relative paths of the files the glob matches, sorted; [] when none (or its folder is missing). */
export async function matchReportFiles(pattern: string, workspace: string): Promise<string[]> {
  const glob = pattern.replace(/^\.\//, '');
  const scan = picomatch.scan(glob);
  if (!scan.isGlob) return (await isFile(join(workspace, glob))) ? [glob] : [];
  const matches = picomatch(glob, { dot: true });
  const root = join(workspace, scan.base);
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(workspace, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((path) => matches(path))
    .sort();
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isFile(),
    () => false,
  );
}
