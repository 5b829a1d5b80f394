// The plan folder (--plan-dir, the Action's plan-dir output): the rendered copies of the templated override files the
// runbook's helm commands read (UpgradeActions.renderedFiles). Their paths come from a report, which may be a merged
// shard report (untrusted): each is checked to be a relative path of safe words that stays inside the folder. The
// folder may sit in a checkout (the Action's report-path input): a symlink there, file or folder, is never followed.
import { closeSync, constants, lstatSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import type { Report } from '../core/report/report.js';

const SAFE_PATH = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(?:\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;

/** Every rendered file of the report, once per path. */
export function planFiles(report: Report): { path: string; content: string }[] {
  const files = new Map<string, string>();
  for (const chart of report.charts) {
    for (const actions of chart.upgradeActions ?? []) {
      for (const file of actions.renderedFiles ?? []) if (SAFE_PATH.test(file.path)) files.set(file.path, file.content);
    }
  }
  return [...files].map(([path, content]) => ({ path, content }));
}

/** Writes the rendered files under `dir` (created as needed); returns how many. Nothing is written outside it. */
export function writePlanFiles(report: Report, dir: string): number {
  const root = resolve(dir);
  const files = planFiles(report);
  mkdirSync(root, { recursive: true });
  let written = 0;
  for (const file of files) {
    const target = resolve(join(root, file.path));
    if (!target.startsWith(root + sep) || !foldersWithoutLinks(root, dirname(target))) continue;
    let fd: number;
    try {
      fd = openSync(target, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ELOOP') continue; // the file itself is a symlink
      throw error;
    }
    try {
      writeSync(fd, file.content);
    } finally {
      closeSync(fd);
    }
    written++;
  }
  return written;
}

/** Makes the folders from `root` down to `folder`; false when one of them is a symlink (or not a folder). */
function foldersWithoutLinks(root: string, folder: string): boolean {
  let at = root;
  for (const part of folder.slice(root.length).split(sep).filter(Boolean)) {
    at = join(at, part);
    try {
      if (!lstatSync(at).isDirectory()) return false;
    } catch {
      mkdirSync(at);
    }
  }
  return true;
}
