import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartConfigFor, parseConfig, resolveEnvironments } from '../../src/core/config/config.js';
import { CHART, CONFIG_SCHEMA, ENVIRONMENT, keysOf } from '../../src/core/config/config-definition.js';
import { parseLockfile } from '../../src/core/lockfile/parse.js';
import { DEFAULT_FREE_FORM_KEYS } from '../../src/core/model/model.js';
import { PROJECT_DIR } from '../support/git-repo.js';

const PATH = '.github/chart-guard.yaml';
const FULL = `lockfile: ./lib/helm-freeze.yaml
values: ["values/{chart}.yaml", "{dest}/../chart_values/{chart}.yaml"]
kubernetes: { min: "1.29", max: v1.32.4 }
freeFormKeys: [extraArgs]
rules: { override-key-unknown: notice, resource-removed: off }
render: { enabled: false, helm: /usr/local/bin/helm, timeoutSeconds: 300, proofRenders: 3 }
charts:
  mariadb:
    values: ["envs/*/mariadb.yaml"]
    set: ["auth.rootPassword", "primary.persistence.size"]
    releaseName: db
    namespace: data
    rules: { override-key-unknown: off }
  lib/charts/redis/:
    set: { auth.password: "example", image.tag: 1.2, "podAnnotations.prometheus\\\\.io/scrape": "true" }
`;

const problemLines = (text: string) => parseConfig(text, PATH).problems.map((p) => `${p.line}: ${p.message}`);

