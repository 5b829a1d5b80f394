// A chart the size of kube-prometheus-stack, for the benchmark: crds/ and templates that together render about
// 5 MB. Real charts of that size are mostly CRD schemas (long descriptions, deep nesting, several served versions)
// and dashboard ConfigMaps (JSON); this one is built the same way, deterministically, in two versions a bump
// moves between: the new one changes a few schema fields, image tags and a renamed values key, and adds objects,
// so a review has real work to do (CRD diff, rendered diff, override checks) on every byte.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const CRD_KINDS = [
  'Alertmanager',
  'AlertmanagerConfig',
  'PodMonitor',
  'Probe',
  'Prometheus',
  'PrometheusAgent',
  'PrometheusRule',
  'ScrapeConfig',
  'ServiceMonitor',
  'ThanosRuler',
];
const DASHBOARDS = 36;
const EXPORTERS = 12;

/** Writes the chart at `dir` (replaced) in version 'old' or 'new'; returns its Chart.yaml version. */
export function writeLargeChart(dir, side) {
  rmSync(dir, { recursive: true, force: true });
  const version = side === 'old' ? '65.1.0' : '66.0.0';
  const files = {
    'Chart.yaml': `apiVersion: v2\nname: monitoring-stack\nversion: ${version}\nappVersion: v0.${side === 'old' ? 77 : 78}.0\ntype: application\nkubeVersion: ">=1.19.0-0"\n`,
    'values.yaml': values(side),
    'templates/_helpers.tpl': HELPERS,
    'templates/operator.yaml': operator(),
    'templates/prometheus.yaml': prometheus(side),
    'templates/rbac.yaml': rbac(side),
    ...Object.fromEntries(
      Array.from({ length: EXPORTERS }, (_, i) => [`templates/exporters/exporter-${i}.yaml`, exporter(i, side)]),
    ),
    ...Object.fromEntries(
      Array.from({ length: DASHBOARDS }, (_, i) => [`templates/dashboards/dashboard-${i}.yaml`, dashboard(i, side)]),
    ),
    // generated CRD files start with `---`, as controller-gen writes them
    ...Object.fromEntries(
      CRD_KINDS.map((kind, i) => [`crds/crd-${kind.toLowerCase()}s.yaml`, `---\n${crd(kind, i, side)}`]),
    ),
  };
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return version;
}

// ---------- values ----------

function values(side) {
  const lines = ['# Default values for monitoring-stack.', 'nameOverride: ""', 'fullnameOverride: ""', ''];
  lines.push('operator:', '  enabled: true', '  image:', '    repository: quay.io/prometheus-operator/operator');
  lines.push(`    tag: v0.${side === 'old' ? 77 : 78}.0`, '  replicas: 1', '  resources: {}', '');
  lines.push('prometheus:', '  enabled: true', '  replicas: 2', `  retention: ${side === 'old' ? '10d' : '15d'}`);
  // the bump renames storageSpec to storage, as real charts do between majors
  lines.push(side === 'old' ? '  storageSpec:' : '  storage:', '    size: 50Gi', '    storageClassName: ""', '');
  lines.push('exporters:');
  for (let i = 0; i < EXPORTERS; i++) {
    lines.push(`  exporter${i}:`, '    enabled: true', `    port: ${9100 + i}`, '    image:');
    lines.push(`      repository: quay.io/prometheus/exporter-${i}`, `      tag: v1.${side === 'old' ? 8 : 9}.${i}`);
    lines.push('    resources:', '      limits: { cpu: 200m, memory: 128Mi }', '    tolerations: []', '');
  }
  lines.push('dashboards:', '  enabled: true', '  labels:', '    grafana_dashboard: "1"', '');
  // documented settings, like the large commented values files of real stacks (about 150 KB)
  for (let i = 0; i < 400; i++) {
    lines.push(`## @param tuning.setting${i} ${prose(i, 24)}`, `## ${prose(i + 7, 30)}`);
  }
  lines.push('tuning:');
  for (let i = 0; i < 400; i++) lines.push(`  setting${i}: ${i % 3 === 0 ? 'true' : i % 3 === 1 ? i : `"value-${i}"`}`);
  return `${lines.join('\n')}\n`;
}

// ---------- templates ----------

const HELPERS = `{{- define "stack.fullname" -}}
{{- default (printf "%s-%s" .Release.Name "stack") .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- define "stack.labels" -}}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}
`;

