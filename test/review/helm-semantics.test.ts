// Helm's and the API server's own semantics on real corpus charts (test/fixtures/helm-semantics/README.md), reviewed
// end to end with helm 3 and 4. Each defect is reproduced the way the real chart has it, and each review is compared
// with a control review that differs only by that mechanic: the corrected finding, and nothing else changed.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { review } from '../../src/core/pipeline/review.js';
import { GitSnapshot } from '../../src/core/repo/git-snapshot.js';
import type { Finding, Report } from '../../src/core/report/report.js';
import { renderComment } from '../../src/format/markdown.js';
import { CORPUS_DIR, HELM_BINARIES, PROJECT_DIR, TestRepo } from '../support/git-repo.js';
import { oneChartLockfile } from '../support/lockfile.js';

const FIXTURE = join(PROJECT_DIR, 'test/fixtures/helm-semantics');
const MARIADB = join(CORPUS_DIR, 'mariadb-19.1.2-to-20.0.0');
const SEALED_SECRETS = join(CORPUS_DIR, 'sealed-secrets-1.5.12-to-1.5.13');
// Bitnami mysql's primary StatefulSet line; mariadb's values.yaml already has `primary.podManagementPolicy: ""`
const POLICY_LINE = '  podManagementPolicy: {{ .Values.primary.podManagementPolicy | quote }}\n';

/** Findings without what names the run (the same problem in two reviews compares equal). */
const comparable = (report: Report) => report.charts.flatMap((chart) => chart.findings);
const immutable = (report: Report) => comparable(report).filter((f) => f.rule === 'immutable-field-changed');
const withoutImmutable = (report: Report) => comparable(report).filter((f) => f.rule !== 'immutable-field-changed');

