// Issue 12, item 3: credentials from override files and code-set examples never reach any output. The three
// reproductions (a Job's pod template with an env value from auth.password, "changes from OLD to NEW", helm's
// schema error quoting the value) run end to end through review() with real helm 3 and 4, and the report is
// rendered with every formatter.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { review } from '../../src/core/pipeline/review.js';
import { GitSnapshot } from '../../src/core/repo/git-snapshot.js';
import { allFindings, type Report } from '../../src/core/report/report.js';
import { selectAnnotations } from '../../src/format/annotations.js';
import { renderJson } from '../../src/format/json.js';
import { commentMarker, renderComment, renderSummary } from '../../src/format/markdown.js';
import { renderDiffFile } from '../../src/format/rendered-diff.js';
import { renderSarif } from '../../src/format/sarif.js';
import { renderText } from '../../src/format/text.js';
import { HELM_BINARIES, PROJECT_DIR, TestRepo } from '../support/git-repo.js';

const FIXTURES = join(PROJECT_DIR, 'test/fixtures/secrets');
const REDACTED = '<redacted>';

const OLD_PASSWORD = '0ld-S3cret-pa55';
const NEW_PASSWORD = 'N3w-S3cret-pa55';
const LEGACY_PASSWORD = 'L3gacy-S3cret-77';
const SCHEMA_PASSWORD = 'S3CRET-schema-99';
const API_TOKEN = 'tok-EXAMPLE-1234';
const SECRETS = [OLD_PASSWORD, NEW_PASSWORD, LEGACY_PASSWORD, SCHEMA_PASSWORD, API_TOKEN];
/** Each secret as it may leak: as is, base64 (Secret data, b64enc), and the chart defaults' credential values. */
const FORBIDDEN = [
  ...SECRETS,
  ...SECRETS.map((s) => Buffer.from(s).toString('base64')),
  'default-admin-token-1',
  'default-admin-token-2',
  'defaultLegacy9',
];

const LOCKFILE = (app: string, vault: string) => `charts:
  - name: app
    version: ${app}
    repo_name: example
  - name: vault
    version: ${vault}
    repo_name: example
repos:
  - name: example
    url: https://charts.example.com
destinations:
  - name: default
    path: ./charts
`;

const CONFIG = `values: ["values/{chart}.yaml"]
kubernetesVersion: "1.29"
charts:
  app:
    set: { apiToken: "${API_TOKEN}" }
`;

const appValues = (password: string) => `auth:
  password: "${password}"
  legacyPassword: "${LEGACY_PASSWORD}"
`;
const VAULT_VALUES = `auth:\n  password: "${SCHEMA_PASSWORD}"\n`;

/** Everything a run can show a person or a machine: each format, the annotations, the comment and the summary. */
function everyOutput(report: Report): Record<string, string> {
  return {
    text: renderText(report, { color: false }),
    comment: renderComment(report, { marker: commentMarker(report.lockfile) }),
    summary: renderSummary(report),
    json: renderJson(report),
    sarif: renderSarif(report),
    annotations: JSON.stringify(selectAnnotations(report)),
    diff: renderDiffFile(report),
  };
}

