// The runbook of a fleet (test/fixtures/fleet, see its README.md): four environments, charts scoped to some of them,
// a karpenter-crd chart owning the CRDs karpenter also ships in crds/, Jinja override files, a deleted chart folder,
// a list set by the deploy code and a chart deployed once per database. Committed base then head in a real git
// repository and reviewed with helm 3 and helm 4; the plan of each environment is asserted line by line. Then every
// command of the plan is run as written: each `helm upgrade` as `helm template` (same flags, the rendered override
// files of the plan folder) must render, each `kubectl` and `helm list` line against a server that never answers
// must fail on the connection, never on its own usage.
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { review } from '../../src/core/pipeline/review.js';
import { GitSnapshot } from '../../src/core/repo/git-snapshot.js';
import { fleetMatrix } from '../../src/core/report/fleet-verdict.js';
import type { Report } from '../../src/core/report/report.js';
import { crdApplyCommand } from '../../src/core/rules/analysis/crds.js';
import { DEFAULT_PLAN_DIR } from '../../src/core/runbook/rendered-files.js';
import { renderPlan } from '../../src/format/plan.js';
import { writePlanFiles } from '../../src/format/plan-files.js';
import { type BuiltCli, buildCli, runCli } from '../support/cli-bundle.js';
import { asHelmTemplate, CONNECTION_REFUSED, runAsWritten, USAGE_ERROR } from '../support/commands-as-written.js';
import { HELM_BINARIES, PROJECT_DIR, TestRepo } from '../support/git-repo.js';
import { UNREACHABLE_SERVER } from '../support/kubectl.js';

const FIXTURE = join(PROJECT_DIR, 'test/fixtures/fleet');
const ENVIRONMENTS = ['aws', 'aws-karpenter', 'gcp', 'scaleway'];

/** What the deploy code exports for the code-set keys (the config's example values; lists as JSON). */
const DEPLOY_ENV = {
  DOMAINFILTERS: '["example.com","example.org"]',
  CLUSTERNAME: 'example-cluster',
  AUTH_ROOTPASSWORD: 'example-root-password',
};

/** Replaces the repository's tree (all but .git) with one side of the fixture. */
function load(repo: TestRepo, side: 'base' | 'head'): void {
  for (const entry of readdirSync(repo.dir)) if (entry !== '.git') repo.remove(entry);
  cpSync(join(FIXTURE, side), repo.dir, { recursive: true });
}

/** The non-empty lines of one environment's section of the plan. */
function section(plan: string, environment: string): string[] {
  const start = plan.indexOf(`## Environment ${environment}\n`);
  const next = plan.indexOf('\n## Environment ', start + 1);
  return plan
    .slice(start, next < 0 ? undefined : next)
    .split('\n')
    .filter((line) => line.trim() !== '');
}

/** Every command of a section: the shell blocks' (a loop is one command of several lines) and the one-line forms'. */
function commandsOf(lines: readonly string[]): string[] {
  const commands: string[] = [];
  let block: string[] | undefined;
  for (const line of lines) {
    if (/^ *```sh$/.test(line)) block = [];
    else if (block && /^ *```$/.test(line)) {
      commands.push(...joinLoops(block.map((l) => l.replace(/^ {3}/, ''))));
      block = undefined;
    } else if (block) block.push(line);
    else {
      const inline = /: nothing before or after: `(.+)`$/.exec(line);
      if (inline) commands.push(inline[1]);
    }
  }
  return commands;
}

/** A `... | while ...; do` line, its body and `done` are one command. */
function joinLoops(lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/; do$/.test(lines[i])) {
      out.push(lines[i]);
      continue;
    }
    const end = lines.indexOf('done', i);
    out.push(lines.slice(i, end + 1).join('\n'));
    i = end;
  }
  return out;
}

/** Runs a shell command line in the repository with the deploy code's variables. */
function sh(command: string, cwd: string, helm: string, extra: Record<string, string> = {}) {
  return runAsWritten(command, cwd, helm, { ...DEPLOY_ENV, ...extra });
}

