import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_FREE_FORM_KEYS } from '../../src/core/model/model.js';
import { classifyOverride, classifyOverrides, type ValuesView } from '../../src/core/values/coverage.js';
import { formatKeyPath, parseKeyPath } from '../../src/core/values/key-path.js';
import { CorpusCharts, overrideFile } from './helpers.js';

const corpus = new CorpusCharts();
afterAll(() => corpus.cleanup());
const options = { freeFormKeys: DEFAULT_FREE_FORM_KEYS };

/** Status of each key of an override file, keyed by its --set path. */
function statuses(file: ReturnType<typeof overrideFile>, after: ValuesView, before?: ValuesView) {
  return Object.fromEntries(
    classifyOverrides(file.keys, after, before, options).map((c) => [formatKeyPath(c.key.path), c.status]),
  );
}

function key(path: string, value: unknown = 'x') {
  return { path: parseKeyPath(path), value, file: 'values/app.yaml', line: 1, source: 'file' as const };
}

describe('override coverage on the corpus', () => {
  it('mariadb 7 -> 8: renamed keys are removed, free-form and still-valid keys are ok', async () => {
    const { base, head } = await corpus.load('mariadb-7.10.4-to-8.0.0');
    const file = overrideFile(
      'values/mariadb.yaml',
      [
        'image:',
        '  tag: 10.5.5', // still valid
        'master:',
        '  persistence:',
        '    size: 20Gi', // renamed to primary.persistence.size
        '  nodeSelector:',
        '    disktype: ssd', // free-form below a map that is gone
        'rootUser:',
        '  password: s3cret', // renamed to auth.rootPassword
        'primary:',
        '  podAnnotations:',
        '    prometheus.io/scrape: "true"', // free-form below an empty-map default
        'podLabels:',
        '  team: db', // 7.x read podLabels; 8.0 moved it to primary.podLabels and nothing reads it
        'notAKey: 1', // in neither version
      ].join('\n'),
    );
    expect(statuses(file, head, base)).toEqual({
      'image.tag': 'ok',
      'master.persistence.size': 'removed',
      'master.nodeSelector.disktype': 'removed',
      'rootUser.password': 'removed',
      'primary.podAnnotations.prometheus\\.io/scrape': 'ok',
      'podLabels.team': 'removed',
      notAKey: 'unknown',
    });
  });

  it('reports the old default of a removed key', async () => {
    const { base, head } = await corpus.load('mariadb-7.10.4-to-8.0.0');
    const result = classifyOverride(key('master.persistence.size', '20Gi'), head, base, options);
    expect(result).toMatchObject({ status: 'removed', oldDefault: '8Gi' });
  });

  it('blackbox 9 -> 10: extraEnvFromSecret is removed and a map-style extraEnv is a type change', async () => {
    const { base, head } = await corpus.load('prometheus-blackbox-exporter-9.8.0-to-10.0.0');
    const file = overrideFile(
      'values/blackbox.yaml',
      ['extraEnvFromSecret:', '  - my-secret', 'extraEnv:', '  HTTP_PROXY: http://proxy:3128'].join('\n'),
    );
    const [removed, changed] = classifyOverrides(file.keys, head, base, options);
    expect(removed.status).toBe('removed');
    expect(changed).toMatchObject({
      status: 'type-changed',
      typeChange: { at: ['extraEnv'], before: 'map', after: 'list', override: 'map' },
    });
  });

  it('blackbox 9 -> 10: a list-style extraEnv already has the new shape', async () => {
    const { base, head } = await corpus.load('prometheus-blackbox-exporter-9.8.0-to-10.0.0');
    const file = overrideFile('values/blackbox.yaml', 'extraEnv:\n  - name: HTTP_PROXY\n    value: x\n');
    expect(statuses(file, head, base)).toEqual({ extraEnv: 'ok' });
  });

  it('mariadb 19 -> 20: global.storageClass left values.yaml but common still reads it, so it is not removed', async () => {
    const { base, head } = await corpus.load('mariadb-19.1.2-to-20.0.0');
    expect(head.ownDefaults.global).not.toHaveProperty('storageClass');
    const result = classifyOverride(key('global.storageClass', 'fast'), head, base, options);
    expect(result).toMatchObject({ status: 'ok', acceptedBy: 'template-read' });
  });

  it('kafka-exporter 2 -> 3: rbac.pspEnabled is removed', async () => {
    const { base, head } = await corpus.load('prometheus-kafka-exporter-2.18.0-to-3.0.0');
    const file = overrideFile('values/kafka-exporter.yaml', 'rbac:\n  pspEnabled: true\n  create: true\n');
    expect(statuses(file, head, base)).toEqual({ 'rbac.pspEnabled': 'removed', 'rbac.create': 'ok' });
  });

  it('kafka-exporter: keys of the disabled kafka subchart (and its zookeeper) are known', async () => {
    const { base, head } = await corpus.load('prometheus-kafka-exporter-2.18.0-to-3.0.0');
    const file = overrideFile(
      'values/kafka-exporter.yaml',
      'kafka:\n  enabled: true\n  replicaCount: 3\n  zookeeper:\n    replicaCount: 3\n',
    );
    expect(statuses(file, head, base)).toEqual({
      'kafka.enabled': 'ok',
      'kafka.replicaCount': 'ok',
      'kafka.zookeeper.replicaCount': 'ok',
    });
  });

  it('alertmanager 1.25 -> 1.26: persistence.labels.team is ok (the key was added as an empty map)', async () => {
    const { base, head } = await corpus.load('alertmanager-1.25.0-to-1.26.0');
    const result = classifyOverride(key('persistence.labels.team'), head, base, options);
    expect(result.status).toBe('ok');
  });

  it('alertmanager: a key the schema alone opens (additionalProperties) is not read: a schema is no evidence', async () => {
    const { head } = await corpus.load('alertmanager-1.25.0-to-1.26.0');
    const view = { ...head, defaults: {}, templateReads: [] };
    expect(classifyOverride(key('persistence.annotations.team'), view, undefined, { freeFormKeys: [] })).toMatchObject({
      status: 'unknown',
    });
  });
});

