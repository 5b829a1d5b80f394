// The runbook steps of issue 20 one by one (src/core/runbook/): stepping stones read from upgrade notes, the downtime
// of a single-replica rollout, --set-json for lists, the loop over the releases of a chart deployed once per database,
// rendered copies of templated override files (their paths, and the plan folder they are written to), and a template
// without a copy blocking the chart. Tiny charts rendered by the real helm where a render is needed.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OverrideFile } from '../../src/core/model/model.js';
import type { ChartReport, Report, UpgradeActions } from '../../src/core/report/report.js';
import { steppingStones } from '../../src/core/rules/analysis/stepping-stones.js';
import type { ChartContext } from '../../src/core/rules/rule.js';
import { helmCommand } from '../../src/core/runbook/helm-command.js';
import { renderedFiles, safeWord } from '../../src/core/runbook/rendered-files.js';
import { renderPlan } from '../../src/format/plan.js';
import { writePlanFiles } from '../../src/format/plan-files.js';
import { tinyPairContext } from '../support/render-corpus.js';
import { plannedBump } from '../support/runbook.js';

const KARPENTER_NOTES = [
  {
    heading: 'Upgrading to v0.33.0',
    text: 'v0.33.0 drops the v1alpha5 APIs.\nYou must upgrade to v0.32.x before upgrading to v0.33.x, and migrate your Provisioners while on v0.32.x.',
  },
];

describe('stepping stones from upgrade notes', () => {
  it('requires the version the notes name when the bump jumps over it, quoting the sentence', () => {
    expect(steppingStones(KARPENTER_NOTES, '0.31.4', '0.33.0')).toEqual([
      {
        version: 'v0.32.x',
        heading: 'Upgrading to v0.33.0',
        sentence:
          'You must upgrade to v0.32.x before upgrading to v0.33.x, and migrate your Provisioners while on v0.32.x.',
      },
    ]);
  });

  it('requires nothing when the deployed version is already on the stepping stone', () => {
    expect(steppingStones(KARPENTER_NOTES, '0.32.10', '0.33.0')).toEqual([]);
  });

  it('reads "first" phrasings and ignores musts about something else', () => {
    const notes = [
      {
        heading: 'To 8.0.0',
        text: 'You must set auth.password before upgrading.\n\nUpgrading from 6.x requires an upgrade to 7.4.0 first.',
      },
    ];
    expect(steppingStones(notes, '6.2.0', '8.0.0').map((s) => s.version)).toEqual(['7.4.0']);
    expect(steppingStones(notes, '7.5.0', '8.0.0')).toEqual([]);
  });
});

const deployment = (replicas: number, image: string, strategy = '') => `apiVersion: apps/v1
kind: Deployment
metadata: {name: rel-web}
spec:
  replicas: ${replicas}
  ${strategy}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: '${image}'}]}
`;

const statefulSet = (replicas: number, image: string) => `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: rel-db}
spec:
  replicas: ${replicas}
  serviceName: rel-db
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: db, image: '${image}'}]}
`;

const downtimeSteps = (base: string, head: string) =>
  plannedBump(tinyPairContext('web', { 'templates/w.yaml': base }, { 'templates/w.yaml': head }))
    .actions.steps.filter((s) => s.description.startsWith('Downtime:'))
    .map((s) => s.description);

describe('downtime of a single-replica rollout', () => {
  it('warns for a StatefulSet of one replica whose pod template changes', () => {
    expect(downtimeSteps(statefulSet(1, 'db:1'), statefulSet(1, 'db:2'))).toEqual([
      'Downtime: StatefulSet rel-db has one replica and its pod template changes: the upgrade stops its only pod before the new one is ready. Plan a window, or scale it up first.',
    ]);
  });

  it('warns for a Deployment of one replica that stops its pod first (Recreate, maxUnavailable 100%)', () => {
    expect(
      downtimeSteps(
        deployment(1, 'web:1', 'strategy: {type: Recreate}'),
        deployment(1, 'web:2', 'strategy: {type: Recreate}'),
      ),
    ).toHaveLength(1);
    const unavailable = 'strategy: {type: RollingUpdate, rollingUpdate: {maxUnavailable: 100%, maxSurge: 0}}';
    expect(downtimeSteps(deployment(1, 'web:1', unavailable), deployment(1, 'web:2', unavailable))).toHaveLength(1);
  });

  it('stays quiet for the default rolling update (the new pod starts first), two replicas, or an unchanged template', () => {
    expect(downtimeSteps(deployment(1, 'web:1'), deployment(1, 'web:2'))).toEqual([]);
    expect(downtimeSteps(statefulSet(2, 'db:1'), statefulSet(2, 'db:2'))).toEqual([]);
    expect(downtimeSteps(statefulSet(1, 'db:1'), statefulSet(1, 'db:1'))).toEqual([]);
  });
});