describe.each(Object.entries(HELM_BINARIES))('the fleet runbook (helm %s)', (_major, helm) => {
  const repo = new TestRepo('cg-fleet-runbook-');
  let report: Report;
  let plan: string;

  beforeAll(async () => {
    load(repo, 'base');
    const base = repo.commit('base');
    load(repo, 'head');
    const head = repo.commit('head: every chart bumped, metrics-server folder deleted, vertical-pod-autoscaler added');
    report = await review({
      repoDir: repo.dir,
      base: new GitSnapshot(repo.dir, 'main', base),
      head: new GitSnapshot(repo.dir, 'head', head),
      helm,
      concurrency: 2,
    });
    plan = renderPlan(report);
    writePlanFiles(report, join(repo.dir, DEFAULT_PLAN_DIR));
  }, 120_000);
  afterAll(() => repo.cleanup());

  it('says once, before every environment, that vertical-pod-autoscaler is deployed nowhere: no install', () => {
    const head = plan.slice(0, plan.indexOf('## Environment '));
    expect(head).toContain(
      '> **Not installed:** vertical-pod-autoscaler runs in no environment (charts.vertical-pod-autoscaler.environments is empty): it is never rendered or checked. Nothing to install.',
    );
    expect(head).toContain(
      "Templated override files are passed as copies rendered with each environment's template context, in `chart-guard-plan/` (write them with --plan-dir). Run the commands from the repository root.",
    );
    expect(plan).not.toContain('vertical-pod-autoscaler lib/');
    expect(plan.match(/^## Environment .+$/gm)).toEqual(ENVIRONMENTS.map((e) => `## Environment ${e}`));
  });

  it('plans aws: the Jinja files rendered, --set-json for the list, a loop per database, the deleted folder skipped', () => {
    expect(section(plan, 'aws')).toEqual([
      '## Environment aws',
      '### 1. ingress-nginx 4.8.3 → 4.9.0: nothing before or after: `helm upgrade ingress-nginx lib/common/bootstrap/charts/ingress-nginx --namespace ingress-nginx -f chart-guard-plan/aws/ingress-nginx/1-ingress-nginx.yaml`',
      ...externalDns('-f lib/common/bootstrap/chart_values/external-dns.yaml'),
      '### 3. promtail 6.15.3 → 6.15.5: nothing before or after: `helm upgrade promtail lib/common/bootstrap/charts/promtail --namespace logging`',
      ...mongodb(4),
      '### 5. metrics-server 3.11.0: nothing before or after: `# skipped: lib/common/bootstrap/charts/metrics-server is gone at head; to remove the release: helm uninstall metrics-server --namespace kube-system`',
      `### 6. aws-load-balancer-controller 1.6.2 → 1.7.0: nothing before or after: \`helm upgrade aws-load-balancer-controller lib/aws/bootstrap/charts/aws-load-balancer-controller --namespace kube-system -f lib/aws/bootstrap/chart_values/aws-load-balancer-controller.yaml --set "clusterName=\${CLUSTERNAME}"\``,
      '### 7. cluster-autoscaler 9.29.3 → 9.34.0: nothing before or after: `helm upgrade cluster-autoscaler lib/aws/bootstrap/charts/cluster-autoscaler --namespace kube-system -f chart-guard-plan/aws/cluster-autoscaler/1-cluster-autoscaler.yaml`',
    ]);
  });

  it('plans aws-karpenter: karpenter-crd first, karpenter blocked on v0.32.x and never kubectl-applying its CRDs', () => {
    expect(section(plan, 'aws-karpenter')).toEqual([
      '## Environment aws-karpenter',
      '### 1. karpenter-crd 0.31.4 → 0.33.0: nothing before or after: `helm upgrade karpenter-crd lib/aws/bootstrap/charts/karpenter-crd --namespace kube-system`',
      '### 2. karpenter 0.31.4 → 0.33.0 · **blocked**',
      'release `karpenter` in namespace `kube-system` · after `karpenter-crd` (uses its CRDs)',
      '**Before the upgrade**',
      '1. **Blocking.** Stop: karpenter 0.31.4 → 0.33.0 skips v0.32.x, which its upgrade notes ("Upgrading to v0.33.0") require first: “You must upgrade to v0.32.x before upgrading to v0.33.x, and migrate your Provisioners to NodePools while on v0.32.x.” Upgrade to v0.32.x and run its runbook before this one.',
      '2. Do not apply nodepools.karpenter.sh from lib/aws/bootstrap/charts/karpenter/crds/karpenter.sh\\_nodepools.yaml: it belongs to release karpenter-crd, which renders it as a template and is upgraded before karpenter.',
      '**The upgrade**',
      '1. Upgrade karpenter.',
      '   ```sh',
      '   helm upgrade karpenter lib/aws/bootstrap/charts/karpenter --namespace kube-system -f chart-guard-plan/aws-karpenter/karpenter/1-karpenter.yaml',
      '   ```',
      '**After the upgrade**',
      '1. Check that every workload rolled out.',
      '   ```sh',
      '   kubectl rollout status deployment/karpenter -n kube-system --timeout=10m',
      '   ```',
      '### 3. ingress-nginx 4.8.3 → 4.9.0: nothing before or after: `helm upgrade ingress-nginx lib/common/bootstrap/charts/ingress-nginx --namespace ingress-nginx -f chart-guard-plan/aws-karpenter/ingress-nginx/1-ingress-nginx.yaml`',
      ...externalDns('-f lib/common/bootstrap/chart_values/external-dns.yaml', 4),
      '### 5. promtail 6.15.3 → 6.15.5: nothing before or after: `helm upgrade promtail lib/common/bootstrap/charts/promtail --namespace logging`',
      ...mongodb(6),
      '### 7. metrics-server 3.11.0: nothing before or after: `# skipped: lib/common/bootstrap/charts/metrics-server is gone at head; to remove the release: helm uninstall metrics-server --namespace kube-system`',
      `### 8. aws-load-balancer-controller 1.6.2 → 1.7.0: nothing before or after: \`helm upgrade aws-load-balancer-controller lib/aws/bootstrap/charts/aws-load-balancer-controller --namespace kube-system -f lib/aws/bootstrap/chart_values/aws-load-balancer-controller.yaml --set "clusterName=\${CLUSTERNAME}"\``,
    ]);
  });

  it('warns in the review where the runbook blocks: karpenter skips v0.32.x, with the same sentence', () => {
    const karpenter = report.charts.find((c) => c.name === 'karpenter')!;
    const stones = karpenter.findings.filter((f) => f.rule === 'upgrade-stepping-stone');
    expect(stones).toEqual([
      expect.objectContaining({ severity: 'warning', file: 'lib/helm-freeze.yaml', before: '0.31.4', after: '0.33.0' }),
    ]);
    const sentence =
      '“You must upgrade to v0.32.x before upgrading to v0.33.x, and migrate your Provisioners to NodePools while on v0.32.x.”';
    expect(stones[0].message).toBe(
      `karpenter 0.31.4 → 0.33.0 skips v0.32.x, which its upgrade notes ("Upgrading to v0.33.0") require first: ${sentence}`,
    );
    expect(stones[0].remedy).toContain('Bump karpenter to 0.32.x first (its newest 0.32.x release), deploy it');
    expect(plan).toContain(sentence);
    const row = fleetMatrix(report).rows.find((r) => r.chart === 'karpenter')!;
    expect(row.cells[ENVIRONMENTS.indexOf('aws-karpenter')]).toEqual(
      expect.objectContaining({ status: 'warn', warnings: 1 }),
    );
  });

  it('plans gcp: promtail in qovery with the gcp file only, no AWS chart, no Jinja file', () => {
    expect(section(plan, 'gcp')).toEqual([
      '## Environment gcp',
      '### 1. ingress-nginx 4.8.3 → 4.9.0: nothing before or after: `helm upgrade ingress-nginx lib/common/bootstrap/charts/ingress-nginx --namespace ingress-nginx`',
      ...externalDns('-f lib/common/bootstrap/chart_values/external-dns.yaml'),
      '### 3. promtail 6.15.3 → 6.15.5: nothing before or after: `helm upgrade promtail lib/common/bootstrap/charts/promtail --namespace qovery -f lib/gcp/bootstrap/chart_values/promtail.yaml`',
      ...mongodb(4),
      '### 5. metrics-server 3.11.0: nothing before or after: `# skipped: lib/common/bootstrap/charts/metrics-server is gone at head; to remove the release: helm uninstall metrics-server --namespace kube-system`',
    ]);
  });

  it('plans scaleway: its own rendered ingress-nginx file', () => {
    expect(section(plan, 'scaleway')).toEqual([
      '## Environment scaleway',
      '### 1. ingress-nginx 4.8.3 → 4.9.0: nothing before or after: `helm upgrade ingress-nginx lib/common/bootstrap/charts/ingress-nginx --namespace ingress-nginx -f chart-guard-plan/scaleway/ingress-nginx/1-ingress-nginx.yaml`',
      ...externalDns('-f lib/common/bootstrap/chart_values/external-dns.yaml'),
      '### 3. promtail 6.15.3 → 6.15.5: nothing before or after: `helm upgrade promtail lib/common/bootstrap/charts/promtail --namespace logging`',
      ...mongodb(4),
      '### 5. metrics-server 3.11.0: nothing before or after: `# skipped: lib/common/bootstrap/charts/metrics-server is gone at head; to remove the release: helm uninstall metrics-server --namespace kube-system`',
    ]);
  });

  it('writes the rendered Jinja files: the context variables in, the template syntax out, the untaken branch dropped', () => {
    const read = (path: string) => readFileSync(join(repo.dir, DEFAULT_PLAN_DIR, path), 'utf8');
    const aws = read('aws/ingress-nginx/1-ingress-nginx.yaml');
    expect(aws).toContain('service.beta.kubernetes.io/aws-load-balancer-name: qovery-aws-example-nginx');
    expect(aws).toContain('service.beta.kubernetes.io/aws-load-balancer-proxy-protocol: "*"');
    const karpenter = read('aws-karpenter/ingress-nginx/1-ingress-nginx.yaml');
    expect(karpenter).toContain('qovery-karpenter-example-nginx');
    expect(karpenter).not.toContain('proxy-protocol');
    expect(read('aws-karpenter/karpenter/1-karpenter.yaml')).toBe(
      'settings:\n  clusterName: qovery-karpenter-example\n',
    );
    for (const text of [aws, karpenter, read('scaleway/ingress-nginx/1-ingress-nginx.yaml')]) {
      expect(text).not.toMatch(/\{\{|\{%/);
    }
  });

  it('renders every helm upgrade of every environment with helm template, as written', () => {
    const upgrades = ENVIRONMENTS.flatMap((environment) => commandsOf(section(plan, environment))).filter((c) =>
      /^helm /.test(c),
    );
    // aws 6, aws-karpenter 7, gcp 4, scaleway 4 (metrics-server's skip is a comment)
    expect(upgrades.length).toBe(21);
    for (const command of upgrades) {
      // a loop: its body with one release the list would give, in a namespace of its own
      const body = command.includes('\n') ? command.split('\n')[1].trim() : command;
      const template = asHelmTemplate(body);
      const run = sh(template, repo.dir, helm, { release: 'mongodb-z0a1b2c3', namespace: 'z0a1b2c3-e4f5' });
      expect({ command: template, status: run.status, stderr: run.stderr }).toMatchObject({ status: 0, stderr: '' });
      expect(run.stdout).toMatch(/^kind: [A-Za-z]+$/m);
    }
  });

  it('runs every kubectl and helm list line against an unreachable server: each fails on the connection only', () => {
    const lines = ENVIRONMENTS.flatMap((environment) => commandsOf(section(plan, environment))).flatMap((c) =>
      c.includes('\n') ? [c.split(' | ')[0]] : /^kubectl /.test(c) ? [c] : [],
    );
    // the crds/ apply the plan uses where no other release owns the CRD
    lines.push(crdApplyCommand('lib/aws/bootstrap/charts/karpenter/crds/karpenter.sh_nodepools.yaml'));
    expect(lines.filter((l) => l.startsWith('helm list'))).toHaveLength(4);
    expect(lines.filter((l) => l.startsWith('kubectl rollout status'))).toHaveLength(5);
    for (const line of lines) {
      const against = line.startsWith('helm ')
        ? `${line} --kube-apiserver ${UNREACHABLE_SERVER}`
        : `${line} --server ${UNREACHABLE_SERVER}`;
      const run = sh(against, repo.dir, helm);
      expect({ line, status: run.status }).not.toMatchObject({ status: 0 });
      expect({ line, stderr: run.stderr }).toMatchObject({ stderr: expect.stringMatching(CONNECTION_REFUSED) });
      expect(run.stderr).not.toMatch(USAGE_ERROR);
    }
  });
});

describe('chart-guard review --format plan --plan-dir (the CLI, as a user runs it)', () => {
  const repo = new TestRepo('cg-fleet-cli-');
  let cli: BuiltCli;
  let base: string;
  let head: string;

  beforeAll(() => {
    cli = buildCli();
    load(repo, 'base');
    base = repo.commit('base');
    load(repo, 'head');
    head = repo.commit('head');
  }, 120_000);
  afterAll(() => {
    cli.cleanup();
    repo.cleanup();
  });

  it('writes the rendered files to the folder and names them there in the plan', () => {
    const args = ['review', '--base', base, '--head', head, '--helm', HELM_BINARIES.v3, '--format', 'plan'];
    const run = runCli(cli, [...args, '--plan-dir', 'out/plan', '-o', 'runbook.md'], repo.dir);
    expect(run.stderr).not.toMatch(/Error|error:/);
    const plan = readFileSync(join(repo.dir, 'runbook.md'), 'utf8');
    expect(plan).toContain('-f out/plan/aws-karpenter/karpenter/1-karpenter.yaml');
    expect(plan).not.toContain('chart-guard-plan/');
    expect(readFileSync(join(repo.dir, 'out/plan/aws-karpenter/karpenter/1-karpenter.yaml'), 'utf8')).toBe(
      'settings:\n  clusterName: qovery-karpenter-example\n',
    );
    expect(readdirSync(join(repo.dir, 'out/plan')).sort()).toEqual(['aws', 'aws-karpenter', 'scaleway']);
  });
});

/** external-dns: one replica, strategy Recreate: a downtime notice; the list domainFilters with --set-json. */
function externalDns(files: string, order = 2): string[] {
  return [
    `### ${order}. external-dns 1.13.1 → 1.14.0`,
    'release `external-dns` in namespace `kube-system`',
    '**Before the upgrade**',
    '1. Downtime: Deployment external-dns has one replica and its pod template changes: the upgrade stops its only pod before the new one is ready. Plan a window, or scale it up first.',
    '**The upgrade**',
    '1. Upgrade external-dns (set the code-set values from your deploy code; DOMAINFILTERS as JSON, for --set-json).',
    '   ```sh',
    `   helm upgrade external-dns lib/common/bootstrap/charts/external-dns --namespace kube-system ${files} --set-json "domainFilters=\${DOMAINFILTERS}"`,
    '   ```',
    '**After the upgrade**',
    '1. Check that every workload rolled out.',
    '   ```sh',
    '   kubectl rollout status deployment/external-dns -n kube-system --timeout=10m',
    '   ```',
  ];
}

/** mongodb, one release per database: a loop over helm list, never a guessed release in default. */
function mongodb(order: number): string[] {
  return [
    `### ${order}. mongodb 14.0.0 → 14.1.0`,
    "every release `helm list --all-namespaces --filter '^mongodb'` lists, each in its namespace",
    '**Before the upgrade**',
    "1. Downtime: StatefulSet of each release (mongodb in the review's render) has one replica and its pod template changes: the upgrade stops its only pod before the new one is ready. Plan a window, or scale it up first.",
    '**The upgrade**',
    "1. Upgrade every release of mongodb (set the code-set values from your deploy code), each in its own namespace: the releases `helm list --all-namespaces --filter '^mongodb'` lists (config releaseFilter). Run that line alone first to check the selection.",
    '   ```sh',
    "   helm list --all-namespaces --filter '^mongodb' --no-headers | while read -r release namespace _; do",
    `     helm upgrade "$release" lib/common/bootstrap/charts/mongodb --namespace "$namespace" --set "auth.rootPassword=\${AUTH_ROOTPASSWORD}" --wait`,
    '   done',
    '   ```',
  ];
}
