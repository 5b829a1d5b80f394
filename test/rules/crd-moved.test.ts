// crd-moved
// on small charts rendered with helm --include-crds: helm's own "# Source: <chart>/crds/..." lines tell crds/ from templates/.
import { describe, expect, it } from 'vitest';
import { crdChanged } from '../../src/core/rules/crd-changed.js';
import { crdMoved } from '../../src/core/rules/crd-moved.js';
import { resourceRemoved } from '../../src/core/rules/resource-removed.js';
import { tinyPairContext } from '../support/render-corpus.js';
import { V1_ONLY } from './support/crd.js';

describe('crd-moved', () => {
  it('is an error when a CRD moves from templates/ to crds/: Helm deletes it and its custom resources', () => {
    const ctx = tinyPairContext('op', { 'templates/widgets.yaml': V1_ONLY }, { 'crds/widgets.yaml': V1_ONLY });
    const findings = crdMoved.check(ctx);
    expect(findings).toHaveLength(1);
    expect(findings[0].severity).toBeUndefined();
    expect(crdMoved.severity).toBe('error');
    expect(findings[0].message).toContain('deletes it');
    expect(findings[0].remedy).toContain(
      '`kubectl annotate customresourcedefinition widgets.example.com helm.sh/resource-policy=keep`',
    );
    // reported once: not also as a removed resource or a crds/ change
    expect(resourceRemoved.check(ctx)).toEqual([]);
    expect(crdChanged.check(ctx)).toEqual([]);
  });

  it('is a warning when a CRD moves from crds/ to templates/: the release has to adopt it', () => {
    const ctx = tinyPairContext('op', { 'crds/widgets.yaml': V1_ONLY }, { 'templates/widgets.yaml': V1_ONLY });
    const [finding] = crdMoved.check(ctx);
    expect(finding.severity).toBe('warning');
    expect(finding.message).toContain('invalid ownership metadata');
    expect(finding.remedy).toContain('meta.helm.sh/release-name=rel meta.helm.sh/release-namespace=demo');
  });

  it('does not fire when the CRD stays where it was', () => {
    const ctx = tinyPairContext('op', { 'crds/widgets.yaml': V1_ONLY }, { 'crds/widgets.yaml': V1_ONLY });
    expect(crdMoved.check(ctx)).toEqual([]);
  });
});
