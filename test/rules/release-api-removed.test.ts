// release-api-removed: in a readiness review, the release as deployed (rendered for the version its clusters run now)
// stores an apiVersion the raised version removes: helm upgrade fails after the cluster upgrade until
// `helm mapkubeapis` rewrites the stored manifest. Tiny charts rendered by real helm, v3 and v4.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../src/core/render/manifests.js';
import type { RenderResult } from '../../src/core/render/types.js';
import { releaseApiRemoved } from '../../src/core/rules/release-api-removed.js';
import { runChartRules } from '../../src/core/rules/run.js';
import { HELM_BINARIES } from '../support/git-repo.js';
import { chartContext, NAMESPACE, RELEASE, removeChart, writeChart } from '../support/render-corpus.js';

/** A budget whose apiVersion the chart picks by the cluster version, as charts did around Kubernetes 1.25. */
const BY_VERSION = `apiVersion: {{ if semverCompare ">=1.25-0" .Capabilities.KubeVersion.Version }}policy/v1{{ else }}policy/v1beta1{{ end }}
kind: PodDisruptionBudget
metadata: {name: web}
spec: {maxUnavailable: 1, selector: {matchLabels: {app: web}}}
`;
const HARD_CODED = BY_VERSION.replace(/^apiVersion: .*$/m, 'apiVersion: policy/v1beta1');
const CURRENT = BY_VERSION.replace(/^apiVersion: .*$/m, 'apiVersion: policy/v1');

function renderAt(helm: string, template: string, kubeVersion: string): RenderResult {
  const dir = writeChart('web', { 'templates/pdb.yaml': template });
  try {
    const args = ['template', RELEASE, dir, '--namespace', NAMESPACE, '--kube-version', kubeVersion];
    const output = execFileSync(helm, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return {
      status: 'ok',
      manifests: parseManifests(output, 'web').manifests,
      releaseName: RELEASE,
      namespace: NAMESPACE,
    };
  } finally {
    removeChart(dir);
  }
}

const RAISE = { from: { min: '1.24', max: '1.24' }, to: { min: '1.25', max: '1.25' } };

for (const [version, helm] of Object.entries(HELM_BINARIES)) {
  describe(`release-api-removed (helm ${version})`, () => {
    const readinessOf = (template: string, readiness = true) => {
      const renders = { head: renderAt(helm, template, '1.25'), deployed: renderAt(helm, template, '1.24') };
      const ctx = chartContext('web', renders, { kube: RAISE.to });
      return readiness ? { ...ctx, readiness: RAISE } : ctx;
    };

    it('names the stored policy/v1beta1 budget of a chart that picks its API by version: the new render is fine', () => {
      const ctx = readinessOf(BY_VERSION);
      expect(ctx.renders?.head?.manifests.map((m) => m.ref.apiVersion)).toEqual(['policy/v1']);
      const [finding, ...rest] = releaseApiRemoved.check(ctx);
      expect(rest).toEqual([]);
      expect(finding.resource).toEqual({
        apiVersion: 'policy/v1beta1',
        kind: 'PodDisruptionBudget',
        namespace: NAMESPACE,
        name: 'web',
      });
      expect([finding.before, finding.after]).toEqual(['policy/v1beta1', 'policy/v1']);
      expect(finding.message).toContain('current release manifest contains removed kubernetes api(s)');
      expect(finding.remedy).toContain(`\`helm mapkubeapis ${RELEASE} --namespace ${NAMESPACE}\``);
      expect(finding.remedy).toContain('helm-mapkubeapis');
      const [run] = runChartRules([releaseApiRemoved], ctx).findings;
      expect([run.rule, run.severity]).toEqual(['release-api-removed', 'warning']);
    });

    it('names a hard-coded policy/v1beta1 budget too', () => {
      expect(releaseApiRemoved.check(readinessOf(HARD_CODED)).map((f) => f.resource?.apiVersion)).toEqual([
        'policy/v1beta1',
      ]);
    });

    it('says nothing of a release on policy/v1, or outside a readiness review', () => {
      expect(releaseApiRemoved.check(readinessOf(CURRENT))).toEqual([]);
      expect(releaseApiRemoved.check(readinessOf(HARD_CODED, false))).toEqual([]);
    });
  });
}
