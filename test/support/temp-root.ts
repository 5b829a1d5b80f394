// vitest globalSetup: every temp folder of the test run (TestRepo, renders, helm wrappers, the CLI's own) goes into
// one folder of its own, removed when the run ends however it ends, so no test leaves anything in the system's temp
// dir, whether or not it cleans up after itself. The workers inherit TMPDIR, which os.tmpdir() reads on each call.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'chart-guard-tests-'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  process.env.CHART_GUARD_TEST_TMP = root;
  return () => {
    rmSync(root, { recursive: true, force: true });
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
  };
}
