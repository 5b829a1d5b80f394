import { describe, expect, it } from 'vitest';
import { formatKeyPath } from '../../src/core/values/key-path.js';
import { isTemplated, keysFromSetList, parseValuesFile } from '../../src/core/values/values-file.js';

const keyLines = (text: string) =>
  parseValuesFile(text, 'values/app.yaml').keys.map((k) => `${k.line}: ${formatKeyPath(k.path)}`);

describe('parseValuesFile', () => {
  it('lists leaf keys with their lines', () => {
    const file = parseValuesFile(
      'image:\n  repository: bitnami/mariadb\n  tag: 10.5.8\nreplicaCount: 2\n',
      'values/mariadb.yaml',
    );
    expect(file.error).toBeUndefined();
    expect(file.keys).toEqual([
      { path: ['image', 'repository'], value: 'bitnami/mariadb', file: 'values/mariadb.yaml', line: 2, source: 'file' },
      { path: ['image', 'tag'], value: '10.5.8', file: 'values/mariadb.yaml', line: 3, source: 'file' },
      { path: ['replicaCount'], value: 2, file: 'values/mariadb.yaml', line: 4, source: 'file' },
    ]);
    expect(file.values).toEqual({ image: { repository: 'bitnami/mariadb', tag: '10.5.8' }, replicaCount: 2 });
  });

  it('treats a list as one key, as Helm replaces lists whole', () => {
    const file = parseValuesFile('extraEnv:\n  - name: A\n    value: "1"\n  - name: B\n', 'v.yaml');
    expect(file.keys.map((k) => [formatKeyPath(k.path), k.value])).toEqual([
      ['extraEnv', [{ name: 'A', value: '1' }, { name: 'B' }]],
    ]);
  });

  it('treats an empty map and a null as keys', () => {
    expect(keyLines('podAnnotations: {}\nmaster:\n  persistence: ~\nslave:\n')).toEqual([
      '1: podAnnotations',
      '3: master.persistence',
      '4: slave',
    ]);
  });

  it('keeps a dot inside a key name as part of the key', () => {
    expect(keyLines('podAnnotations:\n  prometheus.io/scrape: "true"\n')).toEqual([
      '2: podAnnotations.prometheus\\.io/scrape',
    ]);
  });

  it('follows anchors and merge keys', () => {
    const file = parseValuesFile(
      'base: &base\n  cpu: 1\n  memory: 1Gi\nprimary:\n  <<: *base\n  memory: 2Gi\n',
      'v.yaml',
    );
    expect(file.keys.map((k) => `${k.line}: ${formatKeyPath(k.path)}=${k.value}`)).toEqual([
      '2: base.cpu=1',
      '3: base.memory=1Gi',
      '6: primary.memory=2Gi',
      '5: primary.cpu=1',
    ]);
  });

  it('reads an empty file as no keys', () => {
    expect(parseValuesFile('', 'v.yaml')).toEqual({ path: 'v.yaml', values: {}, keys: [], skipped: [] });
    expect(parseValuesFile('# all defaults\n', 'v.yaml').keys).toEqual([]);
  });

  it('reads only the first YAML document with helm 3, and notes the line of the ignored ones', () => {
    const file = parseValuesFile('a: 1\n---\nb: 2\n---\nc: 3\n', 'v.yaml', { helmMajor: 3 });
    expect(file.keys.map((k) => `${k.line}: ${formatKeyPath(k.path)}`)).toEqual(['1: a']);
    expect(file.values).toEqual({ a: 1 });
    expect(file.ignoredDocuments).toEqual({ line: 2, count: 2 });
  });

  it('does not note empty trailing documents with helm 3', () => {
    const file = parseValuesFile('a: 1\n---\n# nothing\n---\n', 'v.yaml', { helmMajor: 3 });
    expect(file.ignoredDocuments).toBeUndefined();
  });

  it('merges every YAML document with helm 4, later documents over earlier ones, at the line helm uses', () => {
    const text =
      'replicaCount: 2\nimage: {tag: "5"}\nextra: {a: 1}\n---\nimage: {repository: foo}\nextra: {b: 2}\n---\nreplicaCount: 7\n';
    const file = parseValuesFile(text, 'v.yaml', { helmMajor: 4 });
    expect(file.error).toBeUndefined();
    expect(file.values).toEqual({ replicaCount: 7, image: { tag: '5', repository: 'foo' }, extra: { a: 1, b: 2 } });
    expect(file.keys.map((k) => `${k.line}: ${formatKeyPath(k.path)}=${JSON.stringify(k.value)}`)).toEqual([
      '2: image.tag="5"',
      '3: extra.a=1',
      '5: image.repository="foo"',
      '6: extra.b=2',
      '8: replicaCount=7',
    ]);
    expect(file.ignoredDocuments).toBeUndefined();
  });

  it('with helm 4, a later null or scalar replaces the keys an earlier document set below it', () => {
    const file = parseValuesFile(
      'image: {tag: "5", pullPolicy: Always}\n---\nimage: {tag: null}\n---\nx: {y: 1}\n---\nx: 2\n',
      'v.yaml',
    );
    expect(file.values).toEqual({ image: { tag: null, pullPolicy: 'Always' }, x: 2 });
    expect(file.keys.map((k) => `${k.line}: ${formatKeyPath(k.path)}`)).toEqual([
      '1: image.pullPolicy',
      '3: image.tag',
      '7: x',
    ]);
  });

  it('with helm 4, a later document that is not a map makes the file invalid, as helm fails on it', () => {
    const file = parseValuesFile('a: 1\n---\n- b\n', 'v.yaml', { helmMajor: 4 });
    expect(file.error).toMatchObject({ file: 'v.yaml', line: 3 });
  });

  it('reports a syntax error with its line and keeps what could be read', () => {
    const file = parseValuesFile('image:\n  tag: 1.0\nresources: [cpu\nreplicaCount: 2\n', 'values/app.yaml');
    expect(file.error).toMatchObject({ file: 'values/app.yaml', line: 4 });
    expect(file.error?.message).toMatch(/^values\/app\.yaml is not valid YAML/);
    expect(file.keys.map((k) => formatKeyPath(k.path))).toContain('image.tag');
  });

  it('reports a file that is not a map of keys', () => {
    const file = parseValuesFile('- a\n- b\n', 'values/app.yaml');
    expect(file.error).toEqual({
      file: 'values/app.yaml',
      line: 1,
      message: 'values/app.yaml must be a map of values keys',
    });
    expect(file.keys).toEqual([]);
  });

  it('reads CRLF line endings with the same lines', () => {
    expect(keyLines('a: 1\r\nb:\r\n  c: 2\r\n')).toEqual(['1: a', '3: b.c']);
  });
});

