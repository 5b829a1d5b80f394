// immutable-field-changed, one behaviour per kind: each case is one object in a small chart rendered at two
// versions with the real helm, so hooks, crds/ and namespace defaulting come from helm's own output.

import { beforeAll, describe, expect, it } from 'vitest';
import { chartContext } from '../../src/core/model/chart-context.js';
import { immutableFieldChanged } from '../../src/core/rules/immutable-field-changed.js';
import { resourceRemoved } from '../../src/core/rules/resource-removed.js';
import type { ChartContext, FindingDraft } from '../../src/core/rules/rule.js';
import { tinyPairContext } from '../support/render-corpus.js';

interface Case {
  title: string;
  kind: string;
  name: string;
  base: string;
  head: string;
  /** Expected findings for this object: path, before, after. */
  expected: { path: string; before: unknown; after: unknown }[];
  /** Where the file goes in the chart (default templates/<name>.yaml). */
  file?: string;
}

const container = (image: string) => `containers:\n        - name: app\n          image: ${image}`;

const job = (name: string, image: string, annotations = '') => `apiVersion: batch/v1
kind: Job
metadata:
  name: ${name}
${annotations}spec:
  template:
    spec:
      restartPolicy: Never
      ${container(image)}
`;

const statefulSet = (name: string, spec: string) => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: ${name}
spec:
  serviceName: ${name}
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      ${container('nginx:1')}
${spec}`;

const vct = (extra = '', storage = '8Gi') => `  volumeClaimTemplates:
    - ${extra}metadata:
        name: data
      spec:
        accessModes: [ReadWriteOnce]
        resources:
          requests:
            storage: ${storage}
`;

const service = (name: string, spec: string) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector: {app: x}
  ports: [{port: 80}]
${spec}`;

const pvc = (name: string, spec: string) => `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: ${name}
spec:
  accessModes: [ReadWriteOnce]
${spec}`;