describe.each(Object.entries(HELM_BINARIES))('helm semantics on the corpus (helm %s)', (_major, helm) => {
  const repo = new TestRepo('cg-helm-semantics-');
  const reviewOf = (base: string, head: string) =>
    review({
      repoDir: repo.dir,
      base: new GitSnapshot(repo.dir, 'base', base),
      head: new GitSnapshot(repo.dir, 'head', head),
      helm,
      concurrency: 2,
    });
  /** A commit on top of `from` with these changes. */
  const commitOn = (from: string, change: () => void, message: string) => {
    repo.git('checkout', '-q', '--detach', from);
    change();
    return repo.commit(message);
  };
  const patchFile = (path: string, patch: (text: string) => string) =>
    writeFileSync(join(repo.dir, path), patch(readFileSync(join(repo.dir, path), 'utf8')));

  let root: string;
  beforeAll(() => {
    repo.copy(join(FIXTURE, 'repo/.github'), '.github');
    repo.write('README.md', 'helm semantics\n');
    root = repo.commit('config');
  });
  afterAll(() => repo.cleanup());

  describe('kubeVersion ">= 1.16-0" (sealed-secrets 1.5.13, spelled as the issue\'s chart spells it)', () => {
    let spelled: Report;
    let control: Report;
    beforeAll(async () => {
      const base = commitOn(
        root,
        () => {
          repo.write('helm-freeze.yaml', oneChartLockfile('sealed-secrets', '1.5.12'));
          repo.copy(join(SEALED_SECRETS, 'old/sealed-secrets'), 'charts/sealed-secrets');
        },
        'sealed-secrets 1.5.12',
      );
      const bump = () => {
        repo.write('helm-freeze.yaml', oneChartLockfile('sealed-secrets', '1.5.13'));
        repo.copy(join(SEALED_SECRETS, 'new/sealed-secrets'), 'charts/sealed-secrets');
      };
      const head = commitOn(base, bump, 'sealed-secrets 1.5.13');
      const headSpelled = commitOn(
        base,
        () => {
          bump();
          patchFile('charts/sealed-secrets/Chart.yaml', (text) =>
            text.replace("kubeVersion: '>=1.16.0-0'", 'kubeVersion: ">= 1.16-0"'),
          );
        },
        'sealed-secrets 1.5.13, kubeVersion spelled ">= 1.16-0"',
      );
      expect(readFileSync(join(repo.dir, 'charts/sealed-secrets/Chart.yaml'), 'utf8')).toContain('">= 1.16-0"');
      [spelled, control] = await Promise.all([reviewOf(base, headSpelled), reviewOf(base, head)]);
    }, 120_000);

    it('reads it as Helm does (>=1.16.0-0, which 1.28 satisfies): no kube-version-unsupported finding', () => {
      expect(comparable(spelled).filter((f) => f.rule === 'kube-version-unsupported')).toEqual([]);
    });

    it('changes nothing else: the findings are those of the chart as published', () => {
      expect(comparable(spelled)).toEqual(comparable(control));
    });
  });

  describe('podManagementPolicy "" (mariadb 20.0.0 with Bitnami mysql\'s quoted line), three fields, two environments', () => {
    let quoted: Report;
    let control: Report;
    beforeAll(async () => {
      const base = commitOn(
        root,
        () => {
          repo.write('helm-freeze.yaml', oneChartLockfile('mariadb', '19.1.2'));
          repo.copy(join(MARIADB, 'old/mariadb'), 'charts/mariadb');
          repo.copy(join(FIXTURE, 'base-envs'), 'envs');
        },
        'mariadb 19.1.2',
      );
      const bump = () => {
        repo.write('helm-freeze.yaml', oneChartLockfile('mariadb', '20.0.0'));
        repo.copy(join(MARIADB, 'new/mariadb'), 'charts/mariadb');
        repo.copy(join(FIXTURE, 'repo/envs'), 'envs');
      };
      const head = commitOn(base, bump, 'mariadb 20.0.0, volumes grow to 10Gi');
      const headQuoted = commitOn(
        base,
        () => {
          bump();
          patchFile('charts/mariadb/templates/primary/statefulset.yaml', (text) =>
            text.replace('  replicas: 1\n', `  replicas: 1\n${POLICY_LINE}`),
          );
        },
        'mariadb 20.0.0 with podManagementPolicy quoted',
      );
      // the mechanic as the chart has it: the head renders the field as an empty string, the base not at all
      const rendered = execFileSync(helm, ['template', 'mariadb', join(repo.dir, 'charts/mariadb')], {
        encoding: 'utf8',
      });
      expect(rendered).toContain('podManagementPolicy: ""');
      [quoted, control] = await Promise.all([reviewOf(base, headQuoted), reviewOf(base, head)]);
    }, 180_000);

    it('applies the server default: "" is OrderedReady like the absent field, so it is not an immutable change', () => {
      const [finding] = immutable(quoted);
      expect(finding.message).not.toContain('podManagementPolicy');
      expect(Object.keys(finding.after as object)).not.toContain('spec.podManagementPolicy');
    });

    it('reports the StatefulSet once, with its three fields, in both environments, with one remedy', () => {
      const findings = immutable(quoted);
      expect(findings).toHaveLength(1);
      const [finding] = findings;
      expect(finding).toMatchObject({
        severity: 'error',
        resource: { kind: 'StatefulSet', name: 'mariadb' },
        environments: ['aws', 'scaleway'],
        before: {
          'spec.serviceName': 'mariadb',
          'spec.selector.matchLabels': expect.any(Object),
          'spec.volumeClaimTemplates[0].spec.resources.requests.storage': '8Gi',
        },
        after: {
          'spec.serviceName': 'mariadb-headless',
          'spec.selector.matchLabels': expect.objectContaining({ 'app.kubernetes.io/part-of': 'mariadb' }),
          'spec.volumeClaimTemplates[0].spec.resources.requests.storage': '10Gi',
        },
      });
      // the advice once, then each environment's helm command
      const remedy = finding.remedy ?? '';
      expect(remedy.match(/Delete the StatefulSet/g)).toHaveLength(1);
      expect(remedy).toContain('-f envs/aws/mariadb.yaml  # aws');
      expect(remedy).toContain('-f envs/scaleway/mariadb.yaml  # scaleway');
    });

    it('shows it in the comment as one finding with one remedy', () => {
      const comment = renderComment(quoted, { marker: 'm' });
      expect(comment.match(/immutable-field-changed/g)).toHaveLength(1);
      expect(comment.match(/Delete the StatefulSet but keep its pods/g)).toHaveLength(1);
      expect(comment).toContain(
        '```sh\nhelm upgrade mariadb charts/mariadb --namespace default -f envs/aws/mariadb.yaml  # aws',
      );
    });

    it('changes nothing else: the findings are those of the chart without the quoted line', () => {
      expect(comparable(quoted)).toEqual(comparable(control));
    });
  });

  describe('an override file that switches a literal storage class to {{ database_disk_type }} (mariadb 20.0.0)', () => {
    let templated: Report;
    let literal: Report;
    beforeAll(async () => {
      const base = commitOn(
        root,
        () => {
          repo.write('.github/chart-guard.yaml', 'kubernetes: "1.28"\nvalues: ["values/{chart}.yaml"]\n');
          repo.write('helm-freeze.yaml', oneChartLockfile('mariadb', '20.0.0'));
          repo.copy(join(MARIADB, 'new/mariadb'), 'charts/mariadb');
          repo.copy(join(FIXTURE, 'storage-class/base.yaml'), 'values/mariadb.yaml');
        },
        'mariadb 20.0.0 on aws-ebs-gp2-0',
      );
      const switchTo = (file: string) => () => repo.copy(join(FIXTURE, 'storage-class', file), 'values/mariadb.yaml');
      const headTemplated = commitOn(base, switchTo('head.yaml'), 'storage class from the deploy code');
      const headLiteral = commitOn(base, switchTo('head-literal.yaml'), 'storage class gp3');
      [templated, literal] = await Promise.all([reviewOf(base, headTemplated), reviewOf(base, headLiteral)]);
    }, 120_000);

    it('is a warning naming the deploy-time variable and the field, not a blocking error', () => {
      const findings = immutable(templated);
      expect(findings).toHaveLength(1);
      const [finding] = findings;
      expect(finding).toMatchObject({
        severity: 'warning',
        resource: { kind: 'StatefulSet', name: 'db' },
        path: 'spec.volumeClaimTemplates[0].spec.storageClassName',
        before: 'aws-ebs-gp2-0',
        after: '{{ database_disk_type }}',
      });
      expect(finding.message).toBe(
        'StatefulSet db: spec.volumeClaimTemplates[0].spec.storageClassName changes from "aws-ebs-gp2-0" to "{{ database_disk_type }}", which depends on the deploy-time variable {{ database_disk_type }}. ' +
          "Unless the deploy keeps the installed value, the API server refuses the change (updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden) and `helm upgrade` fails.",
      );
      expect(finding.needsReinstall).toBeUndefined();
      expect(templated.verdict).not.toBe('fail');
    });

    it('still blocks the same switch to another literal', () => {
      expect(immutable(literal).map((f: Finding) => [f.severity, f.path, f.before, f.after])).toEqual([
        ['error', 'spec.volumeClaimTemplates[0].spec.storageClassName', 'aws-ebs-gp2-0', 'gp3'],
      ]);
    });

    it('changes nothing else', () => {
      expect(withoutImmutable(templated)).toEqual(withoutImmutable(literal));
    });
  });
});
