// Which release owns a CRD, as the CRD rules say it (rules/analysis/crd-owners.ts, the fact the runbook orders by).
// The fleet fixture (test/fixtures/fleet, see its README.md): in aws-karpenter, karpenter-crd renders karpenter's CRDs
// as templates and karpenter ships the same CRDs in crds/; the pull request changes nodepools.karpenter.sh in both.
// Helm upgrades that CRD with the karpenter-crd release: karpenter's crds/ change must not read "the cluster keeps the
// old definition, kubectl apply it", which would write over another release's object. Committed base then head in a
// real git repository and reviewed with helm 3 and helm 4, as the fixture is and in variants: karpenter-crd deployed
// nowhere (no owner: the warning stays, and every other finding is the same), karpenter also in an environment
// without karpenter-crd (each environment says its own), a version both drop (crd-version-removed), the CRD moving
// from karpenter's templates/ into its crds/ (crd-moved), karpenter-crd left at its version (only an override file).
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { review } from '../../src/core/pipeline/review.js';
import { GitSnapshot } from '../../src/core/repo/git-snapshot.js';
import type { Finding, Report } from '../../src/core/report/report.js';
import { crdChanged as crdChangedRule } from '../../src/core/rules/crd-changed.js';
import { HELM_BINARIES, PROJECT_DIR, TestRepo } from '../support/git-repo.js';
import { KUBECTL_BINARY, UNREACHABLE_SERVER } from '../support/kubectl.js';

const FIXTURE = join(PROJECT_DIR, 'test/fixtures/fleet');
const CONFIG = '.github/chart-guard.yaml';
const NODEPOOLS = 'lib/aws/bootstrap/charts/karpenter/crds/karpenter.sh_nodepools.yaml';
/** What karpenter's crds/ change to nodepools.karpenter.sh is, in the words crd-changed gives it. */
const CHANGE = 'schema of v1beta1 changed; printer columns added: Weight';

type Side = 'base' | 'head';

/** A served version besides the storage one, as a list item of a CRD's spec.versions. */
const V1ALPHA5 = `  - name: v1alpha5
    served: true
    storage: false
    schema:
      openAPIV3Schema:
        type: object
`;

/** Reviews the fleet, each side's tree edited by `edit` before it is committed. */
async function reviewFleet(helm: string, edit: (side: Side, dir: string) => void = () => {}): Promise<Report> {
  const repo = new TestRepo('cg-crd-ownership-');
  try {
    const commit = (side: Side) => {
      for (const entry of readdirSync(repo.dir)) if (entry !== '.git') repo.remove(entry);
      cpSync(join(FIXTURE, side), repo.dir, { recursive: true });
      edit(side, repo.dir);
      return repo.commit(side);
    };
    const base = commit('base');
    const head = commit('head');
    return await review({
      repoDir: repo.dir,
      base: new GitSnapshot(repo.dir, 'main', base),
      head: new GitSnapshot(repo.dir, 'head', head),
      helm,
      concurrency: 2,
    });
  } finally {
    repo.cleanup();
  }
}

/** Replaces `from` (which must be there) with `to` in a file of the tree. */
function replaceIn(dir: string, file: string, from: string, to: string): void {
  const text = readFileSync(join(dir, file), 'utf8');
  expect(text).toContain(from);
  writeFileSync(join(dir, file), text.replace(from, to));
}

function crdChanged(report: Report): Finding[] {
  return report.charts.flatMap((chart) => chart.findings.filter((f) => f.rule === 'crd-changed'));
}

/** Every finding (of the charts and of the repository) but those about `leftOut` (chart or chart/rule). */
function findingsBut(report: Report, leftOut: string[]): Finding[] {
  const about = (f: Finding) => f.chart ?? /^(\S+) runs in no environment/.exec(f.message)?.[1] ?? '';
  const kept = (f: Finding) => !leftOut.includes(about(f)) && !leftOut.includes(`${about(f)}/${f.rule}`);
  return [...report.charts.flatMap((chart) => chart.findings), ...report.findings].filter(kept);
}

/** The warning crd-changed gives where no other release owns the CRD. */
const keepsOldDefinition = (environments: string[]) => ({
  rule: 'crd-changed',
  severity: 'warning',
  chart: 'karpenter',
  message: `CRD nodepools.karpenter.sh changed in crds/ (${CHANGE}): Helm never upgrades CRDs in crds/, so the cluster keeps the old definition.`,
  remedy: `Apply the new definition before upgrading: \`kubectl apply --server-side --force-conflicts -f ${NODEPOOLS}\`.`,
  environments,
});

