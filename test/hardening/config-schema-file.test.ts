// The config's schema is compiled into the gate (src/core/config/config-definition.ts); chart-guard.schema.json and
// action.yml are only written from it and from the workflow's side. A pull request that rewrites both, a schema that
// accepts anything and an action.yml without inputs, beside a config mistake, changes nothing: the mistake is still a
// config-invalid problem at its line, and the review is the one the same head gets without the forged files.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report/report.js';
import { type BuiltCli, buildCli } from '../support/cli-bundle.js';
import { HELM_BINARIES } from '../support/git-repo.js';
import { CONFIG_PATH, PREEXISTING_CONFIG, preexistingBump } from '../support/preexisting-bump.js';

const TOKEN = 'ghp_schemaFileTestToken0123456789abcdefAB';
/** The head's config: the base's, plus a misspelt key on line 4. */
const MISTAKE = `${PREEXISTING_CONFIG}lockfiel: decoy.yaml\n`;
const FORGED = {
  'chart-guard.schema.json': '{ "$schema": "http://json-schema.org/draft-07/schema#" }\n',
  'action.yml': 'name: forged\nruns: { using: node24, main: forged.js }\n',
};

let cli: BuiltCli;
let outside: string;
beforeAll(() => {
  cli = buildCli();
  outside = mkdtempSync(join(tmpdir(), 'cg-outside-'));
}, 120_000);
afterAll(() => {
  cli?.cleanup();
  rmSync(outside, { recursive: true, force: true });
});

/** A review as CI runs it (a token in the environment), its JSON report with timings and commits blanked. */
function review(forged: boolean, helm: string) {
  const { repo, base } = preexistingBump('cg-schema-file-');
  try {
    repo.write(CONFIG_PATH, MISTAKE);
    if (forged) for (const [path, text] of Object.entries(FORGED)) repo.write(path, text);
    const head = repo.commit('bump, config mistake');
    const env = { ...process.env, GITHUB_TOKEN: TOKEN, HOME: outside };
    const args = ['review', '--repo', repo.dir, '--base', base, '--head', head, '--helm', helm, '--format', 'json'];
    const run = spawnSync(process.execPath, [cli.path, ...args], { env, encoding: 'utf8' });
    const report = JSON.parse(run.stdout) as Report;
    const stable = run.stdout
      .split(repo.dir)
      .join('<REPO>')
      .split(base)
      .join('<BASE>')
      .split(head)
      .join('<HEAD>')
      .replace(/"(\w*Ms|generatedAt)": *[^,\n]+/g, '"$1": X');
    return { status: run.status, stderr: run.stderr, report, stable };
  } finally {
    repo.cleanup();
  }
}

describe('a head that forges chart-guard.schema.json and action.yml', () => {
  for (const [version, helm] of Object.entries(HELM_BINARIES)) {
    it(`still reports the config mistake at its line, and reviews as without the forgery (helm ${version})`, () => {
      const forged = review(true, helm);
      expect(forged.status).toBe(1);
      expect(forged.report.findings).toContainEqual(
        expect.objectContaining({
          rule: 'config-invalid',
          file: CONFIG_PATH,
          line: 4,
          message: expect.stringContaining('unknown top-level key "lockfiel" (did you mean "lockfile"?'),
        }),
      );
      const honest = review(false, helm);
      expect(forged.stable).toBe(honest.stable);
      expect(`${forged.stable}${forged.stderr}`).not.toContain(TOKEN);
      expect(readdirSync(outside)).toEqual([]);
    }, 120_000);
  }
});
