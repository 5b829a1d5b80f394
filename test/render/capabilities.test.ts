// What helm template advertises in .Capabilities.APIVersions: without a cluster only the group/versions compiled
// into helm, so charts testing "policy/v1/PodDisruptionBudget" or "apiregistration.k8s.io/v1" take their legacy
// branch. servedApiVersions() stands in for a cluster's discovery, per Kubernetes minor.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_VERSIONS, reachedBy } from '../../src/core/render/api-versions.js';
import { findHelm, type HelmBinary } from '../../src/core/render/helm.js';
import { type RenderJob, type RenderOutcome, renderAll } from '../../src/core/render/renderer.js';
import { SERVED_APIS, servedApiVersions } from '../../src/core/render/served-apis.js';
import { GitSnapshot } from '../../src/core/repo/git-snapshot.js';
import { HELM_BINARIES, PROJECT_DIR, TestRepo } from '../support/git-repo.js';

describe('servedApiVersions', () => {
  it('advertises at 1.28 the group/versions and group/version/Kinds a 1.28 cluster serves, not removed ones', () => {
    const served = servedApiVersions('1.28');
    expect(served).toEqual(
      expect.arrayContaining([
        'v1',
        'v1/ConfigMap',
        'apiregistration.k8s.io/v1',
        'apiregistration.k8s.io/v1/APIService',
        'policy/v1/PodDisruptionBudget',
        'batch/v1/CronJob',
        'networking.k8s.io/v1/Ingress',
        'flowcontrol.apiserver.k8s.io/v1beta3/FlowSchema',
      ]),
    );
    for (const gone of [
      'policy/v1beta1',
      'batch/v1beta1/CronJob',
      'apiregistration.k8s.io/v1beta1',
      'extensions/v1beta1',
    ]) {
      expect(served).not.toContain(gone);
    }
    // nothing arrives before its release: flowcontrol v1 is 1.29, IPAddress 1.33
    expect(served).not.toContain('flowcontrol.apiserver.k8s.io/v1');
    expect(served).not.toContain('networking.k8s.io/v1/IPAddress');
  });

  it('advertises policy/v1beta1 and not policy/v1 at 1.20, before policy/v1 was served', () => {
    const served = servedApiVersions('1.20');
    expect(served).toContain('policy/v1beta1/PodDisruptionBudget');
    expect(served).not.toContain('policy/v1');
    expect(served).not.toContain('policy/v1/PodDisruptionBudget');
    expect(served).toContain('batch/v1beta1/CronJob');
    expect(served).not.toContain('batch/v1/CronJob');
  });

  it('lists each beta version with the release the project API table removes it in, and after it started', () => {
    for (const row of SERVED_APIS) {
      if (!/(alpha|beta)\d+$/.test(row.apiVersion)) continue;
      for (const kind of row.kinds) {
        const entry = API_VERSIONS.find((e) => e.apiVersion === row.apiVersion && e.kinds.includes(kind));
        expect(entry?.removedIn, `${row.apiVersion} ${kind}`).toBeDefined();
        expect(reachedBy(entry!.removedIn, row.since), `${row.apiVersion} ${kind}`).toBe(false);
      }
    }
  });
});

const FIXTURE = join(PROJECT_DIR, 'test/fixtures/capabilities/base/caps');

describe.each(Object.entries(HELM_BINARIES))('helm %s template with the served API versions', (_major, path) => {
  const repo = new TestRepo('cg-caps-');
  let helm: HelmBinary;
  let snapshot: GitSnapshot;
  beforeAll(async () => {
    helm = (await findHelm(path))!;
    repo.copy(FIXTURE, 'charts/caps');
    snapshot = new GitSnapshot(repo.dir, 'main', repo.commit('caps'));
  });
  afterAll(() => repo.cleanup());

  const job = (key: string, kubeVersion: string, apiVersions?: string[]): RenderJob => ({
    key,
    snapshot,
    chartDir: 'charts/caps',
    chartName: 'caps',
    releaseName: 'rel',
    namespace: 'demo',
    values: [],
    kubeVersion,
    apiVersions,
  });
  const apiVersionsOf = (outcome: RenderOutcome) =>
    outcome.result.manifests.map((m) => `${m.ref.kind} ${m.ref.apiVersion}`).sort();

  it('renders the branch each cluster version takes; the CRD-gated object only when its API is listed', async () => {
    const outcomes = await renderAll(
      [
        job('bare-1.28', '1.28'),
        job('1.28', '1.28', servedApiVersions('1.28')),
        job('1.20', '1.20', servedApiVersions('1.20')),
        job('1.28+monitoring', '1.28', ['monitoring.coreos.com/v1', ...servedApiVersions('1.28')]),
      ],
      { helm },
    );
    expect(apiVersionsOf(outcomes.get('bare-1.28')!)).toEqual([
      'APIService apiregistration.k8s.io/v1beta1',
      'CronJob batch/v1beta1',
      'PodDisruptionBudget policy/v1beta1',
    ]);
    expect(apiVersionsOf(outcomes.get('1.28')!)).toEqual([
      'APIService apiregistration.k8s.io/v1',
      'CronJob batch/v1',
      'PodDisruptionBudget policy/v1',
    ]);
    expect(apiVersionsOf(outcomes.get('1.20')!)).toEqual([
      'APIService apiregistration.k8s.io/v1',
      'CronJob batch/v1beta1',
      'PodDisruptionBudget policy/v1beta1',
    ]);
    expect(apiVersionsOf(outcomes.get('1.28+monitoring')!)).toEqual([
      'APIService apiregistration.k8s.io/v1',
      'CronJob batch/v1',
      'PodDisruptionBudget policy/v1',
      'ServiceMonitor monitoring.coreos.com/v1',
    ]);
    // every job above differs in its API versions only: none shares another's render
    expect([...outcomes.values()].map((o) => o.sharedBy)).toEqual([1, 1, 1, 1]);
    expect(outcomes.get('1.28+monitoring')!.result.command).toBe(
      'helm template --namespace demo --include-crds --kube-version 1.28.0 \\\n' +
        `  --api-versions monitoring.coreos.com/v1,${servedApiVersions('1.28').join(',')} \\\n` +
        '  -- rel charts/caps',
    );
  });

  it('renders identical jobs once, whatever the order of their API versions', async () => {
    const served = servedApiVersions('1.28');
    const outcomes = await renderAll([job('a', '1.28', served), job('b', '1.28', [...served].reverse())], { helm });
    expect(outcomes.get('a')).toBe(outcomes.get('b'));
    expect(outcomes.get('a')!.sharedBy).toBe(2);
  });
});
