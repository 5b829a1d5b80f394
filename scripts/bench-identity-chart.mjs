// The 5 MB chart of issue 23, for the benchmark and the identity tests: 210 CRDs in crds/ and 40 workloads, about
// 5 MB rendered, in two versions a bump moves between that differ in one CRD (a new field) and one Deployment's
// selector (an immutable field): all but two of its 250 documents are byte-identical on both sides, as in a real
// bump of an operator chart whose templates carry no version label. Deterministic.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prose, toYaml } from './large-chart.mjs';

export const IDENTITY_CRDS = 210;
export const IDENTITY_WORKLOADS = 40;

/** Writes the chart at `dir` (replaced) in version 'old' or 'new'; returns its Chart.yaml version. */
export function writeIdentityChart(dir, side) {
  rmSync(dir, { recursive: true, force: true });
  const version = side === 'old' ? '12.4.0' : '13.0.0';
  const files = {
    'Chart.yaml': `apiVersion: v2\nname: operator-stack\nversion: ${version}\nappVersion: v3.1.0\ntype: application\n`,
    'values.yaml': 'replicas: 1\nimage:\n  repository: quay.io/example/worker\n  tag: v3.1.0\n',
    'templates/_helpers.tpl': `{{- define "stack.labels" -}}\napp.kubernetes.io/name: {{ .Chart.Name }}\napp.kubernetes.io/instance: {{ .Release.Name }}\napp.kubernetes.io/managed-by: {{ .Release.Service }}\n{{- end }}\n`,
    ...Object.fromEntries(
      Array.from({ length: IDENTITY_WORKLOADS }, (_, i) => [`templates/worker-${i}.yaml`, workload(i, side)]),
    ),
    ...Object.fromEntries(
      Array.from({ length: IDENTITY_CRDS }, (_, i) => [`crds/crd-${i}.yaml`, `---\n${crd(i, side)}\n`]),
    ),
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return version;
}

/** A Deployment; the new side of worker 7 selects on one more label (an immutable field). */
function workload(i, side) {
  const extra = side === 'new' && i === 7 ? '\n      app.kubernetes.io/component: worker' : '';
  const env = Array.from(
    { length: 30 },
    (_, e) => `            - name: SETTING_${e}\n              value: "${prose(i * 31 + e, 6)}"`,
  ).join('\n');
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}-worker-${i}
  labels:
    {{- include "stack.labels" . | nindent 4 }}
spec:
  replicas: {{ .Values.replicas }}
  selector:
    matchLabels:
      app.kubernetes.io/name: worker-${i}${extra}
  template:
    metadata:
      labels:
        app.kubernetes.io/name: worker-${i}${extra}
    spec:
      containers:
        - name: worker
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
          resources:
            requests:
              cpu: 100m
              memory: 128Mi
          env:
${env}
`;
}

/** A CRD of about 20 KB: a nested schema with descriptions, like controller-gen's; the new side of CRD 3 gains a field. */
function crd(i, side) {
  const plural = `kind${i}s`;
  const props = properties(`k${i}`, 3);
  if (side === 'new' && i === 3) props.enableFeatures = { type: 'array', items: { type: 'string' } };
  const object = {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${plural}.example.com` },
    spec: {
      group: 'example.com',
      names: { kind: `Kind${i}`, listKind: `Kind${i}List`, plural, singular: `kind${i}` },
      scope: 'Namespaced',
      versions: [
        {
          name: 'v1',
          served: true,
          storage: true,
          schema: { openAPIV3Schema: { type: 'object', description: prose(i, 30), properties: props } },
        },
      ],
    },
  };
  return toYaml(object, 0);
}

function properties(seed, depth) {
  const out = {};
  for (let f = 0; f < 5; f++) {
    const name = `${['spec', 'config', 'template', 'volume', 'endpoint'][f]}${depth}${f}`;
    const description = prose(seed.length * 7 + depth * 13 + f, 9);
    out[name] =
      depth > 1
        ? { type: 'object', description, properties: properties(seed + name, depth - 1) }
        : { type: f % 2 ? 'string' : 'integer', description };
  }
  return out;
}