describe('parseConfig', () => {
  it('reads the API versions the clusters serve, top-level and per chart, merged per chart', () => {
    const text = `apiVersions: [monitoring.coreos.com/v1, monitoring.coreos.com/v1/ServiceMonitor, v1]
charts:
  op:
    apiVersions: cert-manager.io/v1
  charts/op:
    apiVersions: [cert-manager.io/v1, policy/v1beta1/PodSecurityPolicy]
`;
    const config = parseConfig(text, PATH);
    expect(config.problems).toEqual([]);
    expect(config.apiVersions).toEqual(['monitoring.coreos.com/v1', 'monitoring.coreos.com/v1/ServiceMonitor', 'v1']);
    const entry = { name: 'op', dir: 'charts/op' } as Parameters<typeof chartConfigFor>[1];
    expect(chartConfigFor(config, entry).apiVersions).toEqual([
      'cert-manager.io/v1',
      'policy/v1beta1/PodSecurityPolicy',
    ]);
  });

  it('reports API versions that are not group/version[/Kind], at their line, and keeps the others', () => {
    const text = 'apiVersions:\n  - monitoring.coreos.com/v1\n  - ServiceMonitor\n  - monitoring.coreos.com\n  - 3\n';
    expect(problemLines(text)).toEqual([
      '3: apiVersions: "ServiceMonitor" is not an API version like monitoring.coreos.com/v1 or monitoring.coreos.com/v1/ServiceMonitor',
      '4: apiVersions: "monitoring.coreos.com" is not an API version like monitoring.coreos.com/v1 or monitoring.coreos.com/v1/ServiceMonitor',
      '5: each item of apiVersions must be a string',
    ]);
    expect(parseConfig(text, PATH).apiVersions).toEqual(['monitoring.coreos.com/v1']);
    expect(problemLines('apiVersions: {a: b}\n')).toEqual(['1: apiVersions must be an API version or a list of them']);
  });

  it('gives the defaults without a config file', () => {
    const config = parseConfig(undefined, undefined);
    expect(config).toEqual({
      lockfile: 'helm-freeze.yaml',
      values: [],
      freeFormKeys: DEFAULT_FREE_FORM_KEYS,
      rules: {},
      apiVersions: [],
      charts: {},
      set: [],
      environments: [],
      render: { enabled: true, timeoutSeconds: 120, proofRenders: 8 },
      redact: { keys: [], replace: false },
      acceptances: '.github/chart-guard-accepted.yaml',
      acceptanceMaxDays: 180,
      policyLines: {},
      problems: [],
    });
    expect(config.path).toBeUndefined();
  });

  it('reads every documented setting', () => {
    const config = parseConfig(FULL, PATH);
    expect(config.problems).toEqual([]);
    expect(config.path).toBe(PATH);
    expect(config.lockfile).toBe('lib/helm-freeze.yaml');
    expect(config.values).toEqual(['values/{chart}.yaml', '{dest}/../chart_values/{chart}.yaml']);
    expect(config.kubernetes).toEqual({ min: '1.29', max: '1.32' });
    expect(config.freeFormKeys).toEqual([...DEFAULT_FREE_FORM_KEYS, 'extraArgs']);
    expect(config.rules).toEqual({ 'override-key-unknown': 'notice', 'resource-removed': 'off' });
    expect(config.render).toEqual({
      enabled: false,
      helm: '/usr/local/bin/helm',
      timeoutSeconds: 300,
      proofRenders: 3,
    });
    expect(config.charts.mariadb).toEqual({
      values: ['envs/*/mariadb.yaml'],
      set: [
        { path: ['auth', 'rootPassword'], line: 10 },
        { path: ['primary', 'persistence', 'size'], line: 10 },
      ],
      releaseName: 'db',
      namespace: 'data',
      rules: { 'override-key-unknown': 'off' },
      line: 8,
    });
  });

  it('reads set as a map of key paths to example values, keyed by a chart folder', () => {
    const redis = parseConfig(FULL, PATH).charts['lib/charts/redis'];
    expect(redis.set).toEqual([
      { path: ['auth', 'password'], example: 'example', line: 15 },
      { path: ['image', 'tag'], example: 1.2, line: 15 },
      { path: ['podAnnotations', 'prometheus.io/scrape'], example: 'true', line: 15 },
    ]);
  });

  it.each([
    ['"1.31"', '1.31'],
    ['v1.31', '1.31'],
    ['1.31.4', '1.31'],
    ['1.30', '1.30'],
  ])('reads kubernetesVersion %s as %s', (written, expected) => {
    const config = parseConfig(`kubernetesVersion: ${written}\n`, PATH);
    expect(config.problems).toEqual([]);
    expect(config.kubernetes).toEqual({ min: expected, max: expected });
  });

  it('reads kubernetes as a single version', () => {
    expect(parseConfig('kubernetes: "1.29"\n', PATH).kubernetes).toEqual({ min: '1.29', max: '1.29' });
  });

  it('reads a one-sided kubernetes range as that single version', () => {
    expect(parseConfig('kubernetes: { max: "1.32" }\n', PATH).kubernetes).toEqual({ min: '1.32', max: '1.32' });
  });

  it('replaces the built-in free-form keys when asked to', () => {
    const config = parseConfig('freeFormKeys: [extraArgs]\nfreeFormKeysReplace: true\n', PATH);
    expect(config.freeFormKeys).toEqual(['extraArgs']);
  });

  it('reads redact keys and replace, and reports a wrong type at its line', () => {
    const config = parseConfig('redact:\n  keys: [stripeKey, app.config.dsn]\n  replace: true\n', PATH);
    expect(config.problems).toEqual([]);
    expect(config.redact).toEqual({ keys: ['stripeKey', 'app.config.dsn'], replace: true });
    expect(problemLines('redact:\n  keys: 3\n  hide: [x]\n')).toEqual([
      '2: redact.keys must be a list of strings',
      '3: unknown key in redact "hide" (known: keys, replace)',
    ]);
  });

  it('takes a single pattern string for values', () => {
    expect(parseConfig('values: values/{chart}.yaml\n', PATH).values).toEqual(['values/{chart}.yaml']);
  });

  it('reads an empty file as the defaults', () => {
    const config = parseConfig('# nothing configured yet\n', PATH);
    expect(config).toMatchObject({ lockfile: 'helm-freeze.yaml', problems: [], path: PATH });
  });

  it('reads the demo configuration of this project without problems', () => {
    const config = parseConfig(readFileSync(join(PROJECT_DIR, PATH), 'utf8'), PATH);
    expect(config.problems).toEqual([]);
  });
});

