// Hand-built reports shaped like real runs: the mariadb 7.10.4 -> 8.0.0 "master -> primary" rename and the
// prometheus-node-exporter 3.4.0 -> 4.0.0 selector change from test/fixtures/corpus (their NOTES.md give the facts used
// here), a chart whose overrides changed without a bump, and generators for hostile and huge reports.
import type { ChartReport, Finding, Report } from '../../src/core/report/report.js';
import { summarise, verdictOf } from '../../src/core/report/report.js';

const MARIADB_README_NOTE = `- Several parameters were renamed or dissapeared in favor of new ones on this major version:
  - The terms *master* and *slave* have been replaced by the terms *primary* and *secondary*. Therefore, parameters prefixed with \`master\` or \`slave\` are now prefixed with \`primary\` or \`secondary\`, respectively.
  - \`securityContext.*\` is deprecated in favor of \`primary.podSecurityContext\`, \`primary.containerSecurityContext\`, \`secondary.podSecurityContext\`, and \`secondary.containerSecurityContext\`.
  - Credentials parameter are reorganized under the \`auth\` parameter.
  - \`replication.enabled\` parameter is deprecated in favor of \`architecture\` parameter that accepts two values: \`standalone\` and \`replication\`.

Backwards compatibility is not guaranteed. To upgrade to \`8.0.0\`, install a new release of the MariaDB chart, and migrate the data from your previous release. You have 2 alternatives to do so:
- Create a backup of the database, and restore it on the new release using tools such as [mysqldump](https://mariadb.com/kb/en/mysqldump/).
- Reuse the PVC used to hold the master data on your previous release. To do so, use the \`primary.persistence.existingClaim\` parameter.

<b>Note</b>: questions to @bitnami/maintainers, see #3849.`;

const NODE_EXPORTER_README_NOTE = `Starting from version 4.0.0, the \`node exporter\` chart is using the [Kubernetes recommended labels](https://kubernetes.io/docs/concepts/overview/working-with-objects/common-labels/). Therefore you have to delete the daemonset before you upgrade.

\`\`\`console
kubectl delete daemonset -l app=prometheus-node-exporter
helm upgrade -i prometheus-node-exporter prometheus-community/prometheus-node-exporter
\`\`\``;