describe('parseValuesFile on templated values files', () => {
  // A values file rendered by a deploy pipeline (Jinja, as in Ansible) before Helm reads it.
  const JINJA = `# mariadb overrides
image:
  tag: {{ mariadb_tag }}   # pinned by the pipeline
{% if env == "prod" %}
primary:
  persistence:
    size: 100Gi
{% else %}
primary:
  persistence:
    size: 8Gi
{% endif %}
auth:
  rootPassword: {{ secret }}
  database: "{{ app }}_db"
{# the replication user is created by the operator #}
replication: {{ replication | default("false") }}
`;

  it('skips Jinja control lines and keeps the line numbers of the rest', () => {
    const file = parseValuesFile(JINJA, 'values/mariadb.yaml');
    expect(file.error).toBeUndefined();
    expect(file.skipped).toEqual([
      { line: 4, text: '{% if env == "prod" %}' },
      { line: 8, text: '{% else %}' },
      { line: 12, text: '{% endif %}' },
      { line: 16, text: '{# the replication user is created by the operator #}' },
    ]);
    expect(file.keys.map((k) => `${k.line}: ${formatKeyPath(k.path)}`)).toEqual([
      '3: image.tag',
      '7: primary.persistence.size',
      '14: auth.rootPassword',
      '15: auth.database',
      '17: replication',
    ]);
  });

  it('keeps template placeholders as opaque strings', () => {
    const file = parseValuesFile(JINJA, 'values/mariadb.yaml');
    expect(file.values).toMatchObject({
      image: { tag: '{{ mariadb_tag }}' },
      auth: { rootPassword: '{{ secret }}', database: '{{ app }}_db' },
      replication: '{{ replication | default("false") }}',
    });
    expect(isTemplated(file.values.replication as string)).toBe(true);
  });

  it('skips Go-template control lines', () => {
    const text =
      'ingress:\n{{- if .Values.tls }}\n  tls: true\n{{- end }}\n  host: {{ .Values.host }}\n{{/* a comment */}}\n';
    const file = parseValuesFile(text, 'v.yaml');
    expect(file.skipped.map((s) => s.line)).toEqual([2, 4, 6]);
    expect(file.keys.map((k) => `${k.line}: ${formatKeyPath(k.path)}=${k.value}`)).toEqual([
      '3: ingress.tls=true',
      '5: ingress.host={{ .Values.host }}',
    ]);
  });

  it('quotes placeholders in list items', () => {
    const file = parseValuesFile('args:\n  - --level={{ level }}\n  - {{ extra_arg }}\n', 'v.yaml');
    expect(file.values).toEqual({ args: ['--level={{ level }}', '{{ extra_arg }}'] });
  });

  it('skips a key whose name is a placeholder, with its subtree', () => {
    const file = parseValuesFile(
      'podLabels:\n  team: db\n  {{ label_key }}: x\n{{ component }}:\n  enabled: true\n',
      'v.yaml',
    );
    expect(file.keys.map((k) => formatKeyPath(k.path))).toEqual(['podLabels.team']);
    expect(file.skipped).toEqual([
      { line: 3, text: '{{ label_key }}: x (templated key name)' },
      { line: 4, text: '{{ component }}: (templated key name)' },
    ]);
    expect(file.values).toEqual({ podLabels: { team: 'db' } });
  });

  it('leaves block scalar content alone, template lines included', () => {
    const text = 'config: |\n  [mysqld]\n  {{ extra_config }}\n  max_connections=100\nnext: 1\n';
    const file = parseValuesFile(text, 'v.yaml');
    expect(file.skipped).toEqual([]);
    expect(file.values).toEqual({ config: '[mysqld]\n{{ extra_config }}\nmax_connections=100\n', next: 1 });
    expect(file.keys.map((k) => `${k.line}: ${formatKeyPath(k.path)}`)).toEqual(['1: config', '5: next']);
  });

  it('leaves comments that mention templates alone', () => {
    const file = parseValuesFile('# set {{ tag }} in CI\nreplicas: 2 # or {{ n }} in prod\n', 'v.yaml');
    expect(file.error).toBeUndefined();
    expect(file.values).toEqual({ replicas: 2 });
  });

  // A backtracking matcher would hang here (the test timeout catches it); speed itself is measured by the bench.
  it('reads a long line of many template tags', () => {
    const line = `${'{{ a }}'.repeat(5_000)} trailing text`;
    const file = parseValuesFile(`key: 1\n${line}\n`, 'v.yaml');
    expect(file.keys.map((k) => formatKeyPath(k.path))).toContain('key');
  });

  it('reports a key set in both branches of an if once, at its first line', () => {
    expect(keyLines('{% if prod %}\nreplicas: 3\n{% else %}\nreplicas: 1\n{% endif %}\n')).toEqual(['2: replicas']);
  });
});

