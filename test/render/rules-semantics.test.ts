// The semantic comparison behind the immutable rules, and the one-line reinstall summary.
import { describe, expect, it } from 'vitest';
import { locateDifference, parseQuantity, semanticEqual } from '../../src/core/render/normalise.js';
import type { Finding } from '../../src/core/report/report.js';
import { ruleHooks } from '../../src/core/rules/index.js';
import { reinstallReason } from '../../src/core/runbook/reinstall-reason.js';
import { formatKeyPath } from '../../src/core/values/key-path.js';

describe('semantic equality', () => {
  it('ignores map key order and treats empty maps, empty lists and absent values alike', () => {
    expect(semanticEqual({ a: 1, b: { c: 2 } }, { b: { c: 2 }, a: 1 })).toBe(true);
    expect(semanticEqual({ labels: {} }, {})).toBe(true);
    expect(semanticEqual({ items: [] }, { items: null })).toBe(true);
  });

  it('keeps list order and distinguishes an empty string from absent', () => {
    expect(semanticEqual(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(semanticEqual({ name: '' }, {})).toBe(false);
  });

  it('reads quantities in every unit', () => {
    expect(parseQuantity('8Gi')).toBe(parseQuantity('8192Mi'));
    expect(parseQuantity('1.5G')).toBe(1.5e9);
    expect(parseQuantity('500m')).toBe(0.5);
    expect(parseQuantity(2)).toBe(2);
    expect(parseQuantity('8 GB')).toBeUndefined();
  });
});

describe('locating a difference', () => {
  it('stops at a label map instead of naming single labels', () => {
    const difference = locateDifference(
      { selector: { matchLabels: { a: '1' } } },
      { selector: { matchLabels: { a: '1', b: '2' } } },
      [],
    );
    expect(difference && formatKeyPath(difference.path)).toBe('selector.matchLabels');
  });

  it('goes down to the one leaf that differs, through list items', () => {
    const base = { containers: [{ name: 'a', image: 'x:1' }] };
    const head = { containers: [{ name: 'a', image: 'x:2' }] };
    expect(formatKeyPath(locateDifference(base, head)?.path ?? [])).toBe('containers[0].image');
  });

  it('reports the common parent and every leaf when several places differ', () => {
    const difference = locateDifference({ spec: { a: 1, b: 1 } }, { spec: { a: 2, b: 2 } });
    expect(formatKeyPath(difference?.path ?? [])).toBe('spec');
    expect(difference?.leaves.map(formatKeyPath)).toEqual(['spec.a', 'spec.b']);
  });

  it('finds nothing in semantically equal trees', () => {
    expect(locateDifference({ a: { b: [] } }, { a: {} })).toBeUndefined();
  });
});

describe('reinstallReason', () => {
  const finding = (rule: Finding['rule'], kind: string, name: string, extra: Partial<Finding> = {}): Finding => ({
    rule,
    severity: 'error',
    message: '',
    resource: { apiVersion: 'apps/v1', kind, name },
    needsReinstall: true,
    ...extra,
  });

  it('groups the immutable paths per resource and adds replaced StatefulSets', () => {
    expect(
      reinstallReason(
        [
          finding('immutable-field-changed', 'StatefulSet', 'db', { path: 'spec.serviceName' }),
          finding('immutable-field-changed', 'StatefulSet', 'db', { path: 'spec.selector.matchLabels' }),
          finding('immutable-field-changed', 'DaemonSet', 'agent', { path: 'spec.selector.matchLabels' }),
          finding('statefulset-replaced', 'StatefulSet', 'db-master', { after: { name: 'db', claims: [] } }),
        ],
        ruleHooks,
      ),
    ).toBe(
      'StatefulSet db: spec.serviceName and spec.selector.matchLabels are immutable; DaemonSet agent: spec.selector.matchLabels is immutable; StatefulSet db-master is replaced by db and its volumes are orphaned',
    );
  });

  it('is undefined when nothing needs a reinstall', () => {
    expect(
      reinstallReason([finding('resource-removed', 'ConfigMap', 'c', { needsReinstall: false })], ruleHooks),
    ).toBeUndefined();
  });
});