export function mariadbChart(): ChartReport {
  return {
    name: 'mariadb',
    dir: 'charts/mariadb',
    change: 'bumped',
    from: '7.10.4',
    to: '8.0.0',
    semverChange: 'major',
    overrideFiles: ['values/mariadb.yaml'],
    render: { status: 'ok' },
    valuesDiff: {
      added: [
        'architecture',
        'auth.rootPassword',
        'auth.database',
        'auth.username',
        'primary.persistence.size',
        'primary.persistence.existingClaim',
        'secondary.replicaCount',
      ],
      removed: [
        'master.persistence.size',
        'rootUser.password',
        'replication.enabled',
        'db.user',
        'db.name',
        'slave.replicas',
        'securityContext.fsGroup',
        'service.port',
      ],
      changed: [
        { path: 'image.tag', before: '10.3.24-debian-10-r49', after: '10.5.5-debian-10-r0' },
        { path: 'metrics.image.tag', before: '0.12.1-debian-10-r270', after: '0.12.1-debian-10-r272' },
      ],
    },
    findings: [
      {
        rule: 'override-key-removed',
        severity: 'error',
        chart: 'mariadb',
        message:
          '`master.persistence.size` is set in values/mariadb.yaml but mariadb 8.0.0 no longer has it: Helm ignores it. Did you mean `primary.persistence.size`?',
        file: 'values/mariadb.yaml',
        line: 12,
        path: 'master.persistence.size',
        suggestion: 'primary.persistence.size',
        before: '20Gi',
        remedy: 'Rename `master.persistence.size` to `primary.persistence.size` in values/mariadb.yaml.',
      },
      {
        rule: 'override-key-removed',
        severity: 'error',
        chart: 'mariadb',
        message:
          '`rootUser.password` is set in values/mariadb.yaml but mariadb 8.0.0 no longer has it: Helm ignores it. Did you mean `auth.rootPassword`?',
        file: 'values/mariadb.yaml',
        line: 3,
        path: 'rootUser.password',
        suggestion: 'auth.rootPassword',
        before: '<redacted>',
        remedy: 'Rename `rootUser.password` to `auth.rootPassword` in values/mariadb.yaml.',
      },
      {
        rule: 'statefulset-replaced',
        severity: 'error',
        chart: 'mariadb',
        message:
          'StatefulSet rel-mariadb-master is replaced by rel-mariadb: the PVC data-rel-mariadb-master-0 keeps the data but the new StatefulSet claims data-rel-mariadb-0.',
        resource: { apiVersion: 'apps/v1', kind: 'StatefulSet', namespace: 'demo', name: 'rel-mariadb-master' },
        path: 'spec.volumeClaimTemplates[0]',
        before: { name: 'data-rel-mariadb-master-0' },
        after: { name: 'data-rel-mariadb-0' },
        needsReinstall: true,
        remedy: [
          'Back up the database, then reuse the old volume through `primary.persistence.existingClaim`:',
          'kubectl -n demo scale statefulset rel-mariadb-master --replicas=0',
          'helm upgrade rel charts/mariadb -n demo -f values/mariadb.yaml --set primary.persistence.existingClaim=data-rel-mariadb-master-0',
        ].join('\n'),
      },
      {
        rule: 'override-key-unknown',
        severity: 'warning',
        chart: 'mariadb',
        message:
          "`metrics.serviceMonitor.enabledd` is in neither version's defaults. Did you mean `metrics.serviceMonitor.enabled`?",
        file: 'values/mariadb.yaml',
        line: 27,
        path: 'metrics.serviceMonitor.enabledd',
        suggestion: 'metrics.serviceMonitor.enabled',
      },
      ...['StatefulSet rel-mariadb-slave', 'Service rel-mariadb-slave', 'ConfigMap rel-mariadb-master'].map(
        (what): Finding => {
          const [kind, name] = what.split(' ');
          return {
            rule: 'resource-removed',
            severity: 'notice',
            chart: 'mariadb',
            message: `${kind} ${name} is no longer rendered: helm upgrade deletes it.`,
            resource: { apiVersion: kind === 'StatefulSet' ? 'apps/v1' : 'v1', kind, namespace: 'demo', name },
          };
        },
      ),
      {
        rule: 'major-upgrade-notes',
        severity: 'notice',
        chart: 'mariadb',
        message: 'mariadb 7.10.4 → 8.0.0 crosses major version 8: read the chart\'s upgrade notes ("To 8.0.0").',
      },
    ],
    needsReinstall: true,
    reinstallReason: 'StatefulSet rel-mariadb-master is replaced by rel-mariadb; its volume would be orphaned.',
    upgradeNotes: [{ heading: 'To 8.0.0', text: MARIADB_README_NOTE }],
    lockfileComment: 'pinned by @platform-team until the <b>migration</b> | see #123',
    artifactHubChanges: ['Rename master/slave to primary/secondary', 'Add `architecture` parameter'],
    lockfileLine: 14,
  };
}