describe('parseConfig problems', () => {
  it('reports a YAML syntax error with its line and keeps the defaults', () => {
    const config = parseConfig('lockfile: a.yaml\nvalues: [a\nrules:\n', PATH);
    expect(config.lockfile).toBe('helm-freeze.yaml');
    expect(config.problems[0]).toMatchObject({
      file: PATH,
      line: expect.any(Number),
      message: expect.stringMatching(/not valid YAML/),
    });
  });

  it('reports unknown keys at every level with their lines', () => {
    expect(problemLines('lockfiel: x.yaml\nrender: { enable: false }\ncharts:\n  mariadb:\n    valeus: []\n')).toEqual([
      `1: unknown top-level key "lockfiel" (did you mean "lockfile"? known: ${keysOf(CONFIG_SCHEMA).join(', ')})`,
      '2: unknown key in render "enable" (did you mean "enabled"? known: enabled, helm, timeoutSeconds, proofRenders)',
      `5: unknown key in charts.mariadb "valeus" (did you mean "values"? known: ${keysOf(CHART).join(', ')})`,
    ]);
  });

  it('reports wrong types and keeps the default for that setting', () => {
    const text =
      'lockfile: [a]\nvalues: { a: 1 }\nrender:\n  enabled: "yes"\n  timeoutSeconds: -1\n  proofRenders: 1.5\nfreeFormKeysReplace: 1\n';
    const config = parseConfig(text, PATH);
    expect(config.problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '1: lockfile must be a string',
      '2: values must be a list of strings',
      '4: render.enabled must be true or false',
      '5: render.timeoutSeconds must be a number of seconds above 0',
      '6: render.proofRenders must be a whole number of renders, 0 or more',
      '7: freeFormKeysReplace must be true or false',
    ]);
    expect(config).toMatchObject({
      lockfile: 'helm-freeze.yaml',
      values: [],
      render: { enabled: true, timeoutSeconds: 120, proofRenders: 8 },
    });
  });

  it('reports unknown rule ids and unknown severities', () => {
    expect(
      problemLines('rules:\n  override-key-unkown: off\n  resource-removed: warn\n  api-removed: error\n'),
    ).toEqual([
      '2: unknown rule id "override-key-unkown" in rules (did you mean "override-key-unknown"?)',
      '3: rules.resource-removed must be one of error, warning, notice, off',
    ]);
    expect(parseConfig('rules:\n  api-removed: error\n', PATH).rules).toEqual({ 'api-removed': 'error' });
  });

  it('reports a bad rule id in a chart section', () => {
    expect(problemLines('charts:\n  mariadb:\n    rules: { no-such-rule: off }\n')).toEqual([
      '3: unknown rule id "no-such-rule" in charts.mariadb.rules',
    ]);
  });

  it('reports a malformed key path in set, on its own line, and keeps the others', () => {
    const text = 'charts:\n  mariadb:\n    set:\n      - auth.rootPassword\n      - auth..password\n      - list[x]\n';
    const config = parseConfig(text, PATH);
    expect(config.problems.map((p) => p.line)).toEqual([5, 6]);
    expect(config.problems[0].message).toMatch(/charts\.mariadb\.set: malformed key path "auth\.\.password"/);
    expect(config.charts.mariadb.set).toEqual([{ path: ['auth', 'rootPassword'], line: 4 }]);
  });

  it('reports an unknown placeholder in a values pattern', () => {
    expect(problemLines('values:\n  - values/{name}.yaml\n  - values/{a,b}/{chart}.yaml\n')).toEqual([
      '2: values: unknown placeholder {name} in "values/{name}.yaml" (known: {chart}, {dir}, {dest}, {lockdir})',
    ]);
  });

  it('reports a kubernetes version that is not a version', () => {
    expect(problemLines('kubernetesVersion: latest\n')).toEqual([
      '1: kubernetesVersion must be a Kubernetes version like "1.31"',
    ]);
  });

  it('reports a kubernetes range whose min is newer than its max, and swaps them', () => {
    const config = parseConfig('kubernetes:\n  min: "1.32"\n  max: "1.29"\n', PATH);
    expect(config.problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '2: kubernetes.min (1.32) is newer than kubernetes.max (1.29)',
    ]);
    expect(config.kubernetes).toEqual({ min: '1.29', max: '1.32' });
  });

  it('reports kubernetes and kubernetesVersion set together', () => {
    const config = parseConfig('kubernetes: "1.29"\nkubernetesVersion: "1.31"\n', PATH);
    expect(config.problems.map((p) => p.message)).toEqual(['set either kubernetes or kubernetesVersion, not both']);
    expect(config.kubernetes).toEqual({ min: '1.29', max: '1.29' });
  });

  it('reports a configuration that is not a map', () => {
    expect(problemLines('- lockfile\n')).toEqual(['1: the configuration must be a map of settings']);
  });
});

