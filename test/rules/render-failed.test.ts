import { describe, expect, it } from 'vitest';
import { renderFailed } from '../../src/core/rules/render-failed.js';
import { splitRemedy } from '../../src/format/describe.js';
import { kafka, outcomes, run, strict, useEngineRenders } from './support/engine-renders.js';

useEngineRenders();

describe('render-failed', () => {
  it('reports a head that helm cannot render, at the template line helm names', () => {
    const [finding, ...rest] = run(renderFailed, strict({ base: 'strict-base', head: 'strict-broken' }));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule: 'render-failed', severity: 'error', chart: 'strict' });
    expect(finding.message).toContain('the new version (1.0.0) of strict');
    expect(finding.message).toContain('configName is required');
    expect(finding).toMatchObject({ file: 'charts/strict/templates/cm.yaml', line: 6 });
    expect(finding.remedy).toContain('helm template --namespace demo --include-crds --kube-version 1.28.0');
    // the command on a line of its own, one shell block; the API version list (80-odd entries in a real run, once
    // per environment) stays out of the remedy: the render status of the report carries the whole command
    expect(splitRemedy(finding.remedy!).slice(-1)).toEqual([
      {
        kind: 'commands',
        text: 'helm template --namespace demo --include-crds --kube-version 1.28.0 -- rel charts/strict',
      },
    ]);
    expect(finding.remedy).not.toContain('monitoring.coreos.com/v1');
    expect(finding.remedy).toContain('--api-versions with the 2 APIs the target serves');
  });

  it('is silent when both versions render', () => {
    expect(run(renderFailed, strict({ base: 'strict-base', head: 'strict-ok' }))).toEqual([]);
  });

  it('leaves a head refused for its kubeVersion to kube-version-unsupported: it is rendered without --kube-version', () => {
    const refused = outcomes.get('kafka-head-1.24')!;
    expect(refused.kubeVersionRefused).toContain('incompatible with Kubernetes v1.24.0');
    expect(refused.result.status).toBe('ok');
    expect(run(renderFailed, kafka({ base: 'kafka-base-1.24', head: 'kafka-head-1.24' }))).toEqual([]);
  });

  it('still compares when the old version already refused the target: both sides render', () => {
    expect(outcomes.get('kafka-base-1.18')!.result.status).toBe('ok');
    expect(run(renderFailed, kafka({ base: 'kafka-base-1.18', head: 'kafka-head-1.30' }))).toEqual([]);
  });
});