describe('backups of the PVCs the upgrade deletes or orphans', () => {
  const withClaims = (policy: string) => `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: rel-db}
spec:
  replicas: 2
  serviceName: rel-db
  ${policy}
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: db, image: 'db:1'}]}
  volumeClaimTemplates: [{metadata: {name: data}, spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}}]
`;
  const removed = (policy: string) =>
    plannedBump(
      tinyPairContext(
        'web',
        { 'templates/sts.yaml': withClaims(policy) },
        { 'templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: rel-web}\n' },
      ),
    ).actions;

  it('names the PVCs a removed StatefulSet leaves orphaned', () => {
    const actions = removed('');
    expect(actions.backups.map((b) => b.claims)).toEqual([['data-rel-db-0', 'data-rel-db-1']]);
    expect(actions.steps.filter((s) => s.phase === 'before').map((s) => [s.description, s.commands])).toEqual([
      [
        'Back up data-rel-db-0, data-rel-db-1 (the upgrade deletes StatefulSet rel-db; its PVCs stay behind, orphaned).',
        [],
      ],
    ]);
  });

  it('keeps the PVCs of a removed StatefulSet that would delete them (whenDeleted: Delete) before the upgrade', () => {
    const actions = removed('persistentVolumeClaimRetentionPolicy: {whenDeleted: Delete}');
    expect(actions.steps.filter((s) => s.phase === 'before').flatMap((s) => s.commands)).toEqual([
      `kubectl patch statefulset rel-db -n demo --type=merge -p '{"spec":{"persistentVolumeClaimRetentionPolicy":{"whenDeleted":"Retain"}}}'`,
    ]);
  });
});

describe('the helm command', () => {
  const ctx = tinyPairContext(
    'mongodb',
    { 'templates/s.yaml': statefulSet(1, 'db:1') },
    { 'templates/s.yaml': statefulSet(1, 'db:2') },
  );
  const withConfig = (chartConfig: Partial<ChartContext['chartConfig']>): ChartContext => ({
    ...ctx,
    chartConfig: { ...ctx.chartConfig, ...chartConfig },
  });

  it('passes lists and maps with --set-json, scalars with --set, each from an environment variable', () => {
    const command = helmCommand(
      ctx,
      { release: 'mongodb', namespace: 'db' },
      [
        { path: 'domainFilters', example: ['example.com'] },
        { path: 'auth.rootPassword', example: 'secret' },
        { path: 'tolerations', example: { key: 'x' } },
        { path: 'replicas' },
      ],
      [],
    );
    expect(command).toBe(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: shell variables, not a template
      'helm upgrade mongodb charts/mongodb --namespace db --set-json "domainFilters=${DOMAINFILTERS}" --set "auth.rootPassword=${AUTH_ROOTPASSWORD}" --set-json "tolerations=${TOLERATIONS}" --set "replicas=${REPLICAS}"',
    );
    expect(command).not.toContain('secret');
  });

  it('loops over the releases helm list selects for a chart deployed as many, never naming one', () => {
    expect(helmCommand(withConfig({ releases: 'many' }), { release: 'mongodb', namespace: 'default' }, [], [])).toBe(
      [
        "helm list --all-namespaces --filter '^mongodb' --no-headers | while read -r release namespace _; do",
        '  helm upgrade "$release" charts/mongodb --namespace "$namespace" --wait',
        'done',
      ].join('\n'),
    );
    const removed: ChartContext = { ...withConfig({ releases: 'many' }), change: { ...ctx.change, change: 'removed' } };
    expect(helmCommand(removed, { release: 'mongodb', namespace: 'default' }, [], []).split('\n')[1]).toBe(
      '  helm uninstall "$release" --namespace "$namespace"',
    );
    const custom = helmCommand(
      withConfig({ releases: 'many', releaseFilter: "^db-[a-z0-9]+$'" }),
      { release: 'x', namespace: 'y' },
      [],
      [],
    );
    expect(custom.split('\n')[0]).toBe(
      "helm list --all-namespaces --filter '^db-[a-z0-9]+$'\\''' --no-headers | while read -r release namespace _; do",
    );
  });

  it('tells the loop apart in the actions: releaseFilter set, no rollout named after the example release', () => {
    const { actions } = plannedBump(withConfig({ releases: 'many' }));
    expect(actions.releaseFilter).toBe('^mongodb');
    expect(actions.steps.flatMap((s) => s.commands).filter((c) => c.startsWith('kubectl rollout'))).toEqual([]);
  });
});