describe('override coverage rules', () => {
  const before: ValuesView = {
    defaults: { a: { b: 1 }, gone: { x: 1 }, opts: {}, nothing: null, list: [1], env: {} },
    templateReads: [],
  };
  const after: ValuesView = {
    defaults: { a: { b: 2 }, opts: {}, nothing: null, list: [2], env: [], config: { known: 1 } },
    templateReads: [['whole'], ['deep', 'inner', 'leaf']],
  };
  const classify = (path: string, value: unknown = 'x', freeFormKeys: string[] = []) =>
    classifyOverride(key(path, value), after, before, { freeFormKeys });

  it('accepts a key in the new defaults', () => {
    expect(classify('a.b')).toMatchObject({ status: 'ok', acceptedBy: 'default' });
  });

  it('accepts any key below an empty-map or null default', () => {
    expect(classify('opts.anything.deep')).toMatchObject({ status: 'ok', acceptedBy: 'free-form-default' });
    expect(classify('nothing.anything')).toMatchObject({ status: 'ok', acceptedBy: 'free-form-default' });
  });

  it('accepts keys below a configured free-form key only where the chart has that map', () => {
    expect(classify('config.extra', 'x', ['config'])).toMatchObject({ status: 'ok', acceptedBy: 'free-form-key' });
    expect(classify('labels.team', 'x', ['labels']).status).toBe('unknown'); // no labels map, nothing reads it
    // gone is gone, and the old chart had no gone.labels map and read none: never read, no proof needed
    expect(classify('gone.labels.team', 'x', ['labels'])).toMatchObject({ status: 'unknown' });
    expect(classify('gone.labels.team', 'x', ['labels']).weak).toBeUndefined();
  });

  it('a free-form name where the chart has no such map and nothing reads it: reported, the render proof may clear it', () => {
    expect(classify('config.extra', 'x', ['config']).weak).toBeUndefined(); // config is a map in the defaults
    expect(classify('labels.team', 'x', ['labels'])).toMatchObject({ status: 'unknown', weak: true }); // no labels map
    expect(classify('a.labels.team', 'x', ['labels'])).toMatchObject({ status: 'unknown', weak: true }); // a has none
    // a schema that lists the map is no evidence that a template reads it
    const withSchema = { ...after, schema: { properties: { a: { properties: { labels: { type: 'object' } } } } } };
    const viaSchema = classifyOverride(key('a.labels.team'), withSchema, before, { freeFormKeys: ['labels'] });
    expect(viaSchema).toMatchObject({ status: 'unknown', weak: true });
  });

  it('accepts a key a template reads whole, below it, or above a read', () => {
    expect(classify('whole.sub.key')).toMatchObject({ status: 'ok', acceptedBy: 'template-read' });
    expect(classify('deep.inner')).toMatchObject({ status: 'ok', acceptedBy: 'template-read' });
    expect(classify('deep.other').status).toBe('unknown');
  });

  it('a read of a map above the key (passed whole, a with/range scope) is weak; a read at or below it is not', () => {
    expect(classify('whole.sub.key')).toMatchObject({ status: 'ok', weak: true });
    expect(classify('deep.inner').weak).toBeUndefined();
    expect(classify('deep.inner.leaf').weak).toBeUndefined();
  });

  it('checks a list key, never its items', () => {
    expect(classify('list[3].name')).toMatchObject({ status: 'ok', path: ['list'] });
  });

  it('a key under a map that is gone is removed; a key no version knows is unknown', () => {
    expect(classify('gone.x').status).toBe('removed');
    expect(classify('never.seen').status).toBe('unknown');
  });

  it('without an old chart nothing is removed or type-changed, only unknown', () => {
    expect(classifyOverride(key('gone.x'), after, undefined, options).status).toBe('unknown');
    expect(classifyOverride(key('env.FOO'), after, undefined, { freeFormKeys: [] }).status).toBe('unknown');
  });

  it('a map default that became a list is a type change for map-style overrides, whatever the free-form keys say', () => {
    expect(classify('env.FOO', 'bar', ['env'])).toMatchObject({
      status: 'type-changed',
      typeChange: { at: ['env'], before: 'map', after: 'list' },
    });
  });

  it('a template expression value is opaque: no type change is claimed from it', () => {
    expect(classify('env', '{{ .Values.proxyEnv }}').status).toBe('ok');
    expect(classify('env', { FOO: 'bar' }).status).toBe('type-changed');
  });
});