describe('chartConfigFor', () => {
  const lock = parseLockfile(
    'charts:\n  - name: mariadb\n    version: 1.0.0\n    repo_name: r\n  - name: mariadb\n    version: 2.0.0\n    repo_name: r\n    dest: services\nrepos:\n  - name: r\n    url: https://r\ndestinations:\n  - name: default\n    path: charts\n  - name: services\n    path: services\n',
    'helm-freeze.yaml',
  );
  const [defaultMariadb, servicesMariadb] = lock.charts;

  it('finds the settings of an entry by its name', () => {
    const config = parseConfig('charts:\n  mariadb:\n    releaseName: db\n', PATH);
    expect(chartConfigFor(config, defaultMariadb)).toMatchObject({ releaseName: 'db' });
  });

  it('lets settings keyed by folder tell apart two entries of the same name, and win over the name', () => {
    const config = parseConfig(
      'charts:\n  mariadb:\n    releaseName: db\n    values: [a.yaml]\n    rules: { api-removed: warning }\n  services/mariadb:\n    releaseName: db-services\n    values: [b.yaml]\n',
      PATH,
    );
    expect(chartConfigFor(config, defaultMariadb)).toMatchObject({ releaseName: 'db', values: ['a.yaml'] });
    expect(chartConfigFor(config, servicesMariadb)).toEqual({
      releaseName: 'db-services',
      namespace: undefined,
      values: ['a.yaml', 'b.yaml'],
      set: [],
      rules: { 'api-removed': 'warning' },
    });
  });

  it('gives empty settings to an entry the config does not name', () => {
    expect(chartConfigFor(parseConfig(undefined, undefined), defaultMariadb)).toEqual({
      values: [],
      set: [],
      rules: {},
    });
  });
});

describe('parseConfig on hostile keys', () => {
  it('keeps a chart named __proto__ as a plain entry', () => {
    const config = parseConfig('charts:\n  __proto__:\n    releaseName: x\n', PATH);
    expect(config.problems).toEqual([]);
    expect(Object.keys(config.charts)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).releaseName).toBeUndefined();
  });
});

describe('templates and structured set values', () => {
  it('reads set examples that are lists and maps as they are written', () => {
    const config = parseConfig(
      'charts:\n  external-dns:\n    set:\n      domainFilters: [example.com]\n      txt: { owner: a, prefix: b }\n      replicas: 2\n',
      PATH,
    );
    expect(config.problems).toEqual([]);
    expect(config.charts['external-dns'].set).toEqual([
      { path: ['domainFilters'], example: ['example.com'], line: 4 },
      { path: ['txt'], example: { owner: 'a', prefix: 'b' }, line: 5 },
      { path: ['replicas'], example: 2, line: 6 },
    ]);
  });

  it('reads templates at the top level and per chart; the chart wins', () => {
    const config = parseConfig(
      'templates: { engine: jinja, context: ./ci/template-context.yaml }\ncharts:\n  db:\n    templates:\n      context: ci/db.yaml\n',
      PATH,
    );
    expect(config.problems).toEqual([]);
    expect(config.templates).toEqual({ engine: 'jinja', context: 'ci/template-context.yaml', line: 1 });
    const lockfile = parseLockfile(
      'charts:\n  - name: db\n    version: 1.0.0\n  - name: web\n    version: 1.0.0\ndestinations:\n  - name: default\n    path: ./charts\n',
      'helm-freeze.yaml',
    );
    const [db, web] = lockfile.charts;
    // as a render picks them (chart-analysis.ts): the chart's own, else its environment's (the top-level one here)
    const [environment] = resolveEnvironments(config);
    const templatesOf = (entry: typeof db) => chartConfigFor(config, entry).templates ?? environment.templates;
    expect(templatesOf(db)).toEqual({ engine: 'jinja', context: 'ci/db.yaml', line: 5 });
    expect(templatesOf(web)?.context).toBe('ci/template-context.yaml');
  });

  it('reports an unknown engine and a missing context with their lines', () => {
    const config = parseConfig(
      'templates:\n  engine: tera\n  context: ci/x.yaml\ncharts:\n  db:\n    templates: { engine: jinja }\n',
      PATH,
    );
    expect(config.problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '2: templates.engine must be one of jinja',
      '6: charts.db.templates.context is required: the YAML file of variables to render override files with',
    ]);
  });
});

