// Deploy-time variables (rules/analysis/deploy-variables.ts): the placeholders a templated override file leaves in a
// render, and whether a difference between two renders exists only through them.
import { describe, expect, it } from 'vitest';
import type { OverrideFile } from '../../../src/core/model/model.js';
import { deployDependence, deployVariables } from '../../../src/core/rules/analysis/deploy-variables.js';

const file = (values: Record<string, unknown>, renderedWith?: string): OverrideFile => ({
  path: 'values/db.yaml',
  values,
  keys: [],
  skipped: [],
  ...(renderedWith ? { renderedWith } : {}),
});

const platform = deployVariables([
  file({
    fullnameOverride: '{{ sanitized_name }}',
    primary: { persistence: { storageClass: '{{ database_disk_type }}' } },
    commonLabels: { release: '{{ .Release.Name }}' },
  }),
]);
const literal = deployVariables([file({ primary: { persistence: { storageClass: 'aws-ebs-gp2-0' } } })]);

describe('deploy-time variables of templated override files', () => {
  it('maps each placeholder to the expression behind it; Helm expressions for tpl are not deploy variables', () => {
    expect(platform).toEqual(
      new Map([
        ['sanitized-name', ['{{ sanitized_name }}']],
        ['database-disk-type', ['{{ database_disk_type }}']],
      ]),
    );
  });

  it('finds none in a file rendered with its template context: its values are real', () => {
    expect(deployVariables([file({ fullnameOverride: 'db-1' }, 'deploy/context.yaml')])).toEqual(new Map());
  });

  it('a literal against a variable depends on the deploy, shown as the file writes it', () => {
    expect(deployDependence('aws-ebs-gp2-0', 'database-disk-type', { base: literal, head: platform })).toEqual({
      expressions: ['{{ database_disk_type }}'],
      before: 'aws-ebs-gp2-0',
      after: '{{ database_disk_type }}',
    });
  });

  it('two sides that read the field from different variables depend on the deploy', () => {
    const other = deployVariables([file({ fullnameOverride: '{{ service_name }}' })]);
    expect(deployDependence('sanitized-name', 'service-name', { base: platform, head: other })?.expressions).toEqual([
      '{{ sanitized_name }}',
      '{{ service_name }}',
    ]);
  });

  it('the same variable in different text is a real change: x against x-headless', () => {
    expect(
      deployDependence('sanitized-name', 'sanitized-name-headless', { base: platform, head: platform }),
    ).toBeUndefined();
  });

  it('a literal that fits no value of the variable is a real change', () => {
    const suffixed = deployVariables([file({ name: '{{ sanitized_name }}-db' })]);
    expect(deployDependence('data', 'sanitized-name-db', { base: literal, head: suffixed })).toBeUndefined();
    expect(deployDependence('x-db', 'sanitized-name-db', { base: literal, head: suffixed })?.expressions).toEqual([
      '{{ sanitized_name }}',
    ]);
  });

  it('values without placeholders, or not strings, are compared as they are', () => {
    expect(deployDependence('gp2', 'gp3', { base: literal, head: literal })).toBeUndefined();
    expect(deployDependence(1, 'database-disk-type', { base: literal, head: platform })).toBeUndefined();
  });
});