function operator() {
  return `{{- if .Values.operator.enabled }}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "stack.fullname" . }}-operator
  labels:
    {{- include "stack.labels" . | nindent 4 }}
spec:
  replicas: {{ .Values.operator.replicas }}
  selector:
    matchLabels:
      app: {{ include "stack.fullname" . }}-operator
  template:
    metadata:
      labels:
        app: {{ include "stack.fullname" . }}-operator
    spec:
      serviceAccountName: {{ include "stack.fullname" . }}-operator
      containers:
        - name: operator
          image: "{{ .Values.operator.image.repository }}:{{ .Values.operator.image.tag }}"
          args: ["--kubelet-service=kube-system/kubelet", "--localhost=127.0.0.1"]
          resources: {{ toYaml .Values.operator.resources | nindent 12 }}
---
apiVersion: v1
kind: Service
metadata:
  name: {{ include "stack.fullname" . }}-operator
  labels:
    {{- include "stack.labels" . | nindent 4 }}
spec:
  selector:
    app: {{ include "stack.fullname" . }}-operator
  ports:
    - name: https
      port: 443
      targetPort: 10250
{{- end }}
`;
}

function prometheus(side) {
  const storage = side === 'old' ? '.Values.prometheus.storageSpec' : '.Values.prometheus.storage';
  return `{{- if .Values.prometheus.enabled }}
apiVersion: monitoring.coreos.com/v1
kind: Prometheus
metadata:
  name: {{ include "stack.fullname" . }}-prometheus
  labels:
    {{- include "stack.labels" . | nindent 4 }}
spec:
  replicas: {{ .Values.prometheus.replicas }}
  retention: {{ .Values.prometheus.retention }}
  storage:
    volumeClaimTemplate:
      spec:
        resources:
          requests:
            storage: {{ ${storage}.size }}
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: {{ include "stack.fullname" . }}-thanos-store
  labels:
    {{- include "stack.labels" . | nindent 4 }}
spec:
  serviceName: {{ include "stack.fullname" . }}-thanos-store
  selector:
    matchLabels:
      app: thanos-store
  template:
    metadata:
      labels:
        app: thanos-store
    spec:
      containers:
        - name: store
          image: quay.io/thanos/thanos:v0.3${side === 'old' ? 6 : 7}.0
  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        accessModes: ["ReadWriteOnce"]
        resources:
          requests:
            storage: {{ ${storage}.size }}
{{- end }}
`;
}

function rbac(side) {
  const verbs = side === 'old' ? '["get", "list", "watch"]' : '["get", "list", "watch", "patch"]';
  const rules = Array.from(
    { length: 40 },
    (_, i) =>
      `  - apiGroups: ["group${i}.example.com"]\n    resources: ["things${i}", "things${i}/status"]\n    verbs: ${verbs}`,
  ).join('\n');
  return `apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ include "stack.fullname" . }}-operator
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: {{ include "stack.fullname" . }}-operator
rules:
${rules}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: {{ include "stack.fullname" . }}-operator
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: {{ include "stack.fullname" . }}-operator
subjects:
  - kind: ServiceAccount
    name: {{ include "stack.fullname" . }}-operator
    namespace: {{ .Release.Namespace }}
`;
}

function exporter(i, side) {
  const key = `.Values.exporters.exporter${i}`;
  return `{{- if ${key}.enabled }}
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: {{ include "stack.fullname" . }}-exporter-${i}
  labels:
    {{- include "stack.labels" . | nindent 4 }}
spec:
  selector:
    matchLabels:
      app: exporter-${i}
  template:
    metadata:
      labels:
        app: exporter-${i}
    spec:
      containers:
        - name: exporter
          image: "{{ ${key}.image.repository }}:{{ ${key}.image.tag }}"
          ports:
            - containerPort: {{ ${key}.port }}
          resources: {{ toYaml ${key}.resources | nindent 12 }}
      tolerations: {{ toYaml ${key}.tolerations | nindent 8 }}
---
apiVersion: v1
kind: Service
metadata:
  name: {{ include "stack.fullname" . }}-exporter-${i}
spec:
  selector:
    app: exporter-${i}
  ports:
    - port: {{ ${key}.port }}
---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: {{ include "stack.fullname" . }}-exporter-${i}
spec:
  selector:
    matchLabels:
      app: exporter-${i}
  endpoints:
    - port: metrics
      interval: ${side === 'old' ? '30s' : '15s'}
{{- end }}
`;
}

