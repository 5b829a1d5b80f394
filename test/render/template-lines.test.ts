// The template line of a rendered object: by kind and metadata.name, literal or templated, else kind alone.
import { describe, expect, it } from 'vitest';
import { templateLine } from '../../src/core/render/template-lines.js';

const template = (content: string) => ({ content });

describe('templateLine', () => {
  const two = template(
    [
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  name: {{ include "x.fullname" . }}-headless',
      '---',
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  labels:',
      '    app: x',
      '  name: "{{ include "x.fullname" . }}"',
      'spec:',
      '  name: not-this',
    ].join('\n'),
  );

  it('matches a templated name as a pattern and tells two objects of one kind apart', () => {
    expect(templateLine(two, 'Service', 'rel-x-headless')).toBe(2);
    // "rel-x" matches only the second pattern ("-headless" is literal text the first one needs)
    expect(templateLine(two, 'Service', 'rel-x')).toBe(7);
  });

  it('gives no line when several objects of the kind fit the name', () => {
    const ambiguous = template(
      'kind: ConfigMap\nmetadata:\n  name: {{ .a }}\n---\nkind: ConfigMap\nmetadata:\n  name: {{ .b }}\n',
    );
    expect(templateLine(ambiguous, 'ConfigMap', 'anything')).toBeUndefined();
  });

  it('falls back to the kind alone when it is unique in the file, and ignores nested kind: keys', () => {
    const sts = template(
      '{{- if .Values.enabled }}\napiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: {{ .Values.name }}-{{ .Release.Name }}\nspec:\n  volumeClaimTemplates:\n    - kind: PersistentVolumeClaim\n{{- end }}\n',
    );
    expect(templateLine(sts, 'StatefulSet', 'unrelated')).toBe(3);
    expect(templateLine(sts, 'PersistentVolumeClaim', 'data')).toBeUndefined();
  });

  it('prefers the literal name over a pattern', () => {
    const literal = template(
      'kind: Secret\nmetadata:\n  name: {{ .x }}\n---\nkind: Secret\nmetadata:\n  name: fixed\n',
    );
    expect(templateLine(literal, 'Secret', 'fixed')).toBe(5);
  });
});
