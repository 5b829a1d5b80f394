// A realistic platform repository (test/fixtures/platform, see its README.md for the planted problems): lockfile in
// lib/, two destinations, templated override files per cloud provider, a no_sync database chart, values set from
// code. Committed base then head in a real git repository and reviewed with helm 3 and helm 4, finding by finding.
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { review } from '../../src/core/pipeline/review.js';
import { GitSnapshot } from '../../src/core/repo/git-snapshot.js';
import type { Finding, Report, Severity } from '../../src/core/report/report.js';
import { TEMPLATED_UPGRADE } from '../../src/core/rules/analysis/helm-upgrade-command.js';
import { fieldsOf } from '../../src/core/rules/immutable-field-changed.js';
import { asHelmTemplate, runAsWritten } from '../support/commands-as-written.js';
import { HELM_BINARIES, PROJECT_DIR, TestRepo } from '../support/git-repo.js';

const FIXTURE = join(PROJECT_DIR, 'test/fixtures/platform');
const LOCKFILE = 'lib/helm-freeze.yaml';
const AWS_VALUES = 'lib/aws/bootstrap/chart_values';
const SCALEWAY_VALUES = 'lib/scaleway/bootstrap/chart_values';
/** The config's environments: one per cloud provider. */
const BOTH = ['aws', 'scaleway'];
const COMMON_VALUES = 'lib/common/bootstrap/chart_values';
const MARIADB_STATEFULSET = 'lib/common/bootstrap/charts/mariadb/templates/primary/statefulset.yaml';
/** Stands for mariadb's StatefulSet name, which is whatever `{{ sanitized_name }}` (fullnameOverride) renders to. */
const MARIADB_NAME = '<fullnameOverride>';

/** The issue-7 mechanic a finding (or its absence) depends on; none: today's code gets it right. */
type Mechanic = '§1 crd origin' | '§2 templated files' | '§3 capabilities' | '§4 proven ignored';

interface Expected {
  rule: Finding['rule'];
  chart: string;
  /** Key path for value rules; "Kind/name field" for render rules. */
  subject: string;
  severity: Severity;
  file: string;
  line?: number;
  needs?: Mechanic[];
  /** The environments it holds in; none for findings about the lockfile and the chart's own files. */
  environments?: string[];
  /** README.md row. */
  row: number;
}