describe('environments', () => {
  const ENVIRONMENTS = [
    'values: ["values/{chart}.yaml"]',
    'kubernetes: "1.31"',
    'apiVersions: [monitoring.coreos.com/v1]',
    'set: { global.cloud: none, global.region: eu }',
    'templates: { context: ci/context.yaml }',
    'environments:',
    '  aws:',
    '    values: ["envs/aws/{chart}.yaml"]',
    '    kubernetes: { min: "1.29", max: "1.30" }',
    '    apiVersions: [cert-manager.io/v1, monitoring.coreos.com/v1]',
    '    set: { global.cloud: aws }',
    '  gcp:',
    '    templates: { context: ci/gcp.yaml }',
    '',
  ].join('\n');

  it('reads each environment in config order, with its line', () => {
    const config = parseConfig(ENVIRONMENTS, PATH);
    expect(config.problems).toEqual([]);
    expect(config.environments.map((e) => [e.name, e.line, e.values])).toEqual([
      ['aws', 7, ['envs/aws/{chart}.yaml']],
      ['gcp', 12, []],
    ]);
    expect(config.set.map((s) => [s.path, s.example])).toEqual([
      [['global', 'cloud'], 'none'],
      [['global', 'region'], 'eu'],
    ]);
  });

  it('merges the top-level settings: values appended, kubernetes replaced, apiVersions joined, set by key', () => {
    const [aws, gcp] = resolveEnvironments(parseConfig(ENVIRONMENTS, PATH));
    expect(aws).toMatchObject({
      name: 'aws',
      values: ['values/{chart}.yaml', 'envs/aws/{chart}.yaml'],
      kube: { min: '1.29', max: '1.30' },
      apiVersions: ['monitoring.coreos.com/v1', 'cert-manager.io/v1'],
      templates: { engine: 'jinja', context: 'ci/context.yaml' },
    });
    // a key set in both keeps its place and takes the environment's example
    expect(aws.set.map((s) => [s.path.join('.'), s.example])).toEqual([
      ['global.cloud', 'aws'],
      ['global.region', 'eu'],
    ]);
    expect(gcp).toMatchObject({
      name: 'gcp',
      values: ['values/{chart}.yaml'],
      kube: { min: '1.31', max: '1.31' },
      apiVersions: ['monitoring.coreos.com/v1'],
      templates: { context: 'ci/gcp.yaml' },
    });
  });

  it('gives one implicit, unnamed environment without `environments`, and lets --kube-version replace every target', () => {
    const plain = parseConfig('values: [a.yaml]\nkubernetes: "1.28"\n', PATH);
    expect(resolveEnvironments(plain)).toEqual([
      { values: ['a.yaml'], kube: { min: '1.28', max: '1.28' }, apiVersions: [], set: [] },
    ]);
    const flag = { min: '1.32', max: '1.32' };
    expect(resolveEnvironments(parseConfig(ENVIRONMENTS, PATH), flag).map((e) => e.kube)).toEqual([flag, flag]);
  });

  it('reports mistakes with their lines and keeps the rest', () => {
    const text = [
      'environments:',
      '  aws:',
      '    valuez: [a.yaml]',
      '    kubernetes: "latest"',
      '  "bad name": {}',
      '  gcp: [a, b]',
      '  azure:',
      '    values: ["envs/azure/{chart}.yaml"]',
      '',
    ].join('\n');
    expect(problemLines(text)).toEqual([
      `3: unknown key in environments.aws "valuez" (did you mean "values"? known: ${keysOf(ENVIRONMENT).join(', ')})`,
      '4: environments.aws.kubernetes must be a Kubernetes version like "1.31"',
      '5: each key of environments must be a name of letters, digits, ".", "_" or "-" (got "bad name")',
      '6: environments.gcp must be a map',
    ]);
    expect(parseConfig(text, PATH).environments.map((e) => e.name)).toEqual(['aws', 'gcp', 'azure']);
  });
});
