// render.helm in the pull request's own config named a script the pull request commits, and chart-guard ran it with
// its whole environment (the token included). The binary now comes from the CLI flag, the base's config or PATH,
// never the head's: the script never runs, the base's helm renders, and the change is a policy-changed error. Both
// ways the base can choose helm (its render.helm, or none: PATH), with helm v3 and v4.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report/report.js';
import { type BuiltCli, buildCli } from '../support/cli-bundle.js';
import { HELM_BINARIES } from '../support/git-repo.js';
import { CONFIG_PATH, PREEXISTING_CONFIG as HONEST, preexistingBump } from '../support/preexisting-bump.js';

const TOKEN = 'ghp_headHelmTestToken0123456789abcdefABCD';

let cli: BuiltCli;
beforeAll(() => {
  cli = buildCli();
}, 120_000);
afterAll(() => cli?.cleanup());

describe.each(Object.entries(HELM_BINARIES))('a head config naming its own helm script, helm %s', (_, helm) => {
  const outside = mkdtempSync(join(tmpdir(), 'cg-outside-'));
  const marker = join(outside, 'ran');
  afterAll(() => rmSync(outside, { recursive: true, force: true }));

  it.each([
    ['names this helm in render.helm', `render: { helm: ${helm} }\n`, `render.helm changes from ${helm} to tools/helm`],
    ['names none (helm comes from PATH)', '', 'render.helm changes from unset to tools/helm'],
  ])(
    'is never run when the base %s: the base helm renders, policy-changed, exit 1',
    (_, baseRender, change) => {
      const { repo, base } = preexistingBump('cg-head-helm-', `${HONEST}${baseRender}`);
      try {
        // the script would record that it ran, and the environment it was given
        repo.write('tools/helm', `#!/bin/sh\nenv > '${marker}'\nexec '${helm}' "$@"\n`);
        chmodSync(join(repo.dir, 'tools/helm'), 0o755);
        repo.write(CONFIG_PATH, `${HONEST}render: { helm: tools/helm }\n`);
        const head = repo.commit('bump, and its own helm');
        const env = { ...process.env, GITHUB_TOKEN: TOKEN, PATH: `${dirname(helm)}:${process.env.PATH}` };
        const args = [cli.path, 'review', '--base', base, '--head', head, '--format', 'json'];
        const run = spawnSync(process.execPath, args, { cwd: repo.dir, env, encoding: 'utf8' });
        const report = JSON.parse(run.stdout) as Report;
        const errors = [...report.findings, ...report.charts.flatMap((c) => c.findings)].filter(
          (f) => f.severity === 'error',
        );
        expect(errors.filter((f) => f.rule === 'api-removed').map((f) => f.message)).toContainEqual(
          expect.stringContaining('CronJob'),
        );
        expect(errors.filter((f) => f.rule === 'policy-changed').map((f) => [f.line, f.message.split(';')[0]])).toEqual(
          [[4, change]],
        );
        expect(run.status).toBe(1);
        expect(existsSync(marker)).toBe(false);
        expect(readdirSync(outside)).toEqual([]);
        expect(run.stdout + run.stderr).not.toContain(TOKEN);
      } finally {
        repo.cleanup();
      }
    },
    60_000,
  );
});