/** A Grafana dashboard ConfigMap of about 25 KB of JSON, as the stacks ship them. */
function dashboard(i, side) {
  const panels = Array.from({ length: 28 }, (_, p) => ({
    id: p + 1,
    title: `Panel ${p} of dashboard ${i}`,
    type: p % 4 === 0 ? 'stat' : 'timeseries',
    gridPos: { h: 8, w: 12, x: (p % 2) * 12, y: Math.floor(p / 2) * 8 },
    targets: [
      {
        expr: `sum(rate(container_cpu_usage_seconds_total{namespace="$namespace", pod=~"$pod", container!=""}[${side === 'old' || p % 7 ? '5m' : '2m'}])) by (pod)`,
        legendFormat: '{{pod}}',
        refId: 'A',
      },
    ],
    description: prose(i * 31 + p, 22),
  }));
  const json = JSON.stringify({ title: `Dashboard ${i}`, uid: `dash-${i}`, schemaVersion: 39, panels }, null, 2);
  return `{{- if .Values.dashboards.enabled }}
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "stack.fullname" . }}-dashboard-${i}
  labels:
    {{- toYaml .Values.dashboards.labels | nindent 4 }}
data:
  dashboard-${i}.json: |-
${json
  .split('\n')
  .map((line) => `    ${line.replaceAll('{{', '{{`{{`}}')}`)
  .join('\n')}
{{- end }}
`;
}

// ---------- CRDs ----------

/** A CRD of about 380 KB: two served versions of a deep schema with long descriptions, like controller-gen's. */
function crd(kind, index, side) {
  const plural = `${kind.toLowerCase()}s`;
  const schema = (version) => properties(`${kind}${version}`, 4, index, side);
  const version = (name, storage) => ({
    name,
    served: true,
    storage,
    schema: { openAPIV3Schema: { type: 'object', description: prose(index, 40), properties: schema(name) } },
    subresources: { status: {} },
  });
  const versions =
    side === 'new' && index === 0 ? [version('v1', true), version('v1beta1', false)] : [version('v1', true)];
  const object = {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: {
      name: `${plural}.monitoring.coreos.com`,
      annotations: { 'controller-gen.kubebuilder.io/version': side === 'old' ? 'v0.16.1' : 'v0.16.4' },
    },
    spec: {
      group: 'monitoring.coreos.com',
      names: { kind, listKind: `${kind}List`, plural, singular: kind.toLowerCase() },
      scope: 'Namespaced',
      versions,
    },
  };
  return toYaml(object, 0);
}

/** A nested properties map: `depth` levels of 6 fields each, every field with a description. */
function properties(seed, depth, index, side) {
  const out = {};
  for (let f = 0; f < 6; f++) {
    const name = `${['spec', 'config', 'template', 'volume', 'endpoint', 'rule'][f]}${depth}${f}`;
    // the bump adds a field at the top of a few CRDs and rewrites some descriptions
    const description = prose(seed.length * 7 + depth * 13 + f + (side === 'new' && f === 2 ? 1 : 0), 28);
    out[name] =
      depth > 1
        ? { type: 'object', description, properties: properties(seed + name, depth - 1, index, side) }
        : { type: f % 2 ? 'string' : 'integer', description };
  }
  if (side === 'new' && depth === 4 && index % 2 === 0)
    out.enableFeatures = { type: 'array', items: { type: 'string' } };
  return out;
}

const WORDS =
  'the a of to and in is for that this field when set will be used by controller resource value default must if not specified pod container volume endpoint scrape interval label selector namespace service monitor rule alert'.split(
    ' ',
  );

/** Deterministic text of `count` words. */
export function prose(seed, count) {
  const words = [];
  let x = (seed * 2654435761) % 4294967296;
  for (let i = 0; i < count; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    words.push(WORDS[x % WORDS.length]);
  }
  return `${words.join(' ')}.`;
}

/** Block YAML of plain JSON data (strings double-quoted, so no value needs YAML's quoting rules). */
export function toYaml(value, indent) {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return value
      .map((item) => {
        const text = toYaml(item, indent + 2);
        return `\n${pad}- ${text.replace(/^\n\s*/, '')}`;
      })
      .join('');
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    return entries
      .map(([key, child]) => {
        const text = toYaml(child, indent + 2);
        return `${indent === 0 && key === entries[0][0] ? '' : '\n'}${pad}${key}:${text.startsWith('\n') ? text : ` ${text}`}`;
      })
      .join('');
  }
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}
