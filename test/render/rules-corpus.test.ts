// The render-based rules against the real chart pairs of test/fixtures/corpus, rendered with helm v4. Expectations are
// read from each pair's NOTES.md "Expected findings" block, so the corpus notes are the specification.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { chartContext } from '../../src/core/model/chart-context.js';
import type { RuleId } from '../../src/core/report/report.js';
import { apiDeprecated } from '../../src/core/rules/api-deprecated.js';
import { apiRemoved } from '../../src/core/rules/api-removed.js';
import { crdChanged } from '../../src/core/rules/crd-changed.js';
import { crdVersionRemoved } from '../../src/core/rules/crd-version-removed.js';
import { fieldsOf, immutableFieldChanged } from '../../src/core/rules/immutable-field-changed.js';
import { allRules, ruleHooks } from '../../src/core/rules/index.js';
import { resourceRemoved } from '../../src/core/rules/resource-removed.js';
import type { ChartContext, ChartRule, FindingDraft } from '../../src/core/rules/rule.js';
import { statefulsetReplaced } from '../../src/core/rules/statefulset-replaced.js';
import { reinstallReason } from '../../src/core/runbook/reinstall-reason.js';
import { CORPUS_DIR } from '../support/git-repo.js';
import { corpusContext, NAMESPACE } from '../support/render-corpus.js';

// The registry's manifest rules: a rule left out of the registry would not run in a review either.
// the rules over rendered manifests: they need renders, and do not report on the renders themselves
const NOT_MANIFEST = new Set<RuleId>([
  'render-failed',
  'render-skipped',
  'symlink-refused',
  'override-proof-incomplete',
]);
const RENDER_RULES: ChartRule[] = allRules.filter(
  (rule): rule is ChartRule => rule.scope === 'chart' && rule.needs.renders === true && !NOT_MANIFEST.has(rule.id),
);
const RENDER_RULE_IDS = new Set<RuleId>(RENDER_RULES.map((r) => r.id));

interface ImmutableExpectation {
  apiVersion: string;
  kind: string;
  name: string;
  field: string;
  old: unknown;
  new: unknown;
}

interface ExpectedFindings {
  immutable_changes?: ImmutableExpectation[];
  immutable_changes_with_values?: ImmutableExpectation[];
  renamed_workloads?: { kind: string; old: string; new: string; orphaned_pvc: string }[];
  removed_workloads?: { kind: string; name: string; orphaned_pvc: string }[];
  crd_changes?: {
    name: string;
    source: string;
    versions: { old: string[]; new: string[] };
    storage_version: { old: string; new: string };
    schema_changed: boolean;
    printer_columns_added: string[];
  }[];
  likely_rules: string[];
}