describe('keysFromSetList', () => {
  it('turns the config set list into override keys from the config file', () => {
    const keys = keysFromSetList(
      [
        { path: ['auth', 'rootPassword'], line: 10 },
        { path: ['image', 'tag'], example: '1.2', line: 11 },
      ],
      '.github/chart-guard.yaml',
    );
    expect(keys).toEqual([
      {
        path: ['auth', 'rootPassword'],
        value: undefined,
        file: '.github/chart-guard.yaml',
        line: 10,
        source: 'config',
      },
      { path: ['image', 'tag'], value: '1.2', file: '.github/chart-guard.yaml', line: 11, source: 'config' },
    ]);
  });
});

describe('parseValuesFile: one branch of each template block', () => {
  const TEXT = `name: {{ sanitized_name }}
{% if publicly_accessible %}
service:
  type: LoadBalancer
{% elif internal %}
service:
  type: NodePort
{% else %}
service:
  type: ClusterIP
  clusterIP: None
{% endif %}
{% for zone in zones %}
zone: {{ zone }}
{% else %}
noZone: true
{% endfor %}
`;

  it('reads the first branch of an if and a for body once, and lists the lines of the other branches', () => {
    const file = parseValuesFile(TEXT, 'v.yaml');
    expect(file.values).toEqual({
      name: '{{ sanitized_name }}',
      service: { type: 'LoadBalancer' },
      zone: '{{ zone }}',
    });
    expect(file.keys.map((k) => `${k.line}: ${formatKeyPath(k.path)}`)).toEqual([
      '1: name',
      '4: service.type',
      '14: zone',
    ]);
    expect(file.notTaken).toEqual([
      { from: 6, to: 11 },
      { from: 16, to: 16 },
    ]);
  });

  it('takes the value of the first branch where both branches set a key', () => {
    const file = parseValuesFile('{% if prod %}\nreplicas: 3\n{% else %}\nreplicas: 1\n{% endif %}\n', 'v.yaml');
    expect(file.values).toEqual({ replicas: 3 });
    expect(file.keys).toEqual([expect.objectContaining({ path: ['replicas'], value: 3, line: 2 })]);
  });

  it('leaves the other branch of a nested block out, and everything inside an untaken branch', () => {
    const text =
      '{% if a %}\n{% if b %}\nx: 1\n{% else %}\ny: 1\n{% endif %}\n{% else %}\n{% if c %}\nz: 1\n{% endif %}\n{% endif %}\nw: 1\n';
    const file = parseValuesFile(text, 'v.yaml');
    expect(file.values).toEqual({ x: 1, w: 1 });
    // lines 6-8 are control lines of the untaken branches: the range runs across them
    expect(file.notTaken).toEqual([{ from: 5, to: 9 }]);
  });

  it('understands Go-template blocks the same way', () => {
    const file = parseValuesFile('{{- if .Values.tls }}\ntls: true\n{{- else }}\ntls: false\n{{- end }}\n', 'v.yaml');
    expect(file.values).toEqual({ tls: true });
    expect(file.notTaken).toEqual([{ from: 4, to: 4 }]);
  });

  it('has no notTaken lines for a file without else branches', () => {
    expect(parseValuesFile('{% if a %}\nx: 1\n{% endif %}\n', 'v.yaml').notTaken).toBeUndefined();
  });
});
