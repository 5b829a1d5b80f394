// api-removed and api-deprecated: the new render against a target Kubernetes range (ChartContext.kube).

import { describe, expect, it } from 'vitest';
import { chartContext as rulesView } from '../../src/core/chart-context.js';
import { API_VERSIONS, apiStatusAt, apiVersionEntry, reachedBy } from '../../src/core/render/api-versions.js';
import { apiDeprecated } from '../../src/core/rules/api-deprecated.js';
import { apiRemoved } from '../../src/core/rules/api-removed.js';
import { corpusChart } from '../support/git-repo.js';
import { chartContext, renderChartDir, tinyPairContext } from '../support/render-corpus.js';

const HPA_V2BETA2 = `apiVersion: autoscaling/v2beta2
kind: HorizontalPodAutoscaler
metadata: {name: web}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  maxReplicas: 3
`;

function hpaContext(kube?: { min: string; max: string }) {
  return tinyPairContext('web', { 'templates/hpa.yaml': HPA_V2BETA2 }, { 'templates/hpa.yaml': HPA_V2BETA2 }, { kube });
}

describe('api-removed', () => {
  it('names the newest cluster and says the oldest one still serves the API', () => {
    const [finding] = apiRemoved.check(hpaContext({ min: '1.25', max: '1.26' }));
    expect(finding.message).toBe(
      'HorizontalPodAutoscaler web uses autoscaling/v2beta2, removed in Kubernetes 1.26: Kubernetes 1.26 (still served by 1.25) refuses it.',
    );
    expect(finding.remedy).toContain('Use autoscaling/v2 (served since 1.23).');
  });

  it('says when every cluster of the range refuses it', () => {
    const [finding] = apiRemoved.check(hpaContext({ min: '1.26', max: '1.30' }));
    expect(finding.message).toContain('every cluster of 1.26-1.30 refuses it');
  });

  it('warns when the replacement is newer than the oldest cluster', () => {
    const [finding] = apiRemoved.check(hpaContext({ min: '1.22', max: '1.26' }));
    expect(finding.remedy).toContain('Your oldest cluster (1.22) does not serve autoscaling/v2 yet');
  });

  it('does not fire when the newest cluster still serves the API, nor without a target', () => {
    expect(apiRemoved.check(hpaContext({ min: '1.23', max: '1.25' }))).toEqual([]);
    expect(apiRemoved.check(hpaContext())).toEqual([]);
    expect(apiDeprecated.check(hpaContext())).toEqual([]);
  });

  it('checks only the new render: a PodSecurityPolicy the old kafka-exporter rendered does not count', () => {
    const pair = 'prometheus-kafka-exporter-2.18.0-to-3.0.0';
    // the same flags on both sides (the new chart requires kubeVersion >= 1.25); only the old one renders a PSP
    const withPsp = {
      set: ['rbac.pspEnabled=true'],
      kubeVersion: '1.25.0',
      apiVersions: ['policy/v1beta1/PodSecurityPolicy'],
    };
    const oldWithPsp = renderChartDir(corpusChart(pair, 'old'), withPsp);
    const newWithPsp = renderChartDir(corpusChart(pair, 'new'), withPsp);
    const kube = { min: '1.25', max: '1.25' };
    expect(apiRemoved.check(chartContext('kafka', { base: oldWithPsp, head: newWithPsp }, { kube }))).toEqual([]);
    const reversed = apiRemoved.check(chartContext('kafka', { base: newWithPsp, head: oldWithPsp }, { kube }));
    expect(reversed.map((f) => `${f.resource?.kind} ${f.after}`)).toEqual(['PodSecurityPolicy policy/v1beta1']);
  });

  it('works with only a head render (lint) and includes hooks', () => {
    const hook = HPA_V2BETA2.replace(
      'metadata: {name: web}',
      'metadata: {name: web, annotations: {helm.sh/hook: post-install}}',
    );
    const ctx = tinyPairContext('web', {}, { 'templates/hpa.yaml': hook }, { kube: { min: '1.26', max: '1.26' } });
    const lint = rulesView({ ...ctx, renders: { head: ctx.renders?.head } });
    expect(apiRemoved.check(lint).map((f) => f.resource?.name)).toEqual(['web']);
  });
});

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

describe('the apiVersion table', () => {
  it('compares Kubernetes versions by minor, accepting v-prefixed and patch versions', () => {
    expect(reachedBy('1.25', 'v1.25.3')).toBe(true);
    expect(reachedBy('1.25', '1.9')).toBe(false);
    expect(reachedBy('1.9', '1.25')).toBe(true);
    expect(reachedBy(undefined, '1.30')).toBe(false);
  });

  it('lists every removal after its deprecation and with a replacement or a note', () => {
    for (const entry of API_VERSIONS) {
      if (entry.deprecatedIn && entry.removedIn) expect(reachedBy(entry.deprecatedIn, entry.removedIn)).toBe(true);
      expect(entry.replacement ?? entry.note).toBeTruthy();
    }
  });

  it('knows the policy/v1beta1 removals of 1.25 and nothing about policy/v1', () => {
    expect(apiStatusAt(apiVersionEntry('policy/v1beta1', 'PodDisruptionBudget'), '1.25')).toBe('removed');
    expect(apiStatusAt(apiVersionEntry('policy/v1beta1', 'PodSecurityPolicy'), '1.21')).toBe('deprecated');
    expect(apiVersionEntry('policy/v1', 'PodDisruptionBudget')).toBeUndefined();
  });
});