const CASES: Case[] = [
  // StatefulSet (§3.1)
  {
    title: 'StatefulSet: replicas, template and updateStrategy are mutable',
    kind: 'StatefulSet',
    name: 'sts-mutable',
    base: statefulSet('sts-mutable', `  replicas: 1\n${vct()}`),
    head: statefulSet(
      'sts-mutable',
      `  replicas: 3\n  updateStrategy: {type: OnDelete}\n  minReadySeconds: 5\n${vct()}`,
    ).replace('nginx:1', 'nginx:2'),
    expected: [],
  },
  {
    title:
      'StatefulSet: an explicit default (podManagementPolicy OrderedReady, VCT volumeMode Filesystem) equals absent',
    kind: 'StatefulSet',
    name: 'sts-defaults',
    base: statefulSet('sts-defaults', vct()),
    head: statefulSet(
      'sts-defaults',
      `  podManagementPolicy: OrderedReady\n${vct().replace('accessModes', 'volumeMode: Filesystem\n        accessModes')}`,
    ),
    expected: [],
  },
  {
    title: 'StatefulSet: podManagementPolicy "" is defaulted to OrderedReady like an absent one (mariadb\'s values)',
    kind: 'StatefulSet',
    name: 'sts-empty-policy',
    base: statefulSet('sts-empty-policy', vct()),
    head: statefulSet('sts-empty-policy', `  podManagementPolicy: ""\n${vct()}`),
    expected: [],
  },
  {
    title: 'StatefulSet: podManagementPolicy "" to Parallel is a change, shown as rendered',
    kind: 'StatefulSet',
    name: 'sts-empty-to-parallel',
    base: statefulSet('sts-empty-to-parallel', `  podManagementPolicy: ""\n${vct()}`),
    head: statefulSet('sts-empty-to-parallel', `  podManagementPolicy: Parallel\n${vct()}`),
    expected: [{ path: 'spec.podManagementPolicy', before: '', after: 'Parallel' }],
  },
  {
    title:
      'StatefulSet: apiVersion/kind type metadata added to a volumeClaimTemplate is not a change (zookeeper 13.4.12)',
    kind: 'StatefulSet',
    name: 'sts-vct-type',
    base: statefulSet('sts-vct-type', vct()),
    head: statefulSet('sts-vct-type', vct('apiVersion: v1\n      kind: PersistentVolumeClaim\n      ')),
    expected: [],
  },
  {
    title: 'StatefulSet: the same size written in another unit is not a change',
    kind: 'StatefulSet',
    name: 'sts-quantity',
    base: statefulSet('sts-quantity', vct('', '8Gi')),
    head: statefulSet('sts-quantity', vct('', '8192Mi')),
    expected: [],
  },
  {
    title: 'StatefulSet: growing a volumeClaimTemplate is refused too',
    kind: 'StatefulSet',
    name: 'sts-grow',
    base: statefulSet('sts-grow', vct('', '8Gi')),
    head: statefulSet('sts-grow', vct('', '20Gi')),
    expected: [{ path: 'spec.volumeClaimTemplates[0].spec.resources.requests.storage', before: '8Gi', after: '20Gi' }],
  },
  {
    title: 'StatefulSet: the immutable fields of one object are one finding, each field with its values',
    kind: 'StatefulSet',
    name: 'sts-two',
    base: statefulSet('sts-two', vct()),
    head: statefulSet('sts-two', `  podManagementPolicy: Parallel\n${vct()}`).replace(
      'serviceName: sts-two',
      'serviceName: sts-two-headless',
    ),
    expected: [
      {
        path: 'spec.serviceName',
        before: { 'spec.serviceName': 'sts-two', 'spec.podManagementPolicy': null },
        after: { 'spec.serviceName': 'sts-two-headless', 'spec.podManagementPolicy': 'Parallel' },
      },
    ],
  },
  // Deployment (§3.1)
  {
    title: 'Deployment: a new selector label is a selector change',
    kind: 'Deployment',
    name: 'deploy',
    base: `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: deploy}\nspec:\n  selector: {matchLabels: {app: x}}\n  template:\n    metadata: {labels: {app: x}}\n    spec:\n      ${container('a')}\n`,
    head: `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: deploy}\nspec:\n  selector: {matchLabels: {app: x, tier: web}}\n  template:\n    metadata: {labels: {app: x, tier: web}}\n    spec:\n      ${container('b')}\n`,
    expected: [{ path: 'spec.selector.matchLabels', before: { app: 'x' }, after: { app: 'x', tier: 'web' } }],
  },
  // Job (§3.2)
  {
    title: 'Job: a new image in the pod template is refused',
    kind: 'Job',
    name: 'job',
    base: job('job', 'migrate:1'),
    head: job('job', 'migrate:2'),
    expected: [{ path: 'spec.template.spec.containers[0].image', before: 'migrate:1', after: 'migrate:2' }],
  },
  {
    title: 'Job: a hook is deleted and re-created by Helm, so its template may change',
    kind: 'Job',
    name: 'hook-job',
    base: job('hook-job', 'migrate:1', '  annotations:\n    helm.sh/hook: pre-upgrade\n'),
    head: job('hook-job', 'migrate:2', '  annotations:\n    helm.sh/hook: pre-upgrade\n'),
    expected: [],
  },
  // Service (§3.3)
  {
    title: 'Service: dropping clusterIP: None keeps the Service headless (empty means keep since 1.20)',
    kind: 'Service',
    name: 'svc-unset',
    base: service('svc-unset', '  clusterIP: None\n'),
    head: service('svc-unset', '  clusterIP: ""\n'),
    expected: [],
  },
  {
    title: 'Service: making an existing Service headless is refused',
    kind: 'Service',
    name: 'svc-headless',
    base: service('svc-headless', ''),
    head: service('svc-headless', '  clusterIP: None\n'),
    expected: [{ path: 'spec.clusterIP', before: null, after: 'None' }],
  },
  {
    title: 'Service: ExternalName on either side is exempt from the cluster IP rule',
    kind: 'Service',
    name: 'svc-external',
    base: service('svc-external', '  type: ExternalName\n  externalName: db.example.com\n'),
    head: service('svc-external', '  clusterIP: None\n'),
    expected: [],
  },
  {
    title: 'Service: loadBalancerClass may not change while the Service stays a LoadBalancer',
    kind: 'Service',
    name: 'svc-lb',
    base: service('svc-lb', '  type: LoadBalancer\n  loadBalancerClass: a.example/lb\n'),
    head: service('svc-lb', '  type: LoadBalancer\n  loadBalancerClass: b.example/lb\n'),
    expected: [{ path: 'spec.loadBalancerClass', before: 'a.example/lb', after: 'b.example/lb' }],
  },
  // PersistentVolumeClaim (§3.3)
  {
    title: 'PersistentVolumeClaim: growing the request is allowed',
    kind: 'PersistentVolumeClaim',
    name: 'pvc-grow',
    base: pvc('pvc-grow', '  resources: {requests: {storage: 8Gi}}\n'),
    head: pvc('pvc-grow', '  volumeMode: Filesystem\n  resources: {requests: {storage: 20Gi}}\n'),
    expected: [],
  },
  {
    title: 'PersistentVolumeClaim: shrinking the request is refused',
    kind: 'PersistentVolumeClaim',
    name: 'pvc-shrink',
    base: pvc('pvc-shrink', '  resources: {requests: {storage: 8Gi}}\n'),
    head: pvc('pvc-shrink', '  resources: {requests: {storage: 4Gi}}\n'),
    expected: [{ path: 'spec.resources.requests.storage', before: '8Gi', after: '4Gi' }],
  },
  {
    title: 'PersistentVolumeClaim: the storage class is frozen once set, but volumeName may be set once',
    kind: 'PersistentVolumeClaim',
    name: 'pvc-class',
    base: pvc('pvc-class', '  storageClassName: standard\n  resources: {requests: {storage: 8Gi}}\n'),
    head: pvc('pvc-class', '  storageClassName: fast\n  volumeName: pv-1\n  resources: {requests: {storage: 8Gi}}\n'),
    expected: [{ path: 'spec.storageClassName', before: 'standard', after: 'fast' }],
  },
  // Secret and ConfigMap (§3.3)
  {
    title: 'Secret: the type is immutable (absent means Opaque)',
    kind: 'Secret',
    name: 'secret-type',
    base: 'apiVersion: v1\nkind: Secret\nmetadata: {name: secret-type}\ndata: {a: YQ==}\n',
    head: 'apiVersion: v1\nkind: Secret\nmetadata: {name: secret-type}\ntype: kubernetes.io/tls\ndata: {a: YQ==}\n',
    expected: [{ path: 'type', before: null, after: 'kubernetes.io/tls' }],
  },
  {
    title: 'Secret: type "" is defaulted to Opaque',
    kind: 'Secret',
    name: 'secret-empty-type',
    base: 'apiVersion: v1\nkind: Secret\nmetadata: {name: secret-empty-type}\ntype: ""\ndata: {a: YQ==}\n',
    head: 'apiVersion: v1\nkind: Secret\nmetadata: {name: secret-empty-type}\ntype: Opaque\ndata: {a: YQ==}\n',
    expected: [],
  },
  {
    title: 'Secret: the data of an immutable Secret is frozen, and the values are redacted',
    kind: 'Secret',
    name: 'secret-frozen',
    base: 'apiVersion: v1\nkind: Secret\nmetadata: {name: secret-frozen}\nimmutable: true\ntype: Opaque\ndata: {password: b2xk}\n',
    head: 'apiVersion: v1\nkind: Secret\nmetadata: {name: secret-frozen}\nimmutable: true\ndata: {password: bmV3}\n',
    expected: [{ path: 'data.password', before: '<redacted>', after: '<redacted>' }],
  },
  {
    title: 'Secret: stringData is folded into data before comparing',
    kind: 'Secret',
    name: 'secret-string',
    base: 'apiVersion: v1\nkind: Secret\nmetadata: {name: secret-string}\nimmutable: true\ndata: {password: c2FtZQ==}\n',
    head: 'apiVersion: v1\nkind: Secret\nmetadata: {name: secret-string}\nimmutable: true\nstringData: {password: same}\n',
    expected: [],
  },
  {
    title: 'ConfigMap: data may change unless the old one is immutable',
    kind: 'ConfigMap',
    name: 'cm-mutable',
    base: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm-mutable}\ndata: {a: "1"}\n',
    head: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm-mutable}\nimmutable: true\ndata: {a: "2"}\n',
    expected: [],
  },
  // RBAC (§3.4), storage (§3.5), others (§3.7, §3.8)
  {
    title: 'RoleBinding: roleRef cannot change',
    kind: 'RoleBinding',
    name: 'rb',
    base: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: rb}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}\nsubjects: [{kind: ServiceAccount, name: a}]\n',
    head: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: rb}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}\nsubjects: [{kind: ServiceAccount, name: b}]\n',
    expected: [{ path: 'roleRef.name', before: 'view', after: 'edit' }],
  },
  {
    title: 'StorageClass: parameters are frozen, an explicit default reclaimPolicy is not a change',
    kind: 'StorageClass',
    name: 'sc',
    base: 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: sc}\nprovisioner: ebs.csi.aws.com\nparameters: {type: gp2}\n',
    head: 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: sc}\nprovisioner: ebs.csi.aws.com\nreclaimPolicy: Delete\nallowVolumeExpansion: true\nparameters: {type: gp3}\n',
    expected: [{ path: 'parameters.type', before: 'gp2', after: 'gp3' }],
  },
  {
    title: 'PriorityClass: value cannot change',
    kind: 'PriorityClass',
    name: 'pc',
    base: 'apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: pc}\nvalue: 1000\n',
    head: 'apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: pc}\nvalue: 2000\ndescription: more\n',
    expected: [{ path: 'value', before: 1000, after: 2000 }],
  },
  {
    title: 'IngressClass: the controller cannot change',
    kind: 'IngressClass',
    name: 'ic',
    base: 'apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: {name: ic}\nspec: {controller: k8s.io/ingress-nginx}\n',
    head: 'apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: {name: ic}\nspec: {controller: example.com/other}\n',
    expected: [{ path: 'spec.controller', before: 'k8s.io/ingress-nginx', after: 'example.com/other' }],
  },
  {
    title: 'ResourceQuota: scopes compare as a set',
    kind: 'ResourceQuota',
    name: 'rq',
    base: 'apiVersion: v1\nkind: ResourceQuota\nmetadata: {name: rq}\nspec: {scopes: [BestEffort, NotTerminating], hard: {pods: "10"}}\n',
    head: 'apiVersion: v1\nkind: ResourceQuota\nmetadata: {name: rq}\nspec: {scopes: [NotTerminating, BestEffort], hard: {pods: "20"}}\n',
    expected: [],
  },
  // CRDs (§3.9, §5.3)
  {
    title: 'CustomResourceDefinition in templates/: the plural name cannot change',
    kind: 'CustomResourceDefinition',
    name: 'widgets.example.com',
    base: crd('widgets', 'Widget'),
    head: crd('widgetz', 'Widget'),
    expected: [{ path: 'spec.names.plural', before: 'widgets', after: 'widgetz' }],
  },
  {
    title: 'CustomResourceDefinition in crds/: never applied on upgrade, so not an immutable-field change',
    kind: 'CustomResourceDefinition',
    name: 'gadgets.example.com',
    base: crd('gadgets', 'Gadget', 'gadgets.example.com'),
    head: crd('gadgetz', 'Gadget', 'gadgets.example.com'),
    file: 'crds/gadgets.yaml',
    expected: [],
  },
];

