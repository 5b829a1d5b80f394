// Which names and values key paths count as credentials (src/core/redact/credentials.ts): the rules a reader relies on when a
// value shows as <redacted>, and the names that must stay visible because they only point at a credential.
import { describe, expect, it } from 'vitest';
import { CredentialMatcher, wordsOf } from '../../src/core/redact/credentials.js';

const matcher = new CredentialMatcher();

describe('wordsOf', () => {
  it('splits camelCase, UPPER_SNAKE, kebab-case and dotted names into lower-case words', () => {
    expect(wordsOf('rootPassword')).toEqual(['root', 'password']);
    expect(wordsOf('MYSQL_ROOT_PASSWORD')).toEqual(['mysql', 'root', 'password']);
    expect(wordsOf('APIKey')).toEqual(['api', 'key']);
    expect(wordsOf('X-Api-Key')).toEqual(['x', 'api', 'key']);
    expect(wordsOf('tls.crt')).toEqual(['tls', 'crt']);
    expect(wordsOf('s3AccessKey')).toEqual(['s3', 'access', 'key']);
  });
});

describe('credential names', () => {
  it.each([
    'password',
    'rootPassword',
    'DB_PASSWORD',
    'PGPASSWORD',
    'MYSQL_ROOT_PASSWORD',
    'DB_PASS',
    'passwd',
    'htpasswd',
    'passphrase',
    'apiKey',
    'APIKey',
    'api_key',
    'X-Api-Key',
    'accessKey',
    'privateKey',
    'secretKey',
    'encryptionKey',
    'licenseKey',
    'AWS_SECRET_ACCESS_KEY',
    'stripeKey',
    'clientSecret',
    'jwtSecret',
    'secret',
    'token',
    'githubToken',
    'authToken',
    'credentials',
    'gcpCredentials',
    'credentialsJson',
    'auth',
    'basicAuth',
    'cert',
    'tlsCert',
    'certPem',
    'passwordHash',
    'apiKeyBase64',
    'salt',
    'sentryDsn',
    'connectionstring',
    'connectionString',
    'DB_CONNECTION_STRING',
    'kubeconfig',
  ])('%s is a credential', (name) => {
    expect(matcher.isCredentialName(name)).toBe(true);
  });

  it.each([
    // names of a credential's metadata or of a reference to it
    'passwordLength',
    'password_policy',
    'existingSecret',
    'existingSecretPasswordKeyName',
    'secretName',
    'secretKeyRef',
    'keyFile',
    'certFile',
    'tokenTTL',
    'authType',
    'authEnabled',
    // `key` naming a map key, an index or something public, not a credential
    'nodeSelectorKey',
    'topologyKey',
    'labelKey',
    'sortKey',
    'partitionKey',
    'routingKey',
    'publicKey',
    'AWS_ACCESS_KEY_ID',
    // words that only contain a credential word
    'certManager',
    'cert-manager.io/cluster-issuer',
    'bypass',
    'passThrough',
    'privateRegistry',
    'tokenizer',
    'monkey',
    'whiskey',
    'username',
    'REDIS_HOST',
    'image',
  ])('%s is not a credential', (name) => {
    expect(matcher.isCredentialName(name)).toBe(false);
  });
});

describe('credential key paths', () => {
  it.each([
    [['auth', 'password']],
    [['tls', 'key']],
    [['ssh', 'key']],
    [['secrets', 'DB_URL']],
    [['credentials', 'user']],
    [['apiKeys', 'stripe']],
    [['imageCredentials', 'registry', 'password']],
    [['auths', 'registry.example.com', 'auth']],
  ])('%j holds a credential', (path) => {
    expect(matcher.isCredentialPath(path)).toBe(true);
  });

  it.each([
    [['auth', 'username']],
    [['auth', 'database']],
    [['tolerations', 0, 'key']],
    [['spec', 'affinity', 'podAntiAffinity', 'topologyKey']],
    [['env', 0, 'valueFrom', 'secretKeyRef', 'key']],
    [['matchExpressions', 0, 'key']],
    [['existingSecret', 'name']],
    [['secret', 'annotations', 'team']],
    [['image', 'tag']],
    [[]],
  ])('%j does not', (path) => {
    expect(matcher.isCredentialPath(path)).toBe(false);
  });
});

describe('redact config', () => {
  it('adds names (matched as trailing words) and exact key paths', () => {
    const custom = new CredentialMatcher({ keys: ['pinCode', 'app.config.dsnUrl'], replace: false });
    expect(custom.isCredentialName('pinCode')).toBe(true);
    expect(custom.isCredentialName('ADMIN_PIN_CODE')).toBe(true);
    expect(custom.isCredentialPath(['app', 'config', 'dsnUrl'])).toBe(true);
    expect(custom.isCredentialPath(['other', 'dsnUrl'])).toBe(false);
    expect(custom.isCredentialName('rootPassword')).toBe(true);
  });

  it('replace: true keeps only the configured names', () => {
    const only = new CredentialMatcher({ keys: ['pinCode'], replace: true });
    expect(only.isCredentialName('rootPassword')).toBe(false);
    expect(only.isCredentialName('pinCode')).toBe(true);
  });
});
