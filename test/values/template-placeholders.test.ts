import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/core/config/config.js';
import type { LoadedChart } from '../../src/core/model/model.js';
import { renderJobsFor } from '../../src/core/pipeline/chart-analysis.js';
import type { Snapshot } from '../../src/core/repo/snapshot.js';
import { getAt, type KeyPath } from '../../src/core/values/key-path.js';
import {
  DEFAULT_PLACEHOLDER,
  placeholderFor,
  placeholderName,
  withPlaceholders,
} from '../../src/core/values/template-placeholders.js';
import { parseValuesFile } from '../../src/core/values/values-file.js';
import { bumpContext } from './helpers.js';

// Kubernetes label values: at most 63 characters, alphanumeric at both ends, '-', '_' and '.' inside; DNS-1123 labels
// (names of Services, StatefulSets...) allow only lowercase alphanumerics and '-'.
const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** The implicit environment of a config without `environments`. */
const NO_ENVIRONMENT = { values: [], apiVersions: [], set: [] };

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

const defaults = {
  replicaCount: 1,
  metrics: { enabled: false },
  commonLabels: {},
  tolerations: [],
  service: { ports: { mysql: 3306 }, type: 'ClusterIP' },
};
const slot = (path: KeyPath) => getAt(defaults, path);

describe('template placeholders for the render', () => {
  it('replaces a standalone expression by a name that is a valid label value and DNS-1123 label', () => {
    for (const expression of [
      '{{ sanitized_name }}',
      '{{ .Values.global.clusterName }}',
      '{{- ENVIRONMENT_NAME_WITH_A_VERY_LONG_SUFFIX_THAT_GOES_ON_AND_ON_AND_ON_PAST_SIXTY_THREE -}}',
      '{{ 42 }}',
      '{{ true }}',
      '{{ "x" ~ y }}',
    ]) {
      const name = placeholderName(expression);
      expect(name, expression).toMatch(DNS_1123_LABEL);
      expect(name, expression).toMatch(LABEL_VALUE);
      expect(name.length, expression).toBeLessThanOrEqual(63);
      expect(name, expression).not.toContain('{{');
    }
    expect(placeholderName('{{ sanitized_name }}')).toBe('sanitized-name');
    expect(placeholderName('{{ 42 }}')).toBe(DEFAULT_PLACEHOLDER);
    expect(placeholderName('{{ true }}')).toBe(DEFAULT_PLACEHOLDER); // YAML would read `true` as a boolean
  });

  it('keeps a numeric, boolean, list or map slot typed: the chart default stands in', () => {
    expect(placeholderFor('{{ n }}', ['replicaCount'], slot)).toBe(1);
    expect(placeholderFor('{{ port }}', ['service', 'ports', 'mysql'], slot)).toBe(3306);
    expect(placeholderFor('{{ monitoring }}', ['metrics', 'enabled'], slot)).toBe(false);
    expect(placeholderFor('{{ tolerations | to_json }}', ['tolerations'], slot)).toEqual([]);
    // no default: a count-like key is numeric, anything else a name
    expect(placeholderFor('{{ n }}', ['replicas'], slot)).toBe(1);
    expect(placeholderFor('{{ n }}', ['sidecar', 'containerPort'], slot)).toBe(1);
    expect(placeholderFor('{{ kind }}', ['service', 'type'], slot)).toBe('kind');
    // `n` would be read as a boolean by YAML 1.1 if a template printed it unquoted
    expect(placeholderFor('{{ n }}', ['service', 'type'], slot)).toBe(DEFAULT_PLACEHOLDER);
  });

  it('replaces expressions embedded in a longer string in place', () => {
    expect(placeholderFor('{{ sanitized_name }}.example.com', ['ingress', 'hostname'], slot)).toBe(
      'sanitized-name.example.com',
    );
    // embedded in a string, even a numeric slot stays a string
    expect(placeholderFor('{{ count }}0', ['replicaCount'], slot)).toBe('count0');
    expect(placeholderFor('--level={{ level }} --x={{ 1 + 2 }}', ['args', 0], slot)).toBe(
      `--level=level --x=${DEFAULT_PLACEHOLDER}`,
    );
  });

  it('takes the first branch of inline blocks, like the whole-line ones', () => {
    expect(placeholderFor('{% if prod %}internet-facing{% else %}internal{% endif %}', ['scheme'], slot)).toBe(
      'internet-facing',
    );
    expect(placeholderFor('{% if prod %}{{ n }}{% else %}1{% endif %}', ['replicaCount'], slot)).toBe(1);
    expect(placeholderFor('a{# note #}b', ['x'], slot)).toBe('ab');
  });

  it("leaves expressions for the chart's own tpl alone", () => {
    for (const text of [
      '{{ .Release.Name }}-tls',
      '{{ include "common.names.fullname" . }}',
      '{{- if .Values.tls }}https{{ else }}http{{ end }}',
      '{{ $.Values.x | quote }}',
      '{{/* a comment */}}',
    ]) {
      expect(placeholderFor(text, ['x'], slot), text).toBe(text);
    }
    expect(placeholderFor('{{ .Release.Name }}.{{ domain }}', ['host'], slot)).toBe('{{ .Release.Name }}.domain');
    // Jinja syntax that starts like Go (a literal, a field) is still the pipeline's: tpl would reject it
    expect(placeholderFor('{{ "db-" ~ name }}', ['x'], slot)).not.toContain('{{');
    expect(placeholderFor('{{ .x is defined }}', ['x'], slot)).not.toContain('{{');
  });

  it('replaces every templated value of a parsed file and nothing else', () => {
    const file = parseValuesFile(
      'replicaCount: {{ n }}\ncommonLabels:\n  team: {{ sanitized_name }}\n  tier: db\nhost: "{{ sanitized_name }}.example.com"\n',
      'v.yaml',
    );
    const values = withPlaceholders(file.values, slot);
    expect(values).toEqual({
      replicaCount: 1,
      commonLabels: { team: 'sanitized-name', tier: 'db' },
      host: 'sanitized-name.example.com',
    });
    expect(file.values.replicaCount).toBe('{{ n }}'); // the key checks keep the opaque template
    expect(JSON.stringify(values)).not.toMatch(/\{\{|\{%/);
  });
});

describe('the values a render job gets', () => {
  const chart = (defaults: Record<string, unknown>) =>
    ({
      dir: 'charts/external-dns',
      metadata: { name: 'external-dns', annotations: {}, dependencies: [] },
      defaults,
    }) as unknown as LoadedChart;
  const file = parseValuesFile(
    'domainFilters: set-by-deploy-code\nreplicaCount: {{ n }}\ntxtOwnerId: {{ cluster_name }}\n',
    'values/external-dns.yaml',
  );

  it('has placeholders typed by the head defaults, then the structured code-set examples, which win', () => {
    const config = parseConfig(
      'charts:\n  external-dns:\n    set: { domainFilters: [example.com], txt: { prefix: a } }\n',
      '.github/chart-guard.yaml',
    );
    const context = {
      ...bumpContext({ name: 'external-dns', head: chart({ replicaCount: 2, domainFilters: [] }) }, [file]),
      chartConfig: config.charts['external-dns'],
    };
    const snapshot = {} as Snapshot;
    const [job] = renderJobsFor({
      context,
      snapshots: { base: snapshot, head: snapshot },
      environment: NO_ENVIRONMENT,
    });
    expect(job.values).toEqual([
      { domainFilters: 'set-by-deploy-code', replicaCount: 2, txtOwnerId: 'cluster-name' },
      { domainFilters: ['example.com'], txt: { prefix: 'a' } }, // later wins, like --set over -f
    ]);
  });

  it('types a slot by the base defaults when the head has none', () => {
    const context = {
      ...bumpContext({ name: 'external-dns', base: chart({ replicaCount: 3 }), head: chart({}) }, [file]),
      baseOverrides: [file],
    };
    const snapshot = {} as Snapshot;
    const jobs = renderJobsFor({ context, snapshots: { base: snapshot, head: snapshot }, environment: NO_ENVIRONMENT });
    expect(jobs.map((j) => j.values[0].replicaCount)).toEqual([3, 3]); // head and base see the same placeholder
  });
});