function crd(plural: string, kind: string, name = 'widgets.example.com'): string {
  return `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: ${name}}
spec:
  group: example.com
  names: {plural: ${plural}, kind: ${kind}}
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema: {openAPIV3Schema: {type: object}}
`;
}

function chartFiles(side: 'base' | 'head'): Record<string, string> {
  return Object.fromEntries(CASES.map((c, i) => [c.file ?? `templates/${i}-${c.name}.yaml`, c[side]]));
}

describe('immutable-field-changed, per kind', () => {
  let ctx: ChartContext;
  let findings: FindingDraft[];
  beforeAll(() => {
    ctx = tinyPairContext('kinds', chartFiles('base'), chartFiles('head'));
    findings = immutableFieldChanged.check(ctx);
  });

  it.each(CASES)('$title', (c) => {
    const mine = findings.filter((f) => f.resource?.kind === c.kind && f.resource?.name === c.name);
    expect(mine.map(({ path, before, after }) => ({ path, before, after }))).toEqual(c.expected);
    for (const finding of mine) expect(finding.needsReinstall).toBe(true);
  });

  it('renders every case object on both sides, so an empty expectation is a real "no finding"', () => {
    const names = (side: 'base' | 'head') =>
      ctx.renders?.[side]?.manifests.map((m) => `${m.ref.kind}/${m.ref.name}`) ?? [];
    for (const c of CASES) {
      expect(names('base')).toContain(`${c.kind}/${c.name}`);
      expect(names('head')).toContain(`${c.kind}/${c.name}`);
    }
  });

  it('reports nothing for an object that is not in both renders', () => {
    expect(findings.every((f) => CASES.some((c) => c.name === f.resource?.name))).toBe(true);
  });

  it('puts the release namespace into the resource and the kubectl command of a namespaced object', () => {
    const finding = findings.find((f) => f.resource?.name === 'svc-headless');
    expect(finding?.resource).toEqual({ apiVersion: 'v1', kind: 'Service', namespace: 'demo', name: 'svc-headless' });
    expect(finding?.remedy).toContain('`kubectl delete service svc-headless -n demo`');
    expect(finding?.remedy).toContain('`helm upgrade rel charts/kinds --namespace demo`');
  });

  it('leaves the namespace out for a cluster-scoped object', () => {
    const finding = findings.find((f) => f.resource?.name === 'sc');
    expect(finding?.resource).not.toHaveProperty('namespace');
    expect(finding?.remedy).toContain('`kubectl delete storageclass.storage.k8s.io sc`');
  });

  it('tells how to re-run a Job and how to replace a claim', () => {
    expect(findings.find((f) => f.resource?.name === 'job')?.remedy).toContain('`kubectl delete job job -n demo`');
    expect(findings.find((f) => f.resource?.name === 'pvc-shrink')?.remedy).toContain('copy the data');
  });

  it('warns that re-creating a CRD deletes its custom resources', () => {
    expect(findings.find((f) => f.resource?.name === 'widgets.example.com')?.remedy).toContain(
      'deletes every custom resource of that type',
    );
  });

  it('never shows Secret values', () => {
    const secretFindings = findings.filter((f) => f.resource?.kind === 'Secret');
    expect(JSON.stringify(secretFindings)).not.toMatch(/b2xk|bmV3/);
  });

  it('does not report the hook Job as removed or changed', () => {
    expect(resourceRemoved.check(ctx).map((f) => f.resource?.name)).toEqual([]);
  });
});