export function nodeExporterChart(): ChartReport {
  return {
    name: 'prometheus-node-exporter',
    dir: 'charts/prometheus-node-exporter',
    change: 'bumped',
    from: '3.4.0',
    to: '4.0.0',
    semverChange: 'major',
    overrideFiles: [],
    render: { status: 'ok' },
    valuesDiff: { added: [], removed: [], changed: [] },
    findings: [
      {
        rule: 'immutable-field-changed',
        severity: 'error',
        chart: 'prometheus-node-exporter',
        message:
          'DaemonSet rel-prometheus-node-exporter changes spec.selector.matchLabels, which the API server refuses to update.',
        resource: { apiVersion: 'apps/v1', kind: 'DaemonSet', namespace: 'demo', name: 'rel-prometheus-node-exporter' },
        path: 'spec.selector.matchLabels',
        before: { app: 'prometheus-node-exporter', release: 'rel' },
        after: { 'app.kubernetes.io/instance': 'rel', 'app.kubernetes.io/name': 'prometheus-node-exporter' },
        needsReinstall: true,
        remedy:
          'Delete the DaemonSet before the upgrade; its pods are recreated by the upgrade:\nkubectl -n demo delete daemonset rel-prometheus-node-exporter',
      },
      {
        rule: 'major-upgrade-notes',
        severity: 'notice',
        chart: 'prometheus-node-exporter',
        message:
          'prometheus-node-exporter 3.4.0 → 4.0.0 crosses major version 4: read the chart\'s upgrade notes ("3.x to 4.x").',
      },
    ],
    needsReinstall: true,
    reinstallReason:
      'DaemonSet rel-prometheus-node-exporter must be deleted and recreated (spec.selector is immutable).',
    upgradeNotes: [{ heading: '3.x to 4.x', text: NODE_EXPORTER_README_NOTE }],
    lockfileLine: 20,
  };
}

/** The overrides of a pinned chart changed; the chart itself did not. */
export function zookeeperOverridesChart(): ChartReport {
  return {
    name: 'zookeeper',
    dir: 'charts/zookeeper',
    change: 'overrides-changed',
    from: '13.4.10',
    to: '13.4.10',
    semverChange: null,
    overrideFiles: ['values/zookeeper.yaml'],
    render: { status: 'ok' },
    valuesDiff: { added: [], removed: [], changed: [] },
    findings: [],
    needsReinstall: false,
    lockfileLine: 26,
  };
}

/** Fills in summary and verdict the way review() does, with fail-on: error. */
export function withTotals(report: Omit<Report, 'summary' | 'verdict'>): Report {
  const summary = summarise(report);
  return { ...report, summary, verdict: verdictOf(summary, 'error') };
}

export function sampleReport(): Report {
  return withTotals({
    schemaVersion: 1,
    tool: { name: 'chart-guard', version: '0.1.0' },
    mode: 'review',
    base: { ref: 'origin/main', sha: '91fcd1eb5d00c33cc74e24502a85ce656ac1e963' },
    head: { ref: 'HEAD', sha: '1206942b69c02a140a60e4e5ab59bf6d53d5b7e6' },
    lockfile: 'helm-freeze.yaml',
    kubernetesVersion: '1.31',
    charts: [zookeeperOverridesChart(), mariadbChart(), nodeExporterChart()],
    findings: [
      {
        rule: 'chart-dir-orphan',
        severity: 'warning',
        message: 'charts/redis is in the destination charts/ but no lockfile entry names it.',
        file: 'charts/redis/Chart.yaml',
      },
    ],
  });
}

/** A lint of the whole lockfile at HEAD: no base, no bumps. */
export function lintReport(): Report {
  const pinned = (name: string, version: string, findings: Finding[] = []): ChartReport => ({
    name,
    dir: `charts/${name}`,
    change: 'unchanged',
    from: version,
    to: version,
    semverChange: null,
    overrideFiles: [`values/${name}.yaml`],
    render: { status: 'skipped', reason: 'lint does not render' },
    valuesDiff: { added: [], removed: [], changed: [] },
    findings,
    needsReinstall: false,
    lockfileLine: 10,
  });
  return withTotals({
    schemaVersion: 1,
    tool: { name: 'chart-guard', version: '0.1.0' },
    mode: 'lint',
    base: null,
    head: { ref: 'HEAD', sha: null },
    lockfile: 'helm-freeze.yaml',
    kubernetesVersion: null,
    charts: [
      pinned('zookeeper', '13.4.11'),
      pinned('mariadb', '8.0.0', [
        {
          rule: 'override-key-unknown',
          severity: 'error',
          chart: 'mariadb',
          message: '`master.persistence.size` is not a key of mariadb 8.0.0. Did you mean `primary.persistence.size`?',
          file: 'values/mariadb.yaml',
          line: 12,
          path: 'master.persistence.size',
          suggestion: 'primary.persistence.size',
        },
      ]),
      pinned('cassandra', '5.0.0'),
    ],
    findings: [],
  });
}

