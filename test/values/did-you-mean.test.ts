import { afterAll, describe, expect, it } from 'vitest';
import { didYouMean } from '../../src/core/values/did-you-mean.js';
import { parseKeyPath } from '../../src/core/values/key-path.js';
import { CorpusCharts } from './helpers.js';

const corpus = new CorpusCharts();
afterAll(() => corpus.cleanup());

describe('didYouMean on the corpus', () => {
  it('mariadb 7 -> 8: follows the master/slave -> primary/secondary and credentials -> auth renames', async () => {
    const { base, head } = await corpus.load('mariadb-7.10.4-to-8.0.0');
    const suggest = (path: string) => didYouMean(parseKeyPath(path), base.ownDefaults, head.ownDefaults);
    expect(suggest('master.persistence.size')).toBe('primary.persistence.size');
    expect(suggest('rootUser.password')).toBe('auth.rootPassword');
    expect(suggest('slave.replicas')).toBe('secondary.replicaCount');
    expect(suggest('db.user')).toBe('auth.username');
    expect(suggest('db.password')).toBe('auth.password');
    expect(suggest('replication.password')).toBe('auth.replicationPassword');
  });

  it('mariadb 7 -> 8: carries free-form keys below a renamed map over', async () => {
    const { base, head } = await corpus.load('mariadb-7.10.4-to-8.0.0');
    expect(didYouMean(parseKeyPath('master.nodeSelector.disktype'), base.ownDefaults, head.ownDefaults)).toBe(
      'primary.nodeSelector.disktype',
    );
  });

  it('mariadb 7 -> 8: makes no guess where nothing is alike (replication.enabled became architecture)', async () => {
    const { base, head } = await corpus.load('mariadb-7.10.4-to-8.0.0');
    expect(didYouMean(parseKeyPath('replication.enabled'), base.ownDefaults, head.ownDefaults)).toBeUndefined();
    expect(didYouMean(parseKeyPath('db.name'), base.ownDefaults, head.ownDefaults)).toBeUndefined();
  });

  it('blackbox 9 -> 10: extraEnvFromSecret -> extraEnvFrom, although the type went from string to list', async () => {
    const { base, head } = await corpus.load('prometheus-blackbox-exporter-9.8.0-to-10.0.0');
    expect(didYouMean(['extraEnvFromSecret'], base.defaults, head.defaults)).toBe('extraEnvFrom');
  });

  it('kafka-exporter 2 -> 3: rbac.pspEnabled has no successor', async () => {
    const { base, head } = await corpus.load('prometheus-kafka-exporter-2.18.0-to-3.0.0');
    expect(didYouMean(['rbac', 'pspEnabled'], base.defaults, head.defaults)).toBeUndefined();
  });
});

describe('didYouMean', () => {
  it('pairs old and new keys one-to-one: two old keys never get the same suggestion', () => {
    // Both db.* and rootUser.* moved under auth.*, so both passwords map onto auth.password at first sight.
    const before = { db: { password: '', forcePassword: false }, rootUser: { password: '', forcePassword: false } };
    const after = { auth: { password: '', forcePassword: false, rootPassword: '' } };
    expect(didYouMean(['db', 'password'], before, after)).toBe('auth.password');
    expect(didYouMean(['rootUser', 'password'], before, after)).toBe('auth.rootPassword');
    expect(didYouMean(['db', 'forcePassword'], before, after)).toBe('auth.forcePassword');
    expect(didYouMean(['rootUser', 'forcePassword'], before, after)).toBeUndefined();
  });

  it('suggests nothing for a key the old defaults did not have', () => {
    expect(didYouMean(['unknown', 'key'], { a: 1 }, { b: 1 })).toBeUndefined();
  });

  it('suggests nothing when no added key is alike', () => {
    expect(didYouMean(['tolerations'], { tolerations: [] }, { image: { tag: 'x' } })).toBeUndefined();
  });
});

describe('didYouMean evidence', () => {
  it('a shared last word alone is not enough (foo.enabled is not bar.enabled)', () => {
    expect(didYouMean(['foo', 'enabled'], { foo: { enabled: true } }, { bar: { enabled: true } })).toBeUndefined();
  });

  it('a renamed key in the same map is enough', () => {
    expect(didYouMean(['server', 'extraArgs'], { server: { extraArgs: [] } }, { server: { extraArguments: [] } })).toBe(
      'server.extraArguments',
    );
  });
});