// The spec: README.md's table, one entry per finding.
const EXPECTED: Expected[] = [
  {
    row: 1,
    rule: 'major-upgrade-notes',
    chart: 'kube-prometheus-stack',
    subject: '',
    severity: 'notice',
    file: LOCKFILE,
    line: 7,
  },
  {
    row: 7,
    rule: 'override-key-unknown',
    chart: 'external-dns',
    subject: 'serviceMonitor.scrapeTimout',
    environments: BOTH,
    severity: 'warning',
    file: `${COMMON_VALUES}/external-dns.yaml`,
    line: 7,
    needs: ['§3 capabilities', '§4 proven ignored'],
  },
  {
    row: 8,
    rule: 'chart-locally-modified',
    chart: 'mariadb',
    subject: '',
    severity: 'notice',
    file: LOCKFILE,
    line: 17,
  },
  { row: 9, rule: 'major-upgrade-notes', chart: 'mariadb', subject: '', severity: 'notice', file: LOCKFILE, line: 17 },
  {
    row: 10,
    rule: 'values-file-partial',
    chart: 'mariadb',
    subject: '',
    severity: 'notice',
    file: `${AWS_VALUES}/mariadb.j2.yaml`,
    line: 19,
    environments: ['aws'],
  },
  {
    row: 24,
    rule: 'values-file-partial',
    chart: 'mariadb',
    subject: '',
    severity: 'notice',
    file: `${SCALEWAY_VALUES}/mariadb.j2.yaml`,
    line: 14,
    environments: ['scaleway'],
  },
  {
    // rows 12 and 13: one finding for the StatefulSet, naming both fields (its path is the first)
    row: 12,
    rule: 'immutable-field-changed',
    chart: 'mariadb',
    subject: `StatefulSet/${MARIADB_NAME} spec.selector.matchLabels`,
    environments: BOTH,
    severity: 'error',
    file: MARIADB_STATEFULSET,
    line: 7,
    needs: ['§2 templated files'],
  },
  {
    row: 14,
    rule: 'override-key-unknown',
    chart: 'mariadb',
    subject: 'primary.service.labels.qovery\\.com/service-id',
    environments: ['aws'],
    severity: 'warning',
    file: `${AWS_VALUES}/mariadb.j2.yaml`,
    line: 18,
    needs: ['§2 templated files', '§4 proven ignored'],
  },
  {
    row: 16,
    rule: 'override-key-removed',
    chart: 'karpenter',
    subject: 'settings.aws.clusterName',
    environments: ['aws'],
    severity: 'error',
    file: `${AWS_VALUES}/karpenter.j2.yaml`,
    line: 7,
  },
  {
    row: 16,
    rule: 'override-key-removed',
    chart: 'karpenter',
    subject: 'settings.aws.interruptionQueueName',
    environments: ['aws'],
    severity: 'error',
    file: `${AWS_VALUES}/karpenter.j2.yaml`,
    line: 8,
  },
  {
    row: 17,
    rule: 'crd-changed',
    chart: 'karpenter',
    subject: 'CustomResourceDefinition/nodepools.karpenter.sh spec',
    environments: BOTH,
    severity: 'warning',
    file: 'lib/aws/bootstrap/charts/karpenter/crds/karpenter.sh_nodepools.yaml',
    line: 3,
    needs: ['§1 crd origin'],
  },
  {
    row: 21,
    rule: 'override-key-removed',
    chart: 'descheduler',
    subject: 'config',
    // {dest}/../chart_values of the aws-bootstrap destination: a top-level pattern, so both environments use it
    environments: BOTH,
    severity: 'error',
    file: `${AWS_VALUES}/descheduler.yaml`,
    line: 5,
    needs: ['§4 proven ignored'],
  },
  ...['prometheuses', 'servicemonitors'].map(
    (plural): Expected => ({
      row: 2,
      rule: 'resource-removed',
      chart: 'kube-prometheus-stack',
      subject: `CustomResourceDefinition/${plural}.monitoring.coreos.com`,
      environments: BOTH,
      severity: 'notice',
      file: `lib/common/bootstrap/charts/kube-prometheus-stack/charts/crds/crds/crd-${plural}.yaml`,
      line: 4,
      needs: ['§1 crd origin'],
    }),
  ),
];

/** Every finding of a report, chart findings tagged with their chart. */
function allFindings(report: Report): (Finding & { chart: string })[] {
  return [
    ...report.charts.flatMap((c) => c.findings.map((f) => ({ ...f, chart: c.name }))),
    ...report.findings.map((f) => ({ ...f, chart: f.chart ?? '' })),
  ];
}

function subjectOf(f: Finding & { chart: string }): string {
  const resource = f.resource
    ? `${f.resource.kind}/${f.chart === 'mariadb' && f.resource.kind === 'StatefulSet' ? MARIADB_NAME : f.resource.name}`
    : '';
  return [resource, f.path].filter(Boolean).join(' ');
}

/** What is compared: rule, chart, subject, severity, file:line and environments. */
const tuple = (f: {
  rule: string;
  chart: string;
  subject: string;
  severity: string;
  file?: string;
  line?: number;
  environments?: string[];
}) =>
  `${f.rule} | ${f.chart} | ${f.subject} | ${f.severity} | ${f.file ?? '-'}:${f.line ?? '-'} | ${f.environments?.join(', ') ?? '-'}`;

const actualTuples = (report: Report) =>
  allFindings(report)
    .map((f) => tuple({ ...f, subject: subjectOf(f) }))
    .sort();

/** What the deploy code exports for the config's code-set keys (its example values; lists as JSON). */
const DEPLOY_ENV = {
  AUTH_ROOTPASSWORD: 'example-root-password',
  AUTH_PASSWORD: 'example-password',
  DOMAINFILTERS: '["example.com"]',
};

/**
 * The helm commands a remedy prints: its code spans, and the lines of the block of each environment's commands below a
 * merged remedy (the span that stands for them, "`helm upgrade … …`", is elided: not a command).
 */
function helmCommandsOf(remedy: string): string[] {
  const spans = [...remedy.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]);
  const lines = remedy.split('\n').flatMap((line) => /^(.*\S) {2}# [^`]+$/.exec(line)?.[1] ?? []);
  return [...spans, ...lines].filter((command) => /^helm /.test(command) && !command.endsWith(' …'));
}