describe.each(['v3', 'v4'] as const)('secrets in a review with helm %s', (version) => {
  const repo = new TestRepo('cg-secrets-');
  let report: Report;
  const shas = { base: '', head: '' };

  beforeAll(async () => {
    repo
      .write('helm-freeze.yaml', LOCKFILE('1.0.0', '1.0.0'))
      .copy(join(FIXTURES, 'app-1.0.0'), 'charts/app')
      .copy(join(FIXTURES, 'vault-1.0.0'), 'charts/vault')
      .write('values/app.yaml', appValues(OLD_PASSWORD))
      .write('values/vault.yaml', VAULT_VALUES)
      .write('.github/chart-guard.yaml', CONFIG);
    const base = repo.commit('base');
    shas.base = base;
    repo
      .write('helm-freeze.yaml', LOCKFILE('2.0.0', '1.1.0'))
      .copy(join(FIXTURES, 'app-2.0.0'), 'charts/app')
      .copy(join(FIXTURES, 'vault-1.1.0'), 'charts/vault')
      .write('values/app.yaml', appValues(NEW_PASSWORD));
    const head = repo.commit('bump and rotate the password');
    shas.head = head;
    report = await review({
      repoDir: repo.dir,
      base: new GitSnapshot(repo.dir, 'main~1', base),
      head: new GitSnapshot(repo.dir, 'main', head),
      helm: HELM_BINARIES[version],
    });
  });
  afterAll(() => repo.cleanup());

  const findings = (rule: string, chart: string) =>
    allFindings(report).filter((f) => f.rule === rule && f.chart === chart);

  it("redacts a Secret's data and stringData in the rendered diff, marking the rotated value changed", () => {
    const app = report.charts.find((c) => c.name === 'app')!;
    const secret = app.renderedDiff?.[0].objects.find((o) => o.resource.kind === 'Secret');
    expect(secret?.change).toBe('changed');
    expect(secret?.patch).toMatch(/^-\s+password: <redacted>$/m);
    expect(secret?.patch).toMatch(/^\+\s+password: <redacted> \(changed\)$/m);
    // unchanged keys stay as context lines, redacted too: never their base64 or plain text
    expect(secret?.patch).toMatch(/^ \s+settings: <redacted>$/m);
    expect(secret?.patch).not.toContain(Buffer.from('mode=plain').toString('base64'));
    // stringData too (the user changes from app to app-v2)
    expect(secret?.patch).toMatch(/^-\s+user: <redacted>$/m);
    expect(secret?.patch).toMatch(/^\+\s+user: <redacted> \(changed\)$/m);
    expect(secret?.patch).not.toMatch(/user: app/);
  });

  it('shows no secret, nor its base64, in any format', () => {
    const outputs = everyOutput(report);
    for (const [format, output] of Object.entries(outputs)) {
      for (const secret of FORBIDDEN) {
        expect(output.includes(secret), `${format} shows ${secret}`).toBe(false);
      }
      expect(output, format).toContain('redacted');
    }
  });

  it.each([
    ['review', 'text'],
    ['review', 'markdown'],
    ['review', 'json'],
    ['review', 'sarif'],
    ['lint', 'text'],
  ])('the CLI %s --format %s fails on the findings and prints no secret', async (command, format) => {
    const out: string[] = [];
    const sink = { write: (chunk: string) => out.push(chunk) > 0, isTTY: false } as unknown as NodeJS.WriteStream;
    const refs = command === 'review' ? ['--base', shas.base, '--head', shas.head] : ['--ref', shas.head];
    const io = { stdout: sink, stderr: sink, env: {}, cwd: repo.dir, toolVersion: '0.0.0-test' };
    const code = await run(
      [command, '--repo', repo.dir, ...refs, '--helm', HELM_BINARIES[version], '--format', format, '--verbose'],
      io,
    );
    expect(code).toBe(1);
    const printed = out.join('');
    // lint has no old render to compare with: its finding is vault's schema failure (helm 4 quotes the value)
    expect(printed).toContain(command === 'review' || version === 'v4' ? 'redacted' : 'render-failed');
    for (const secret of FORBIDDEN) expect(printed.includes(secret), `shows ${secret}`).toBe(false);
  });

  it("summarises a Job's changed pod template as the paths that changed, with redacted values", () => {
    const setup = findings('immutable-field-changed', 'app').find((f) => f.resource?.name === 'app-setup');
    expect(setup?.path).toBe('spec.template.spec.containers[0]');
    expect(setup?.before).toEqual({
      image: 'example/app:1.0',
      'args[0]': `--password=${REDACTED}`,
      'env[0].value': REDACTED,
    });
    expect(setup?.after).toEqual({
      image: 'example/app:2.0',
      'args[0]': `--password=${REDACTED}`,
      'env[0].value': REDACTED,
    });
    expect(setup?.message).toContain('spec.template.spec.containers[0] (image, args[0], env[0].value) changes');
  });

  it('says which env value changed, from the redaction marker to the redaction marker', () => {
    const migrate = findings('immutable-field-changed', 'app').find((f) => f.resource?.name === 'app-migrate');
    expect(migrate?.path).toBe('spec.template.spec.containers[0].env[0].value');
    expect(migrate?.message).toContain(
      `spec.template.spec.containers[0].env[0].value changes from "${REDACTED}" to "${REDACTED}"`,
    );
  });

  it('hides the base64 form of the password in an immutable ConfigMap', () => {
    const blob = findings('immutable-field-changed', 'app').find((f) => f.resource?.kind === 'ConfigMap');
    expect(blob).toMatchObject({ path: 'data.blob', before: REDACTED, after: REDACTED });
  });

  it("hides credential values in the defaults diff and a removed key's old default", () => {
    const app = report.charts.find((c) => c.name === 'app');
    expect(app?.valuesDiff.changed).toContainEqual({ path: 'auth.adminToken', before: REDACTED, after: REDACTED });
    expect(app?.valuesDiff.changed).toContainEqual({ path: 'image.tag', before: '1.0', after: '2.0' });
    const removed = findings('override-key-removed', 'app').find((f) => f.path === 'auth.legacyPassword');
    expect(removed).toMatchObject({ line: 3, before: REDACTED });
  });

  it("reports helm's schema error without the value it quotes", () => {
    const failed = findings('render-failed', 'vault');
    expect(failed).toHaveLength(1);
    expect(failed[0].message.toLowerCase()).toContain('does not match pattern');
    const vault = report.charts.find((c) => c.name === 'vault');
    expect(vault?.render.status).toBe('failed');
    // helm 4 quotes the value in its error (santhosh-tekuri/jsonschema); helm 3 does not (gojsonschema)
    if (version === 'v4') expect(failed[0].message).toContain(`'${REDACTED}' does not match pattern`);
  });
});