function expectedFindings(pair: string): ExpectedFindings {
  const notes = readFileSync(join(CORPUS_DIR, pair, 'NOTES.md'), 'utf8');
  const section = notes.slice(notes.indexOf('## Expected findings'));
  const block = /```yaml\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error(`${pair}: no Expected findings block`);
  return parse(block[1]) as ExpectedFindings;
}

function run(rule: ChartRule, ctx: ChartContext): FindingDraft[] {
  return rule.check(ctx);
}

function firedRules(ctx: ChartContext): RuleId[] {
  return RENDER_RULES.filter((rule) => rule.check(ctx).length > 0).map((rule) => rule.id);
}

/** One row per field: a finding names every immutable field of its object. */
function immutableSummary(findings: FindingDraft[]) {
  return findings.flatMap((f) => {
    const fields = fieldsOf(f);
    const value = (side: unknown, field: string) =>
      fields.length > 1 ? (side as Record<string, unknown>)[field] : side;
    return fields.map((field) => ({
      apiVersion: f.resource?.apiVersion,
      kind: f.resource?.kind,
      name: f.resource?.name,
      field,
      old: value(f.before, field),
      new: value(f.after, field),
    }));
  });
}

const PAIRS = readdirSync(CORPUS_DIR).filter((entry) => entry.includes('-to-'));

describe('every corpus pair, default values, no Kubernetes target', () => {
  it.each(PAIRS)('%s: the render rules that fire are exactly the likely_rules of NOTES.md', (pair) => {
    const expected = expectedFindings(pair).likely_rules.filter((id) => RENDER_RULE_IDS.has(id as RuleId));
    expect(firedRules(corpusContext(pair)).sort()).toEqual(expected.sort());
  });

  it.each(PAIRS)('%s: immutable-field-changed reports exactly the immutable_changes of NOTES.md', (pair) => {
    const expected = expectedFindings(pair).immutable_changes ?? [];
    const findings = run(immutableFieldChanged, corpusContext(pair));
    expect(immutableSummary(findings)).toEqual(expect.arrayContaining(expected));
    expect(immutableSummary(findings)).toHaveLength(expected.length);
    // one finding per object
    expect(findings).toHaveLength(new Set(expected.map((e: { name: string }) => e.name)).size);
  });
});

describe('immutable-field-changed on the corpus', () => {
  it('reports the node-exporter DaemonSet selector with the orphan caveat and the exact commands', () => {
    const [finding] = run(immutableFieldChanged, corpusContext('prometheus-node-exporter-3.4.0-to-4.0.0'));
    expect(finding).toMatchObject({
      resource: {
        apiVersion: 'apps/v1',
        kind: 'DaemonSet',
        namespace: NAMESPACE,
        name: 'rel-prometheus-node-exporter',
      },
      path: 'spec.selector.matchLabels',
      needsReinstall: true,
      file: 'charts/prometheus-node-exporter/templates/daemonset.yaml',
    });
    expect(finding.remedy).toContain('`kubectl delete daemonset rel-prometheus-node-exporter -n demo`');
    expect(finding.remedy).toContain('`helm upgrade rel charts/prometheus-node-exporter --namespace demo`');
    expect(finding.remedy).toContain('--cascade=orphan');
    expect(finding.remedy).toContain('-l app=prometheus-node-exporter,release=rel');
  });

  it('reports the pushgateway Deployment selector', () => {
    const findings = run(immutableFieldChanged, corpusContext('prometheus-pushgateway-1.21.1-to-2.0.0'));
    expect(findings.map((f) => `${f.resource?.kind} ${f.path}`)).toEqual(['Deployment spec.selector.matchLabels']);
    expect(findings[0].remedy).toContain('`kubectl delete deployment rel-prometheus-pushgateway -n demo`');
  });

  it('reports the pushgateway StatefulSet selector and volumeClaimTemplates labels in StatefulSet mode', () => {
    const ctx = corpusContext('prometheus-pushgateway-1.21.1-to-2.0.0', {
      set: ['runAsStatefulSet=true', 'persistentVolume.enabled=true'],
    });
    const findings = run(immutableFieldChanged, ctx);
    expect(immutableSummary(findings)).toEqual(
      expect.arrayContaining([
        {
          apiVersion: 'apps/v1',
          kind: 'StatefulSet',
          name: 'rel-prometheus-pushgateway',
          field: 'spec.selector.matchLabels',
          old: { app: 'prometheus-pushgateway', release: 'rel' },
          new: { 'app.kubernetes.io/instance': 'rel', 'app.kubernetes.io/name': 'prometheus-pushgateway' },
        },
        {
          apiVersion: 'apps/v1',
          kind: 'StatefulSet',
          name: 'rel-prometheus-pushgateway',
          field: 'spec.volumeClaimTemplates[0].metadata.labels',
          old: {
            app: 'prometheus-pushgateway',
            chart: 'prometheus-pushgateway-1.21.1',
            heritage: 'Helm',
            release: 'rel',
          },
          new: {
            'app.kubernetes.io/instance': 'rel',
            'app.kubernetes.io/managed-by': 'Helm',
            'app.kubernetes.io/name': 'prometheus-pushgateway',
            'app.kubernetes.io/version': 'v1.5.1',
            'helm.sh/chart': 'prometheus-pushgateway-2.0.0',
          },
        },
      ]),
    );
    // one finding for the StatefulSet, one remedy covering both fields
    expect(findings).toHaveLength(1);
    expect(findings[0].remedy).toContain(
      '`kubectl delete statefulset rel-prometheus-pushgateway -n demo --cascade=orphan`',
    );
    expect(findings[0].remedy).toContain('Existing PVCs keep their old spec');
    expect(findings[0].remedy).toContain('The old pods do not match the new selector');
  });

  it('reports the alertmanager volumeClaimTemplates labels only when persistence.labels is set', () => {
    const pair = 'alertmanager-1.25.0-to-1.26.0';
    const expected = expectedFindings(pair).immutable_changes_with_values ?? [];
    const findings = run(immutableFieldChanged, corpusContext(pair, { set: ['persistence.labels.team=x'] }));
    expect(immutableSummary(findings)).toEqual(expected);
  });

  it('summarises the mariadb 19 -> 20 reinstall in one line', () => {
    const ctx = corpusContext('mariadb-19.1.2-to-20.0.0');
    const findings = run(immutableFieldChanged, ctx).map((f) => ({
      ...f,
      rule: 'immutable-field-changed' as const,
      severity: 'error' as const,
    }));
    expect(reinstallReason(findings, ruleHooks)).toBe(
      'StatefulSet rel-mariadb: spec.selector.matchLabels and spec.serviceName are immutable',
    );
  });
});

describe('statefulset-replaced and resource-removed on mariadb 7 -> 8', () => {
  const pair = 'mariadb-7.10.4-to-8.0.0';
  const expected = expectedFindings(pair);

  it('pairs each renamed StatefulSet with its successor and names the orphaned PVC', () => {
    const findings = run(statefulsetReplaced, corpusContext(pair));
    expect(
      findings.map((f) => ({
        kind: f.resource?.kind,
        old: f.resource?.name,
        new: (f.after as { name: string }).name,
        orphaned_pvc: (f.before as { claims: string[] }).claims.join(),
      })),
    ).toEqual(expected.renamed_workloads);
    expect(findings[0]).toMatchObject({ needsReinstall: true, after: { claims: ['data-rel-mariadb-0'] } });
    expect(findings[0].message).toContain('PVC data-rel-mariadb-master-0 stays behind unused with the data');
    expect(findings[0].remedy).toContain('`kubectl delete statefulset rel-mariadb-master -n demo --cascade=orphan`');
  });

  it('suggests the existingClaim value when the new chart reads one for the successor role', () => {
    const ctx = corpusContext(pair);
    const withReads = chartContext({
      ...ctx,
      head: ctx.head && {
        ...ctx.head,
        templateReads: [
          ['primary', 'persistence', 'existingClaim'],
          ['secondary', 'persistence', 'size'],
        ],
      },
    });
    const [finding] = run(statefulsetReplaced, withReads);
    expect(finding.remedy).toContain('`--set primary.persistence.existingClaim=data-rel-mariadb-master-0`');
  });

  it('reports the slave StatefulSet, which has no successor, as removed with its orphaned PVC', () => {
    const findings = run(resourceRemoved, corpusContext(pair));
    const workloads = findings
      .filter((f) => f.resource?.kind === 'StatefulSet')
      .map((f) => ({
        kind: f.resource?.kind,
        name: f.resource?.name,
        orphaned_pvc: (f.before as { claims: string[] }).claims.join(),
      }));
    expect(workloads).toEqual(expected.removed_workloads);
    const slave = findings.find((f) => f.resource?.name === 'rel-mariadb-slave' && f.resource.kind === 'StatefulSet');
    expect(slave?.message).toContain('PVC data-rel-mariadb-slave-0 stays behind');
    expect(slave?.severity).toBeUndefined();
  });

  it('reports every other removed object once, and not the replaced master StatefulSet', () => {
    const removed = run(resourceRemoved, corpusContext(pair)).map((f) => `${f.resource?.kind}/${f.resource?.name}`);
    expect(removed.sort()).toEqual(
      [
        'ConfigMap/rel-mariadb-master',
        'ConfigMap/rel-mariadb-slave',
        'Service/rel-mariadb-slave',
        'StatefulSet/rel-mariadb-slave',
      ].sort(),
    );
  });

  it('summarises the replacement as the reinstall reason', () => {
    const findings = run(statefulsetReplaced, corpusContext(pair)).map((f) => ({
      ...f,
      rule: 'statefulset-replaced' as const,
      severity: 'error' as const,
    }));
    expect(reinstallReason(findings, ruleHooks)).toBe(
      'StatefulSet rel-mariadb-master is replaced by rel-mariadb and its volumes are orphaned',
    );
  });

  it('does not report a StatefulSet that keeps its name as replaced (old chart without replication)', () => {
    const ctx = corpusContext(pair, { baseSet: ['replication.enabled=false'] });
    expect(run(statefulsetReplaced, ctx)).toEqual([]);
    expect(immutableSummary(run(immutableFieldChanged, ctx)).map((f) => f.field)).toEqual(
      expect.arrayContaining(['spec.selector.matchLabels', 'spec.volumeClaimTemplates[0].metadata.labels']),
    );
  });
});

describe('crd-changed on sealed-secrets 1.5.12 -> 1.5.13', () => {
  const pair = 'sealed-secrets-1.5.12-to-1.5.13';

  it('summarises the crds/ change as NOTES.md describes it', () => {
    const [expected] = expectedFindings(pair).crd_changes ?? [];
    const findings = run(crdChanged, corpusContext(pair));
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding.resource?.name).toBe(expected.name);
    expect(finding.file).toBe(`charts/sealed-secrets/${expected.source}`);
    expect(finding.before).toMatchObject({
      versions: expected.versions.old,
      storageVersion: expected.storage_version.old,
      schemaChanged: expected.schema_changed,
    });
    expect(finding.after).toMatchObject({
      versions: expected.versions.new,
      storageVersion: expected.storage_version.new,
    });
    expect((finding.after as { printerColumns: string[] }).printerColumns).toEqual(expected.printer_columns_added);
    expect(finding.message).toContain('Helm never upgrades CRDs in crds/');
    expect(finding.remedy).toContain(
      '`kubectl apply --server-side --force-conflicts -f charts/sealed-secrets/crds/sealed-secrets.yaml`',
    );
  });

  it('does not report a removed version: v1alpha1 stays', () => {
    expect(run(crdVersionRemoved, corpusContext(pair))).toEqual([]);
  });
});

describe('api-removed and api-deprecated on the corpus', () => {
  const at125 = { kube: { min: '1.25', max: '1.25' } };

  it.each(PAIRS)('%s: fires nothing without a Kubernetes target', (pair) => {
    expect(run(apiRemoved, corpusContext(pair))).toEqual([]);
    expect(run(apiDeprecated, corpusContext(pair))).toEqual([]);
  });

  it('reports exactly the policy/v1beta1 objects of node-exporter and cassandra at 1.25', () => {
    const removed = PAIRS.flatMap((pair) =>
      run(apiRemoved, corpusContext(pair, at125)).map(
        (f) => `${pair.split('-').slice(0, -3).join('-')}: ${f.resource?.kind} ${f.after}`,
      ),
    );
    expect(removed.sort()).toEqual([
      'cassandra: PodDisruptionBudget policy/v1beta1',
      'prometheus-node-exporter: PodSecurityPolicy policy/v1beta1',
    ]);
  });

  it('gives the replacement and the release the API was removed in', () => {
    const [pdb] = run(apiRemoved, corpusContext('cassandra-4.1.15-to-5.0.0', at125));
    expect(pdb.message).toContain('removed in Kubernetes 1.25');
    expect(pdb.remedy).toContain('Use policy/v1 (served since 1.21)');
    const [psp] = run(apiRemoved, corpusContext('prometheus-node-exporter-3.4.0-to-4.0.0', at125));
    expect(psp.remedy).toContain('There is no replacement');
    expect(psp.resource).not.toHaveProperty('namespace');
  });

  it('warns instead on a 1.24 cluster, where policy/v1beta1 is deprecated but served', () => {
    const ctx = corpusContext('cassandra-4.1.15-to-5.0.0', { kube: { min: '1.24', max: '1.24' } });
    expect(run(apiRemoved, ctx)).toEqual([]);
    const [finding] = run(apiDeprecated, ctx);
    expect(finding.message).toBe(
      'PodDisruptionBudget rel-cassandra-headless uses policy/v1beta1, deprecated since Kubernetes 1.21, and removed in 1.25.',
    );
  });
});