describe('rendered copies of templated override files', () => {
  const file = (path: string, extra: Partial<OverrideFile> = {}): OverrideFile => ({
    path,
    values: { a: { b: 'rendered' } },
    keys: [],
    skipped: [],
    ...extra,
  });

  it('gives each rendered file a path of safe words: environment, chart, place, name without .j2', () => {
    const files = renderedFiles(
      [file('values/web.yaml'), file('lib/aws/web.j2.yaml', { renderedWith: 'ci/aws.yaml' })],
      'aws',
      '../../etc',
    );
    expect(files).toEqual([
      {
        source: 'lib/aws/web.j2.yaml',
        path: 'aws/__.._etc/2-web.yaml',
        renderedWith: 'ci/aws.yaml',
        content: 'a:\n  b: rendered\n',
      },
    ]);
    expect(['..', '.hidden', '', 'a/b'].map(safeWord)).toEqual(['_', '_hidden', '_', 'a_b']);
  });

  it('blocks a chart whose templated file has no rendered copy (no template context)', () => {
    const ctx = tinyPairContext(
      'web',
      { 'templates/w.yaml': deployment(2, 'web:1') },
      { 'templates/w.yaml': deployment(2, 'web:2') },
    );
    const skipped = file('lib/aws/web.j2.yaml', { skipped: [{ line: 3, text: '{%- if x %}' }] });
    const { actions } = plannedBump({ ...ctx, overrides: [skipped] });
    expect(actions.steps.filter((s) => s.blocking).map((s) => s.description)).toEqual([
      'Stop: lib/aws/web.j2.yaml is a template helm cannot read, and it has no rendered copy (the review had no template context for it (config templates.context)): render it with your deploy code and pass the result in its place.',
    ]);
  });
});

describe('the plan folder', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  const actions = (upgrade: string, renderedFiles: UpgradeActions['renderedFiles']): UpgradeActions => ({
    environment: 'aws',
    release: 'web',
    namespace: 'default',
    order: 1,
    dependsOn: [],
    reinstall: false,
    crdsToApply: [],
    orphanDeletes: [],
    backups: [],
    upgrade,
    steps: [{ phase: 'upgrade', description: 'Upgrade web.', commands: [upgrade] }],
    ...(renderedFiles ? { renderedFiles } : {}),
  });
  const report = (chartActions: UpgradeActions): Report =>
    ({
      base: { ref: 'main', sha: null },
      head: { ref: 'head', sha: null },
      lockfile: 'helm-freeze.yaml',
      verdict: 'pass',
      summary: { errors: 0, warnings: 0, notices: 0 },
      findings: [],
      charts: [
        { name: 'web', change: 'bumped', from: '1', to: '2', upgradeActions: [chartActions] } as unknown as ChartReport,
      ],
    }) as unknown as Report;

  it('writes each rendered file under the folder and names it there in the commands', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-plan-dir-'));
    dirs.push(dir);
    const forged = report(
      actions('helm upgrade web charts/web --namespace default -f chart-guard-plan/aws/web/1-web.yaml', [
        { source: 'web.j2.yaml', path: 'aws/web/1-web.yaml', renderedWith: 'ci/aws.yaml', content: 'a: 1\n' },
        // a shard report is untrusted: a path out of the folder is never written
        { source: 'x', path: '../escape.yaml', renderedWith: 'ci/aws.yaml', content: 'owned: true\n' },
      ]),
    );
    expect(writePlanFiles(forged, join(dir, 'plan'))).toBe(1);
    expect(readFileSync(join(dir, 'plan/aws/web/1-web.yaml'), 'utf8')).toBe('a: 1\n');
    expect(readdirSync(dir)).toEqual(['plan']);
    expect(renderPlan(forged, { planDir: 'out/plan' })).toContain(
      'nothing before or after: `helm upgrade web charts/web --namespace default -f out/plan/aws/web/1-web.yaml`',
    );
    expect(renderPlan(forged)).toContain('-f chart-guard-plan/aws/web/1-web.yaml`');
  });
});