/** The notice where karpenter-crd owns the CRD and this change bumps it. */
const upgradedByOwner = {
  rule: 'crd-changed',
  severity: 'notice',
  chart: 'karpenter',
  message: `CRD nodepools.karpenter.sh changed in karpenter's crds/ (${CHANGE}), but release karpenter-crd owns it (it renders it as template), and karpenter's crds/ copy is only installed where the CRD is missing: the upgrade of karpenter-crd (0.31.4 → 0.33.0, in this change) brings its own definition, before karpenter is upgraded.`,
  remedy:
    "Upgrade karpenter-crd first (its own findings say what its definition changes), then karpenter; do not apply karpenter's crds/ copy over the object of release karpenter-crd.",
  environments: ['aws-karpenter'],
};

describe.each(Object.entries(HELM_BINARIES))('CRD ownership in the CRD rules (helm %s)', (_major, helm) => {
  let fleet: Report;
  beforeAll(async () => {
    fleet = await reviewFleet(helm);
  }, 180_000);

  it('says in aws-karpenter that karpenter-crd, bumped in this change, upgrades the CRD: a notice, no kubectl apply', () => {
    expect(crdChanged(fleet)).toEqual([expect.objectContaining(upgradedByOwner)]);
    const [notice] = crdChanged(fleet);
    // the definitions stay in the finding, for the outputs to list what changed
    expect(notice.after).toMatchObject({
      owner: 'karpenter-crd',
      crds: [{ name: 'nodepools.karpenter.sh', file: NODEPOOLS, change: CHANGE, before: { versions: ['v1beta1'] } }],
    });
    expect(notice.file).toBe(NODEPOOLS);
    const said = JSON.stringify(fleet.charts.flatMap((chart) => chart.findings));
    expect(said).not.toContain('keeps the old definition');
    expect(said).not.toContain(`kubectl apply --server-side --force-conflicts -f ${NODEPOOLS}`);
  });

  it('still runs the CRD through the runbook: karpenter never applies it, karpenter-crd goes first', () => {
    const karpenter = fleet.charts.find((chart) => chart.name === 'karpenter')!.upgradeActions![0];
    expect(karpenter.crdsToApply).toEqual([]);
    expect(karpenter.dependsOn).toEqual(['karpenter-crd']);
    expect(karpenter.steps.map((s) => s.description)).toContain(
      `Do not apply nodepools.karpenter.sh from ${NODEPOOLS}: it belongs to release karpenter-crd, which renders it as a template and is upgraded before karpenter.`,
    );
  });

  describe('where no other release owns the CRD', () => {
    let ownerless: Report;
    beforeAll(async () => {
      // karpenter-crd deployed nowhere, on both sides: karpenter's crds/ is the CRD's only source
      ownerless = await reviewFleet(helm, (_side, dir) =>
        replaceIn(
          dir,
          CONFIG,
          'karpenter-crd:\n    namespace: kube-system\n    environments: [aws-karpenter]',
          'karpenter-crd:\n    namespace: kube-system\n    environments: []',
        ),
      );
    }, 180_000);

    it('keeps the warning and its kubectl apply', () => {
      expect(crdChanged(ownerless)).toEqual([expect.objectContaining(keepsOldDefinition(['aws-karpenter']))]);
    });

    it('changes nothing else: every other finding of every chart is the same with and without the owner', () => {
      const others = (report: Report) => findingsBut(report, ['karpenter-crd', 'karpenter/crd-changed']);
      expect(others(fleet)).not.toEqual([]);
      expect(others(fleet)).toEqual(others(ownerless));
    });
  });

  it('says per environment: the warning where karpenter runs without karpenter-crd, the notice where it runs with it', async () => {
    // a fifth group of clusters, aws-karpenter's files and context, where karpenter runs without karpenter-crd
    const report = await reviewFleet(helm, (_side, dir) => {
      replaceIn(
        dir,
        CONFIG,
        '  gcp:\n',
        '  karpenter-only:\n    values:\n      - "{lockdir}/aws/bootstrap/chart_values/{chart}.yaml"\n      - "{lockdir}/aws/bootstrap/chart_values/{chart}.j2.yaml"\n    templates:\n      context: ci/aws-karpenter.yaml\n  gcp:\n',
      );
      replaceIn(
        dir,
        CONFIG,
        'karpenter:\n    namespace: kube-system\n    environments: [aws-karpenter]',
        'karpenter:\n    namespace: kube-system\n    environments: [aws-karpenter, karpenter-only]',
      );
    });
    expect(crdChanged(report)).toEqual([
      expect.objectContaining(upgradedByOwner),
      expect.objectContaining(keepsOldDefinition(['karpenter-only'])),
    ]);
    const karpenter = report.charts.find((chart) => chart.name === 'karpenter')!;
    const applies = Object.fromEntries(
      karpenter.upgradeActions!.map((a) => [a.environment, a.crdsToApply.map((c) => c.name)]),
    );
    expect(applies).toEqual({ 'aws-karpenter': [], 'karpenter-only': ['nodepools.karpenter.sh'] });
  }, 180_000);

  it('leaves a version karpenter-crd drops to its own finding: nothing from crd-version-removed about the copy', async () => {
    // the base serves v1alpha5 too, in karpenter-crd's template and karpenter's crds/ copy; the head drops it in both
    const report = await reviewFleet(helm, (side, dir) => {
      if (side === 'head') return;
      for (const file of [NODEPOOLS, 'lib/aws/bootstrap/charts/karpenter-crd/templates/karpenter.sh_nodepools.yaml']) {
        replaceIn(dir, file, '  versions:\n', `  versions:\n${V1ALPHA5}`);
      }
    });
    const removed = report.charts.flatMap((chart) => chart.findings.filter((f) => f.rule === 'crd-version-removed'));
    expect(removed.map((f) => [f.chart, f.severity, f.environments, f.file])).toEqual([
      [
        'karpenter-crd',
        'error',
        ['aws-karpenter'],
        'lib/aws/bootstrap/charts/karpenter-crd/templates/karpenter.sh_nodepools.yaml',
      ],
    ]);
    expect(removed[0].remedy).toMatch(/and only then `helm upgrade karpenter-crd /);
    expect(crdChanged(report)).toEqual([
      expect.objectContaining({
        severity: 'notice',
        message: expect.stringMatching(
          /^CRD nodepools\.karpenter\.sh changed in karpenter's crds\/ \(versions removed: v1alpha5; .*\), but release karpenter-crd owns it/,
        ),
      }),
    ]);
    expect(JSON.stringify(report.charts)).not.toContain(
      `kubectl apply --server-side --force-conflicts -f ${NODEPOOLS}`,
    );
  }, 180_000);

  it('hands a CRD karpenter moves into crds/ to karpenter-crd, which renders it as a template: never a kubectl apply', async () => {
    // the base's karpenter renders nodepools.karpenter.sh as a template; the head ships it in crds/ (the fixture's)
    const report = await reviewFleet(helm, (side, dir) => {
      if (side === 'head') return;
      renameSync(join(dir, NODEPOOLS), join(dir, NODEPOOLS.replace('/crds/', '/templates/')));
    });
    const moved = report.charts.flatMap((chart) => chart.findings.filter((f) => f.rule === 'crd-moved'));
    expect(moved).toEqual([
      expect.objectContaining({
        chart: 'karpenter',
        severity: 'error',
        environments: ['aws-karpenter'],
        message:
          'CRD nodepools.karpenter.sh moves from templates/ to crds/: `helm upgrade` deletes it as a resource that left the release, and every custom resource of that type with it.',
        remedy:
          "Before upgrading karpenter-crd (upgraded first: it renders the CRD as a template and owns it from then on), tell Helm to keep it when karpenter lets it go: `kubectl annotate customresourcedefinition nodepools.karpenter.sh helm.sh/resource-policy=keep`, and hand it to release karpenter-crd: `kubectl annotate customresourcedefinition nodepools.karpenter.sh --overwrite meta.helm.sh/release-name=karpenter-crd meta.helm.sh/release-namespace=kube-system`. From then on karpenter-crd's upgrades update it; do not apply karpenter's crds/ copy over it.",
      }),
    ]);
    expect(JSON.stringify(report.charts)).not.toContain('kubectl apply');
    // each command runs as written: against a server that never answers it fails on the connection, not its usage
    const commands = [...(moved[0].remedy ?? '').matchAll(/`(kubectl [^`]+)`/g)].map((m) => m[1]);
    expect(commands).toHaveLength(2);
    for (const command of commands) {
      const run = spawnSync(
        'bash',
        ['-c', command.replace(/^kubectl /, `${KUBECTL_BINARY} --server=${UNREACHABLE_SERVER} --token=example-token `)],
        {
          encoding: 'utf8',
          env: { PATH: process.env.PATH ?? '', HOME: '/nonexistent' },
          timeout: 60_000,
        },
      );
      expect(run.status).not.toBe(0);
      expect(run.stderr).toMatch(/connection refused|dial tcp 127\.0\.0\.1:1/i);
    }
  }, 180_000);

  it('names the owner to upgrade when the change leaves karpenter-crd at its version: a warning, no kubectl apply', async () => {
    // karpenter-crd stays at 0.31.4 (its old CRD) and only gains an override file: the cluster keeps its definition
    const report = await reviewFleet(helm, (side, dir) => {
      if (side === 'base') return;
      replaceIn(
        dir,
        'lib/helm-freeze.yaml',
        '- name: karpenter-crd\n    repo_name: oci://public.ecr.aws/karpenter\n    version: 0.33.0',
        '- name: karpenter-crd\n    repo_name: oci://public.ecr.aws/karpenter\n    version: 0.31.4',
      );
      cpSync(
        join(FIXTURE, 'base/lib/aws/bootstrap/charts/karpenter-crd'),
        join(dir, 'lib/aws/bootstrap/charts/karpenter-crd'),
        { recursive: true },
      );
      writeFileSync(join(dir, 'lib/aws/bootstrap/chart_values/karpenter-crd.yaml'), 'additionalAnnotations: {}\n');
    });
    const owner = report.charts.find((chart) => chart.name === 'karpenter-crd')!;
    expect([owner.change, owner.from, owner.to]).toEqual(['overrides-changed', '0.31.4', '0.31.4']);
    expect(crdChanged(report)).toEqual([
      expect.objectContaining({
        rule: 'crd-changed',
        severity: 'warning',
        chart: 'karpenter',
        message: `CRD nodepools.karpenter.sh changed in karpenter's crds/ (${CHANGE}), but release karpenter-crd owns it (it renders it as template), and karpenter's crds/ copy is only installed where the CRD is missing, and karpenter-crd stays at 0.31.4 in this change: the cluster keeps the definition of karpenter-crd 0.31.4.`,
        remedy:
          "Upgrade karpenter-crd first, to a version whose templates carry the definition karpenter 0.33.0 ships (nodepools.karpenter.sh); do not apply karpenter's crds/ copy over the object of release karpenter-crd.",
        environments: ['aws-karpenter'],
      }),
    ]);
  }, 180_000);
});

describe('crd-changed of an operator chart that lists several CRDs, one of them owned by another release', () => {
  const summary = (versions: string[]) => ({ versions, storageVersion: versions[0], printerColumns: [] });
  const listed = (name: string, before: unknown) => ({
    name,
    file: `charts/operator/crds/${name}.yaml`,
    change: before === null ? 'new, serving v1 (storage version v1)' : 'versions added: v2',
    before,
    after: summary(['v1', 'v2']),
  });
  const finding: Finding = {
    rule: 'crd-changed',
    severity: 'warning',
    chart: 'operator',
    message:
      '2 CRDs changed in crds/ (...): Helm never upgrades CRDs in crds/, so the cluster keeps the old definitions.',
    file: 'charts/operator/crds/widgets.example.com.yaml',
    line: 1,
    path: 'spec',
    after: { crds: [listed('widgets.example.com', summary(['v1'])), listed('gadgets.example.com', null)] },
    remedy: 'Apply the new definitions before upgrading: `kubectl apply …`.',
    introduced: true,
    environments: ['prod'],
  };
  const owners = new Map([
    [
      'gadgets.example.com',
      { chart: 'operator-crds', from: '1.0.0', to: '2.0.0', release: 'operator-crds', namespace: 'ops' },
    ],
  ]);

  it('keeps the warning for the CRD it alone ships, and a notice naming the owner for the other', () => {
    const said = crdChangedRule.ownedCrds(finding, owners, { name: 'operator', from: '1.0.0', to: '2.0.0' });
    expect(said).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message:
          'CRD widgets.example.com changed in crds/ (versions added: v2): Helm never upgrades CRDs in crds/, so the cluster keeps the old definition.',
        file: 'charts/operator/crds/widgets.example.com.yaml',
        remedy:
          'Apply the new definition before upgrading: `kubectl apply --server-side --force-conflicts -f charts/operator/crds/widgets.example.com.yaml`.',
        introduced: true,
        environments: ['prod'],
      }),
      expect.objectContaining({
        severity: 'notice',
        message:
          "CRD gadgets.example.com is new in operator's crds/, but release operator-crds owns it (it renders it as template), and operator's crds/ copy is only installed where the CRD is missing: the upgrade of operator-crds (1.0.0 → 2.0.0, in this change) brings its own definition, before operator is upgraded.",
        file: 'charts/operator/crds/gadgets.example.com.yaml',
        environments: ['prod'],
      }),
    ]);
  });

  it('leaves a finding none of whose CRDs another release owns as it is', () => {
    expect(crdChangedRule.ownedCrds(finding, new Map(), { name: 'operator', from: '1.0.0', to: '2.0.0' })).toEqual([
      finding,
    ]);
  });
});