/** Replaces the repository's tree (all but .git) with a fixture tree. */
function checkOut(repo: TestRepo, tree: string): void {
  for (const name of readdirSync(repo.dir)) if (name !== '.git') rmSync(join(repo.dir, name), { recursive: true });
  cpSync(join(FIXTURE, tree), repo.dir, { recursive: true });
}

const repo = new TestRepo('cg-platform-');
let baseSha: string;
let headSha: string;

beforeAll(() => {
  checkOut(repo, 'base');
  baseSha = repo.commit('platform before the bump');
  checkOut(repo, 'head');
  headSha = repo.commit('bump six charts');
});
afterAll(() => repo.cleanup());

const HELMS = [
  ['helm 3', HELM_BINARIES.v3],
  ['helm 4', HELM_BINARIES.v4],
] as const;

describe.each(HELMS)('platform repository reviewed with %s', (_label, helm) => {
  let report: Report;
  const charts = () => new Map(report.charts.map((c) => [c.name, c]));
  const findingsOf = (chart: string) => allFindings(report).filter((f) => f.chart === chart);

  beforeAll(async () => {
    report = await review({
      repoDir: repo.dir,
      base: new GitSnapshot(repo.dir, 'main~1', baseSha),
      head: new GitSnapshot(repo.dir, 'main', headSha),
      helm,
    });
  });

  it('reviews the six bumped charts of both destinations in each provider, with the files of that provider', () => {
    expect(report.lockfile).toBe(LOCKFILE);
    expect(report.kubernetesVersion).toBe('1.28');
    expect(report.environments?.map((e) => [e.name, e.kubernetesVersion, e.values])).toEqual([
      [
        'aws',
        '1.28',
        [
          '{dest}/../chart_values/{chart}.yaml',
          '{lockdir}/aws/bootstrap/chart_values/{chart}.yaml',
          '{lockdir}/aws/bootstrap/chart_values/{chart}.j2.yaml',
        ],
      ],
      [
        'scaleway',
        '1.28',
        [
          '{dest}/../chart_values/{chart}.yaml',
          '{lockdir}/scaleway/bootstrap/chart_values/{chart}.yaml',
          '{lockdir}/scaleway/bootstrap/chart_values/{chart}.j2.yaml',
        ],
      ],
    ]);
    const filesIn = (c: Report['charts'][number]) => c.environments?.map((e) => [e.name, e.overrideFiles]);
    expect(report.charts.map((c) => [c.name, c.dir, c.change, c.from, c.to, filesIn(c)])).toEqual([
      [
        'kube-prometheus-stack',
        'lib/common/bootstrap/charts/kube-prometheus-stack',
        'bumped',
        '54.2.2',
        '55.0.0',
        [
          ['aws', [`${COMMON_VALUES}/kube-prometheus-stack.yaml`]],
          ['scaleway', [`${COMMON_VALUES}/kube-prometheus-stack.yaml`]],
        ],
      ],
      [
        'prometheus-adapter',
        'lib/common/bootstrap/charts/prometheus-adapter',
        'bumped',
        '4.9.0',
        '4.10.0',
        [
          ['aws', [`${AWS_VALUES}/prometheus-adapter.j2.yaml`]],
          ['scaleway', []],
        ],
      ],
      [
        'external-dns',
        'lib/common/bootstrap/charts/external-dns',
        'bumped',
        '1.13.1',
        '1.14.0',
        [
          ['aws', [`${COMMON_VALUES}/external-dns.yaml`, `${AWS_VALUES}/external-dns.j2.yaml`]],
          ['scaleway', [`${COMMON_VALUES}/external-dns.yaml`, `${SCALEWAY_VALUES}/external-dns.j2.yaml`]],
        ],
      ],
      [
        'mariadb',
        'lib/common/bootstrap/charts/mariadb',
        'bumped',
        '19.1.2',
        '20.0.0',
        [
          ['aws', [`${AWS_VALUES}/mariadb.j2.yaml`]],
          ['scaleway', [`${SCALEWAY_VALUES}/mariadb.j2.yaml`]],
        ],
      ],
      [
        'karpenter',
        'lib/aws/bootstrap/charts/karpenter',
        'bumped',
        '0.32.10',
        '0.33.0',
        [
          ['aws', [`${AWS_VALUES}/karpenter.j2.yaml`]],
          ['scaleway', []],
        ],
      ],
      [
        'descheduler',
        'lib/aws/bootstrap/charts/descheduler',
        'bumped',
        '0.28.1',
        '0.29.0',
        // {dest}/../chart_values of the aws-bootstrap destination is the AWS folder: both environments read it
        [
          ['aws', [`${AWS_VALUES}/descheduler.yaml`]],
          ['scaleway', [`${AWS_VALUES}/descheduler.yaml`]],
        ],
      ],
    ]);
    // no render layers one provider's files over the other's
    for (const chart of report.charts) {
      for (const environment of chart.environments ?? []) {
        const other = environment.name === 'aws' ? 'lib/scaleway/' : 'lib/aws/bootstrap/chart_values/';
        const own = environment.overrideFiles.filter((f) => !f.endsWith('descheduler.yaml'));
        expect(own.filter((f) => f.startsWith(other))).toEqual([]);
      }
    }
  });

  it('gives one finding for both providers, its upgrade sent to the runbook: each takes a rendered Jinja file', () => {
    const immutable = findingsOf('mariadb').filter((f) => f.rule === 'immutable-field-changed');
    expect(immutable.map((f) => f.environments)).toEqual([BOTH]);
    // the advice once; helm cannot read mariadb.j2.yaml, whose rendered copy only the runbook's plan folder names
    for (const f of immutable) {
      expect(f.remedy?.match(/Delete the StatefulSet/g)).toHaveLength(1);
      expect(f.remedy).toContain(`--cascade=orphan\` then ${TEMPLATED_UPGRADE}. The new StatefulSet keeps the name`);
      expect(f.remedy).not.toMatch(/mariadb\.j2\.yaml|--set \.\.\./);
    }
  });

  it('prints in its remedies only helm commands that run as written (helm template in place of helm upgrade)', () => {
    const commands = allFindings(report).flatMap((f) => helmCommandsOf(f.remedy ?? ''));
    // the one upgrade a remedy names is mariadb's, whose override files are templated: words, no command
    expect(commands).toEqual([]);
    for (const command of commands) {
      const run = runAsWritten(asHelmTemplate(command), repo.dir, helm, DEPLOY_ENV);
      expect({ command, status: run.status, stderr: run.stderr }).toMatchObject({ status: 0, stderr: '' });
      expect(run.stdout).toMatch(/^kind: [A-Za-z]+$/m);
    }
  });

  it('reports every planted problem that needs no issue-7 mechanic, finding by finding', () => {
    const actual = actualTuples(report);
    for (const expected of EXPECTED.filter((e) => !e.needs)) {
      expect(actual, `README row ${expected.row}`).toContain(tuple(expected));
    }
  });

  it('takes the code-set keys of the config as keys of their charts (README row 23)', () => {
    expect(allFindings(report).filter((f) => f.rule === 'code-set-key-undeclared')).toEqual([]);
  });

  it('renders external-dns with the structured code-set value instead of the deploy placeholder', () => {
    // `range .Values.domainFilters` fails on the file's `set-by-deploy-code` string: only the config's list renders.
    const externalDns = charts().get('external-dns')!;
    expect(externalDns.render).toEqual({ status: 'ok' });
    expect(findingsOf('external-dns').filter((f) => f.rule === 'render-failed')).toEqual([]);
  });

  it('accepts the keys of real maps (free-form or not) and the keys karpenter 0.33 still has', () => {
    const paths = allFindings(report).map((f) => f.path);
    for (const path of [
      'primary.persistence.labels.qovery\\.com/service-id',
      'commonLabels.envId',
      'auth.database',
      'settings.clusterName',
      'serviceAccount.annotations.eks\\.amazonaws\\.com/role-arn',
      'prometheusOperator.nodeSelector.kubernetes\\.io/os',
      'crds.enabled',
      'schedule',
    ]) {
      expect(paths).not.toContain(path);
    }
  });

  it('points the removed karpenter keys at the new chart version', () => {
    const removed = findingsOf('karpenter').filter((f) => f.rule === 'override-key-removed');
    expect(removed.map((f) => [f.path, f.before, f.after])).toEqual([
      ['settings.aws.clusterName', '', undefined],
      ['settings.aws.interruptionQueueName', '', undefined],
    ]);
    for (const f of removed) expect(f.message).toContain('0.33.0');
  });

  describe('the issue 7 mechanics on a platform repository', () => {
    it('§1: crds/ files starting with `---` keep their origin: crd-changed for karpenter, no removal of the switched-off subchart CRDs', () => {
      const crdChanged = findingsOf('karpenter').filter((f) => f.rule === 'crd-changed');
      expect(crdChanged.map((f) => [f.resource?.name, f.file])).toEqual([
        ['nodepools.karpenter.sh', 'lib/aws/bootstrap/charts/karpenter/crds/karpenter.sh_nodepools.yaml'],
      ]);
      expect(crdChanged[0].message).toContain('Weight');
      // Helm never deletes CRDs installed from crds/, whether the chart or a subchart ships them: a notice that the
      // CRDs stay, never a claim that the upgrade deletes them.
      const removed = findingsOf('kube-prometheus-stack').filter((f) => f.rule === 'resource-removed');
      expect(removed.map((f) => [f.resource?.name, f.severity])).toEqual([
        ['prometheuses.monitoring.coreos.com', 'notice'],
        ['servicemonitors.monitoring.coreos.com', 'notice'],
      ]);
      for (const f of removed) {
        expect(f.message).toContain('never deletes');
        expect(f.message).not.toMatch(/upgrade` deletes/);
      }
    });

    it('§2: templated override files render (tpl in Bitnami helpers and prometheus-adapter), so the StatefulSet checks run', () => {
      expect(
        allFindings(report)
          .filter((f) => f.rule === 'render-failed')
          .map((f) => f.message),
      ).toEqual([]);
      for (const name of ['mariadb', 'prometheus-adapter'])
        expect(charts().get(name)?.render).toEqual({ status: 'ok' });
      const immutable = findingsOf('mariadb').filter((f) => f.rule === 'immutable-field-changed');
      expect(immutable).toHaveLength(1);
      const [finding] = immutable;
      expect(fieldsOf(finding).sort()).toEqual(['spec.selector.matchLabels', 'spec.serviceName']);
      // The placeholder for `{{ sanitized_name }}` is a valid DNS label: it names the StatefulSet and its Service.
      const name = finding.resource?.name ?? '';
      expect(name).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
      // the same variable on both sides, in different text: a real change, blocking
      const [before, after] = [finding.before, finding.after] as Record<string, unknown>[];
      expect([before['spec.serviceName'], after['spec.serviceName']]).toEqual([name, `${name}-headless`]);
      expect(after['spec.selector.matchLabels']).toMatchObject({ 'app.kubernetes.io/part-of': 'mariadb' });
      expect(charts().get('mariadb')?.needsReinstall).toBe(true);
    });

    it('§3: charts see the APIs a 1.28 cluster serves and the config adds, so no false api-removed', () => {
      expect(
        allFindings(report)
          .filter((f) => f.rule === 'api-removed')
          .map((f) => f.message),
      ).toEqual([]);
      expect(report.findings.filter((f) => f.rule === 'config-invalid').map((f) => f.message)).toEqual([]);
    });

    it('§4: keys accepted on weak evidence are proven ignored by re-rendering; keys the render uses are kept', () => {
      const proven = allFindings(report).filter(
        (f) =>
          (f.rule === 'override-key-unknown' || f.rule === 'override-key-removed') &&
          ['external-dns', 'mariadb', 'descheduler'].includes(f.chart),
      );
      expect(proven.map((f) => f.path).sort()).toEqual([
        'config',
        'primary.service.labels.qovery\\.com/service-id',
        'serviceMonitor.scrapeTimout',
      ]);
      // the dropped `config` tree is one finding that names each key set under it
      const config = proven.find((f) => f.path === 'config')!;
      expect(config.message).toContain('config.strategies.RemoveDuplicates.enabled');
      expect(config.message).toContain(
        'config.strategies.LowNodeUtilization.params.nodeResourceUtilizationThresholds.thresholds.cpu',
      );
      // the evidence may sit in the message or in a field of its own
      for (const f of proven) expect(JSON.stringify(f)).toContain('does not change the rendered manifests');
      // read inside `with .Values.serviceMonitor` of a ServiceMonitor that renders only with monitoring.coreos.com/v1
      expect(allFindings(report).map((f) => f.path)).not.toContain('serviceMonitor.interval');
    });

    it('finds exactly the planted problems: every expected finding and no other', () => {
      expect(actualTuples(report)).toEqual(EXPECTED.map(tuple).sort());
    });
  });
});