/** Chart content written to break a renderer: HTML, fences, mentions, table pipes, newlines, terminal escapes. */
export const HOSTILE = {
  name: 'evil|chart</details><script>alert(1)</script>',
  message:
    'closes </details> and ``` fences, pings @org/team and @alice, links #123 | splits cells\nand rows \u001b[31mred\u001b[0m',
  remedy: 'Try this:\nkubectl delete pod x # ``` ```` </details>\nthen tell @org/team',
  value: '</details>``` | @org/team',
  note: '```\n</details>\n<script>alert(1)</script>\n````\n@org/team #42',
} as const;

export function hostileReport(): Report {
  const chart: ChartReport = {
    ...mariadbChart(),
    name: HOSTILE.name,
    from: '1.0.0 | x',
    to: '2.0.0\n| injected | row |',
    valuesDiff: {
      added: [HOSTILE.value],
      removed: ['a|b'],
      changed: [{ path: 'x|y', before: HOSTILE.value, after: '`@bob`' }],
    },
    findings: [
      {
        rule: 'override-key-removed',
        severity: 'error',
        chart: HOSTILE.name,
        message: HOSTILE.message,
        file: 'values/evil.yaml',
        line: 1,
        path: HOSTILE.value,
        before: HOSTILE.value,
        remedy: HOSTILE.remedy,
      },
      {
        rule: 'override-key-unknown',
        severity: 'warning',
        chart: HOSTILE.name,
        message: HOSTILE.message,
        file: 'values/evil.yaml',
        line: 2,
      },
      { rule: 'resource-removed', severity: 'notice', chart: HOSTILE.name, message: HOSTILE.message },
    ],
    reinstallReason: HOSTILE.message,
    upgradeNotes: [{ heading: '</details> @org/team', text: HOSTILE.note }],
    lockfileComment: HOSTILE.message,
    artifactHubChanges: [HOSTILE.message],
  };
  return withTotals({ ...sampleReport(), charts: [chart], findings: [] });
}

/** A fleet-sized report: `charts` charts with `findingsPerChart` findings each, long text, big diffs and notes. */
export function hugeReport(charts = 300, findingsPerChart = 50): Report {
  const severities = ['error', 'warning', 'notice'] as const;
  const chartReports = Array.from({ length: charts }, (_, c): ChartReport => {
    const name = `chart-${String(c).padStart(3, '0')}`;
    return {
      ...mariadbChart(),
      name,
      dir: `charts/${name}`,
      valuesDiff: {
        added: Array.from({ length: 200 }, (_, k) => `added.key${k}`),
        removed: Array.from({ length: 200 }, (_, k) => `removed.key${k}`),
        changed: Array.from({ length: 100 }, (_, k) => ({
          path: `changed.key${k}`,
          before: k,
          after: { k, list: [1, 2] },
        })),
      },
      upgradeNotes: [{ heading: 'To 8.0.0', text: MARIADB_README_NOTE.repeat(5) }],
      findings: Array.from(
        { length: findingsPerChart },
        (_, f): Finding => ({
          rule: 'override-key-removed',
          severity: severities[(c + f) % 3],
          chart: name,
          message: `Key number ${f} of ${name} is gone: \`key${f}.with.a.long.path\`. ${'Some explanation. '.repeat(5)}`,
          file: `values/${name}.yaml`,
          line: f + 1,
          path: `key${f}.with.a.long.path`,
          before: { value: f },
          remedy: `Rename the key in values/${name}.yaml, then:\nhelm upgrade rel charts/${name} -f values/${name}.yaml`,
        }),
      ),
    };
  });
  return withTotals({ ...sampleReport(), charts: chartReports });
}