describe('matching objects across renders like Helm', () => {
  const deployment = (namespace: string, labels: string) =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n${namespace}spec:\n  selector: {matchLabels: ${labels}}\n  template:\n    metadata: {labels: ${labels}}\n    spec:\n      ${container('a')}\n`;

  it('matches an object without metadata.namespace to the same object in the release namespace', () => {
    const ctx = tinyPairContext(
      'ns',
      { 'templates/d.yaml': deployment('  namespace: demo\n', '{app: a}') },
      { 'templates/d.yaml': deployment('', '{app: b}') },
    );
    expect(immutableFieldChanged.check(ctx).map((f) => f.path)).toEqual(['spec.selector.matchLabels']);
    expect(resourceRemoved.check(ctx)).toEqual([]);
  });

  it('treats an object moved to another namespace as a different object', () => {
    const ctx = tinyPairContext(
      'ns',
      { 'templates/d.yaml': deployment('', '{app: a}') },
      { 'templates/d.yaml': deployment('  namespace: other\n', '{app: b}') },
    );
    expect(immutableFieldChanged.check(ctx)).toEqual([]);
    expect(resourceRemoved.check(ctx).map((f) => f.resource)).toEqual([
      { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'demo', name: 'web' },
    ]);
  });

  it('ignores the version but not the group: apps/v1beta2 -> apps/v1 is the same object', () => {
    const ctx = tinyPairContext(
      'gv',
      { 'templates/d.yaml': deployment('', '{app: a}').replace('apps/v1', 'apps/v1beta2') },
      { 'templates/d.yaml': deployment('', '{app: b}') },
    );
    expect(immutableFieldChanged.check(ctx).map((f) => f.resource?.apiVersion)).toEqual(['apps/v1']);
  });

  it('ignores metadata.namespace on cluster-scoped objects', () => {
    const binding = (ns: string, role: string) =>
      `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: crb\n${ns}roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: ${role}}\n`;
    const ctx = tinyPairContext(
      'cluster',
      { 'templates/b.yaml': binding('  namespace: demo\n', 'view') },
      { 'templates/b.yaml': binding('', 'edit') },
    );
    expect(immutableFieldChanged.check(ctx).map((f) => f.resource)).toEqual([
      { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', name: 'crb' },
    ]);
  });

  it('skips cleanly when a render failed', () => {
    const ctx = tinyPairContext(
      'ns',
      { 'templates/d.yaml': deployment('', '{app: a}') },
      { 'templates/d.yaml': deployment('', '{app: b}') },
    );
    const failed = chartContext({
      ...ctx,
      renders: { base: ctx.renders?.base, head: { ...ctx.renders!.head!, status: 'failed' as const } },
    });
    expect(immutableFieldChanged.check(failed)).toEqual([]);
    expect(resourceRemoved.check(failed)).toEqual([]);
  });
});

describe('fields only deploy-time variables decide', () => {
  const templated = (storageClass: string) => ({
    path: 'values/db.yaml',
    values: { persistence: { storageClass } },
    keys: [],
    skipped: [],
  });
  const sts = (serviceName: string, storageClass: string) =>
    statefulSet('db', vct().replace('accessModes', `storageClassName: ${storageClass}\n        accessModes`)).replace(
      'serviceName: db',
      `serviceName: ${serviceName}`,
    );

  it('name the variable after the fields that block, in the one finding of the object', () => {
    const ctx = tinyPairContext(
      'db',
      { 'templates/sts.yaml': sts('db', 'aws-ebs-gp2-0') },
      { 'templates/sts.yaml': sts('db-headless', 'database-disk-type') },
    );
    const withFiles = chartContext({
      ...ctx,
      baseOverrides: [templated('aws-ebs-gp2-0')],
      overrides: [templated('{{ database_disk_type }}')],
    });
    const findings = immutableFieldChanged.check(withFiles);
    expect(findings.map((f) => [f.severity, f.path, f.before, f.after])).toEqual([
      [undefined, 'spec.serviceName', 'db', 'db-headless'],
    ]);
    expect(findings[0].message).toMatch(
      /so `helm upgrade` fails\. spec\.volumeClaimTemplates\[0\]\.spec\.storageClassName may change too, depending on \{\{ database_disk_type \}\}\.$/,
    );
    // without the templated file the same render is a blocking change of both fields
    const [plain] = immutableFieldChanged.check(ctx);
    expect(Object.keys(plain.after as object)).toEqual([
      'spec.serviceName',
      'spec.volumeClaimTemplates[0].spec.storageClassName',
    ]);
  });
});
