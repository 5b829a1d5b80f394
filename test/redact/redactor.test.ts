// The redactor's two layers: credential keys hidden in value trees, and credential values searched in free text
// with the documented thresholds (MIN_TOKEN_LENGTH, MIN_SUBSTRING_LENGTH).
import { describe, expect, it } from 'vitest';
import { CredentialMatcher, REDACTED } from '../../src/core/redact/credentials.js';
import { createRedactor, MIN_SUBSTRING_LENGTH, MIN_TOKEN_LENGTH } from '../../src/core/redact/redact-text.js';
import { chartSecrets, redactTree } from '../../src/core/redact/redact-tree.js';
import type { ChartContext } from '../../src/core/rules/rule.js';
import { keysFromSetList, parseValuesFile } from '../../src/core/values/values-file.js';

const matcher = new CredentialMatcher();
const redactor = (...secrets: string[]) => createRedactor(secrets, matcher);

describe('text redaction', () => {
  it('replaces a long mixed value anywhere, with its base64 and JSON-escaped forms', () => {
    const secret = 'p@ss"w0rd-42';
    const r = redactor(secret);
    const b64 = Buffer.from(secret).toString('base64');
    expect(r.text(`--password=${secret}x`)).toBe(`--password=${REDACTED}x`);
    expect(r.text(`data: ${b64}`)).toBe(`data: ${REDACTED}`);
    expect(r.text(`value "p@ss\\"w0rd-42" is invalid`)).toBe(`value "${REDACTED}" is invalid`);
  });

  it(`replaces values of ${MIN_TOKEN_LENGTH} to ${MIN_SUBSTRING_LENGTH - 1} characters and plain words only as whole tokens`, () => {
    const r = redactor('7319', 'Sunshine');
    expect(r.text("'7319' does not match")).toBe(`'${REDACTED}' does not match`);
    expect(r.text('port 173190 and 7319')).toBe(`port 173190 and ${REDACTED}`);
    expect(r.text('postgres://app:Sunshine@db SunshineCoast')).toBe(`postgres://app:${REDACTED}@db SunshineCoast`);
  });

  it(`never searches values under ${MIN_TOKEN_LENGTH} characters or placeholder words`, () => {
    const r = redactor('abc', '1', 'true', 'changeme', 'admin', '');
    const text = 'abc 1 true changeme admin spec.containers[1]';
    expect(r.text(text)).toBe(text);
  });

  it('replaces a line of a multi-line secret quoted on its own, but not the PEM armour', () => {
    const pem = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n';
    const r = redactor(pem);
    expect(r.text('bad line MIIEvQIBADANBgkqhkiG9w0BAQEFAASC')).toBe(`bad line ${REDACTED}`);
    expect(r.text('-----BEGIN PRIVATE KEY-----')).toBe('-----BEGIN PRIVATE KEY-----');
  });
});

describe('structural redaction', () => {
  it('hides env values named like credentials, credential keys and Secret data; keeps booleans, null and ""', () => {
    const object = {
      kind: 'Secret',
      data: { anything: 'c2VjcmV0' },
      spec: {
        env: [
          { name: 'DB_PASSWORD', value: 'x1' },
          { name: 'DB_HOST', value: 'db' },
          { name: 'API_TOKEN', valueFrom: { secretKeyRef: { name: 'app', key: 'token' } } },
        ],
        auth: { password: 1234, username: 'app', enabled: true, token: '', secret: null },
        tolerations: [{ key: 'node-role', operator: 'Exists' }],
      },
    };
    expect(redactTree(object, matcher)).toEqual({
      kind: 'Secret',
      data: { anything: REDACTED },
      spec: {
        env: [
          { name: 'DB_PASSWORD', value: REDACTED },
          { name: 'DB_HOST', value: 'db' },
          { name: 'API_TOKEN', valueFrom: { secretKeyRef: { name: 'app', key: 'token' } } },
        ],
        auth: { password: REDACTED, username: 'app', enabled: true, token: '', secret: null },
        tolerations: [{ key: 'node-role', operator: 'Exists' }],
      },
    });
  });

  it('hides a whole value tree that sits at a credential path', () => {
    expect(redactor().value({ user: 'a', password: 'b' }, ['credentials'])).toEqual({
      user: REDACTED,
      password: REDACTED,
    });
  });
});

describe('chart secrets', () => {
  it('collects credential values from override files on both sides and from code-set examples', () => {
    const head = parseValuesFile(
      [
        'auth:',
        '  password: head-pa55word',
        '  username: app-user',
        'extraEnvVars:',
        '  - name: SMTP_PASSWORD',
        '    value: smtp-pa55word',
        '  - name: SMTP_HOST',
        '    value: mail.example.com',
        'secrets:',
        '  webhook: https://hooks.example.com/T0/B0/xyz',
      ].join('\n'),
      'values/app.yaml',
    );
    const base = parseValuesFile('auth:\n  password: base-pa55word\n', 'values/app.yaml');
    const codeSet = keysFromSetList(
      [
        { path: ['apiKey'], example: 'key-example-1', line: 3 },
        { path: ['replicas'], example: 3, line: 4 },
      ],
      '.github/chart-guard.yaml',
    );
    const context = { overrides: [head], baseOverrides: [base], codeSet } as unknown as ChartContext;
    expect([...chartSecrets(context, matcher)].sort()).toEqual([
      'base-pa55word',
      'head-pa55word',
      'https://hooks.example.com/T0/B0/xyz',
      'key-example-1',
      'smtp-pa55word',
    ]);
  });
});

describe('placeholders the deploy code replaces', () => {
  it('are neither hidden nor searched: `set-by-engine-code` under a password key is the same word everywhere', () => {
    const file = parseValuesFile(
      [
        'auth:',
        '  rootPassword: set-by-engine-code',
        '  password: real-pa55word',
        '  replicationPassword: <set-by-deploy-code>',
        'primary:',
        '  persistence:',
        '    enabled: set-by-engine-code',
      ].join('\n'),
      'values/mariadb.yaml',
    );
    const context = { overrides: [file], baseOverrides: [], codeSet: [] } as unknown as ChartContext;
    const secrets = chartSecrets(context, matcher);
    expect([...secrets]).toEqual(['real-pa55word']);
    expect(redactTree(file.values, matcher)).toEqual({
      auth: { rootPassword: 'set-by-engine-code', password: REDACTED, replicationPassword: '<set-by-deploy-code>' },
      primary: { persistence: { enabled: 'set-by-engine-code' } },
    });
    const text = createRedactor(secrets, matcher).text(
      "range can't iterate over set-by-engine-code; password real-pa55word",
    );
    expect(text).toBe(`range can't iterate over set-by-engine-code; password ${REDACTED}`);
  });
});
