// api-deprecated: the new render against a target Kubernetes range (ChartContext.kube).
import { describe, expect, it } from 'vitest';
import { apiDeprecated } from '../../src/core/rules/api-deprecated.js';
import { apiRemoved } from '../../src/core/rules/api-removed.js';
import { tinyPairContext } from '../support/render-corpus.js';
import { hpaContext } from './support/api.js';

describe('api-deprecated', () => {
  it('warns about an API deprecated but still served at the newest cluster, with its removal release', () => {
    const [finding] = apiDeprecated.check(hpaContext({ min: '1.24', max: '1.25' }));
    expect(finding.message).toBe(
      'HorizontalPodAutoscaler web uses autoscaling/v2beta2, deprecated since Kubernetes 1.23, and removed in 1.26.',
    );
    expect(apiRemoved.check(hpaContext({ min: '1.24', max: '1.25' }))).toEqual([]);
  });

  it('does not warn once the API is removed (api-removed reports it) or before it is deprecated', () => {
    expect(apiDeprecated.check(hpaContext({ min: '1.26', max: '1.26' }))).toEqual([]);
    expect(apiDeprecated.check(hpaContext({ min: '1.22', max: '1.22' }))).toEqual([]);
  });

  it('warns about core/v1 Endpoints from 1.33, where no removal is planned', () => {
    const endpoints = 'apiVersion: v1\nkind: Endpoints\nmetadata: {name: ext}\nsubsets: []\n';
    const ctx = tinyPairContext(
      'ep',
      { 'templates/ep.yaml': endpoints },
      { 'templates/ep.yaml': endpoints },
      { kube: { min: '1.33', max: '1.33' } },
    );
    const [finding] = apiDeprecated.check(ctx);
    expect(finding.message).toBe('Endpoints ext uses v1, deprecated since Kubernetes 1.33.');
    expect(finding.remedy).toContain('discovery.k8s.io/v1 EndpointSlice');
  });
});
