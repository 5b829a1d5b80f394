// api-removed: the new render against a target Kubernetes range (ChartContext.kube).
import { describe, expect, it } from 'vitest';
import { chartContext as rulesView } from '../../src/core/model/chart-context.js';
import { apiDeprecated } from '../../src/core/rules/api-deprecated.js';
import { apiRemoved } from '../../src/core/rules/api-removed.js';
import { corpusChart } from '../support/git-repo.js';
import { chartContext, renderChartDir, tinyPairContext } from '../support/render-corpus.js';
import { HPA_V2BETA2, hpaContext } from './support/api.js';

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
