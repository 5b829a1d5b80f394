// Which fields the API server refuses to update, per kind: the checks behind immutable-field-changed. The table
// itself (kinds, field paths, allow-lists, error texts, the section of docs/reference/immutable-fields.md and the
// upstream validator) is data, src/data/immutable-fields.json; this module holds the code each row names in its
// `check`. Both renders get the server's defaults first (server-defaults.ts, src/data/immutable-defaults.json), so
// "absent", "" where Go tests len(x) == 0, and the default never differ; comparison is semantic (normalise.ts), and
// a change shows the values as rendered.
import { REDACTED } from '../../redact/credentials.js';
import { printedAlike } from '../../render/document-identity.js';
import {
  canonicalQuantities,
  clone,
  dropDefault,
  isEmptyValue,
  locateDifference,
  parseQuantity,
  reportValue,
  semanticEqual,
} from '../../render/normalise.js';
import {
  IMMUTABLE_KINDS,
  type ImmutableCheck,
  type ImmutableFieldSpec,
  type ImmutableKindEntry,
} from '../../render/reference-tables.js';
import type { Manifest } from '../../render/types.js';
import { formatKeyPath, getAt, isMap, type KeyPath, setOwn } from '../../values/key-path.js';
import { withServerDefaults } from './server-defaults.js';

type KubeObject = Record<string, unknown>;

export interface ImmutableChange {
  /** The most precise field path covering the change. */
  path: KeyPath;
  /** Values at `path` as rendered (null when absent); Secret data values are redacted. */
  before: unknown;
  after: unknown;
  /** Each differing leaf below `path` (for messages when a whole subtree such as a Job template differs). */
  leaves: KeyPath[];
  /** Why the API server refuses it, in its own terms. */
  reason: string;
}

export interface ImmutableKindRule {
  group: string;
  kind: string;
  /** Section of docs/reference/immutable-fields.md the rule encodes. */
  reference: string;
  changes(base: KubeObject, head: KubeObject, headApiVersion: string): ImmutableChange[];
}

const FIELD_IS_IMMUTABLE = 'field is immutable';

/** Compares normalised trees at `path` and reports the difference with the rendered (original) values. */
function compareAt(
  normalised: { base: unknown; head: unknown },
  original: { base: unknown; head: unknown },
  path: KeyPath,
  reason: string,
): ImmutableChange[] {
  const difference = locateDifference(getAt(normalised.base, path), getAt(normalised.head, path), path);
  if (!difference) return [];
  return [
    {
      path: difference.path,
      before: reportValue(getAt(original.base, difference.path)),
      after: reportValue(getAt(original.head, difference.path)),
      leaves: difference.leaves,
      reason,
    },
  ];
}

type Changes = ImmutableKindRule['changes'];

/** The changes at a fixed list of paths. */
function fieldChanges(fields: readonly ImmutableFieldSpec[], reason = FIELD_IS_IMMUTABLE): Changes {
  return (base, head) => {
    const normalised = { base: canonicalQuantities(base), head: canonicalQuantities(head) };
    return fields.flatMap((field) => compareAt(normalised, { base, head }, field.path, reason));
  };
}

const fieldsOf = (entry: ImmutableKindEntry) => entry.fields ?? [];

// ---------- apps/v1 (§3.1) ----------

/** Drops what the server does not keep of a claim template: its type metadata (apiVersion/kind) and status. */
function normaliseStatefulSetSpec(spec: unknown): unknown {
  const copy = canonicalQuantities(clone(spec ?? {}));
  const templates = getAt(copy, ['volumeClaimTemplates']);
  if (Array.isArray(templates)) {
    for (const template of templates) {
      if (!isMap(template)) continue;
      dropDefault(template, ['apiVersion'], 'v1');
      dropDefault(template, ['kind'], 'PersistentVolumeClaim');
      delete template.status;
    }
  }
  return copy;
}

/** §3.1 StatefulSet: the whole spec is frozen except the row's `except` allow-list (revisionHistoryLimit: recent releases). */
function statefulSet(entry: ImmutableKindEntry): Changes {
  const mutable = new Set(entry.except);
  const reason = entry.reason ?? FIELD_IS_IMMUTABLE;
  return (base, head) => {
    const normalised = {
      base: { spec: normaliseStatefulSetSpec(base.spec) },
      head: { spec: normaliseStatefulSetSpec(head.spec) },
    };
    const keys = new Set([
      ...Object.keys(normalised.base.spec as object),
      ...Object.keys(normalised.head.spec as object),
    ]);
    // one change per differing top-level spec field, each located as precisely as possible
    return [...keys]
      .filter((key) => !mutable.has(key))
      .flatMap((key) => compareAt(normalised, { base, head }, ['spec', key], reason));
  };
}

/** §3.1 Deployment/DaemonSet/ReplicaSet: spec.selector is immutable, except through apps/v1beta1 (long removed). */
function selector(entry: ImmutableKindEntry): Changes {
  const changes = fieldChanges(fieldsOf(entry), entry.reason);
  return (base, head, headApiVersion) => (headApiVersion === 'apps/v1beta1' ? [] : changes(base, head, headApiVersion));
}

// ---------- batch/v1 (§3.2) ----------

function job(entry: ImmutableKindEntry): Changes {
  const all = fieldChanges(fieldsOf(entry));
  const elasticFields = fieldChanges(fieldsOf(entry).filter((f) => f.path[1] !== 'completions'));
  return (base, head, headApiVersion) => {
    // ElasticIndexedJob (GA 1.31): an Indexed Job may change completions together with parallelism.
    const elastic = (o: KubeObject) =>
      getAt(o, ['spec', 'completionMode']) === 'Indexed' &&
      getAt(o, ['spec', 'completions']) === getAt(o, ['spec', 'parallelism']);
    return (elastic(base) && elastic(head) ? elasticFields : all)(base, head, headApiVersion);
  };
}

// ---------- core/v1 (§3.3) ----------

/** The primary cluster IP as rendered: clusterIPs[0] wins over clusterIP; "" when left to the server. */
function primaryClusterIP(spec: unknown): string {
  const ips = getAt(spec, ['clusterIPs']);
  const first = Array.isArray(ips) ? ips[0] : undefined;
  const ip = first ?? getAt(spec, ['clusterIP']);
  return typeof ip === 'string' ? ip : '';
}

function isHeadless(ip: string): boolean {
  return ip === 'None';
}

/**
 * §3.3 Service (≥ 1.20): an empty or omitted value means "keep what is allocated", so only a value the new render
 * pins can clash: headless <-> non-headless, a different IP, or a fixed IP where the cluster allocated one.
 */
function pinnedValueClash(before: string, after: string): string | undefined {
  if (after === '' || before === after) return undefined;
  if (before === '') {
    return isHeadless(after)
      ? 'may not change once set: adding clusterIP: None to an existing Service is refused'
      : 'may not change once set: the cluster allocated a value when the Service was created and the new render pins another';
  }
  if (isHeadless(before) !== isHeadless(after))
    return 'may not change once set: a Service cannot switch between headless and non-headless';
  return 'may not change once set';
}

const service: Changes = (base, head) => {
  const before = isMap(base.spec) ? base.spec : {};
  const after = isMap(head.spec) ? head.spec : {};
  const typeOf = (spec: KubeObject) => (typeof spec.type === 'string' ? spec.type : 'ClusterIP');
  // ExternalName on either side exempts the IP and family rules (validateUpgradeDowngradeClusterIPs)
  if (typeOf(before) === 'ExternalName' || typeOf(after) === 'ExternalName') return [];
  const changes: ImmutableChange[] = [];
  const ipBefore = primaryClusterIP(before);
  const ipAfter = primaryClusterIP(after);
  const ipClash = pinnedValueClash(ipBefore, ipAfter);
  if (ipClash) {
    changes.push({
      path: ['spec', 'clusterIP'],
      before: ipBefore || null,
      after: ipAfter,
      leaves: [['spec', 'clusterIP']],
      reason: ipClash,
    });
  }
  // primary family: only comparable when both renders pin it (absent = the cluster's default, kept on update)
  const familyBefore = getAt(before, ['ipFamilies', 0]);
  const familyAfter = getAt(after, ['ipFamilies', 0]);
  if (
    typeof familyBefore === 'string' &&
    typeof familyAfter === 'string' &&
    familyBefore !== familyAfter &&
    !isHeadless(ipBefore) &&
    !isHeadless(ipAfter)
  ) {
    changes.push({
      path: ['spec', 'ipFamilies', 0],
      before: familyBefore,
      after: familyAfter,
      leaves: [['spec', 'ipFamilies', 0]],
      reason: 'may not change once set',
    });
  }
  const bothLoadBalancers = typeOf(before) === 'LoadBalancer' && typeOf(after) === 'LoadBalancer';
  if (bothLoadBalancers && !semanticEqual(before.loadBalancerClass, after.loadBalancerClass)) {
    changes.push({
      path: ['spec', 'loadBalancerClass'],
      before: reportValue(before.loadBalancerClass),
      after: reportValue(after.loadBalancerClass),
      leaves: [['spec', 'loadBalancerClass']],
      reason: 'may not change once set while the Service stays a LoadBalancer',
    });
  }
  const needsHealthCheck = (spec: KubeObject) =>
    typeOf(spec) === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local';
  if (needsHealthCheck(before) && needsHealthCheck(after)) {
    const port = (spec: KubeObject) => (spec.healthCheckNodePort ? String(spec.healthCheckNodePort) : '');
    const clash = pinnedValueClash(port(before), port(after));
    if (clash) {
      changes.push({
        path: ['spec', 'healthCheckNodePort'],
        before: reportValue(before.healthCheckNodePort),
        after: reportValue(after.healthCheckNodePort),
        leaves: [['spec', 'healthCheckNodePort']],
        reason: FIELD_IS_IMMUTABLE,
      });
    }
  }
  return changes;
};

const PVC_REASON =
  'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims';
const BETA_STORAGE_CLASS: KeyPath = ['metadata', 'annotations', 'volume.beta.kubernetes.io/storage-class'];

const persistentVolumeClaim: Changes = (base, head) => {
  const changes: ImmutableChange[] = [];
  const storagePath: KeyPath = ['spec', 'resources', 'requests', 'storage'];
  const sizeBefore = parseQuantity(getAt(base, storagePath));
  const sizeAfter = parseQuantity(getAt(head, storagePath));
  // growing is an allowed update (bound claim, expandable class); shrinking never is
  if (sizeBefore !== undefined && sizeAfter !== undefined && sizeAfter < sizeBefore) {
    changes.push({
      path: storagePath,
      before: getAt(base, storagePath),
      after: getAt(head, storagePath),
      leaves: [storagePath],
      reason: 'field can not be less than previous value',
    });
  }
  const normalise = (o: KubeObject) => {
    const spec = canonicalQuantities(clone(o.spec ?? {})) as KubeObject;
    const requests = getAt(spec, ['resources', 'requests']);
    if (isMap(requests)) delete requests.storage;
    return spec;
  };
  const specBefore = normalise(base);
  const specAfter = normalise(head);
  // volumeName may be set once; storageClassName nil -> value is allowed (RetroactiveDefaultStorageClass, 1.28)
  if (isEmptyValue(specBefore.volumeName)) delete specAfter.volumeName;
  if (specBefore.storageClassName === undefined || specBefore.storageClassName === null)
    delete specAfter.storageClassName;
  // volumeAttributesClassName is mutable, except from a value back to nothing
  if (isEmptyValue(specBefore.volumeAttributesClassName) || !isEmptyValue(specAfter.volumeAttributesClassName)) {
    delete specBefore.volumeAttributesClassName;
    delete specAfter.volumeAttributesClassName;
  }
  const normalised = { base: { spec: specBefore }, head: { spec: specAfter } };
  for (const key of new Set([...Object.keys(specBefore), ...Object.keys(specAfter)])) {
    changes.push(...compareAt(normalised, { base, head }, ['spec', key], PVC_REASON));
  }
  changes.push(...compareAt({ base, head }, { base, head }, BETA_STORAGE_CLASS, FIELD_IS_IMMUTABLE));
  return changes;
};

/** §3.3 PersistentVolume: the row's `except` are the spec fields that are not part of the volume source. */
function persistentVolume(entry: ImmutableKindEntry): Changes {
  const notSource = new Set(entry.except);
  return (base, head) => {
    const normalise = (o: KubeObject) => {
      return clone(isMap(o.spec) ? o.spec : {});
    };
    const specBefore = normalise(base);
    const specAfter = normalise(head);
    // csi.controllerExpandSecretRef may be added to an existing volume
    if (getAt(specBefore, ['csi', 'controllerExpandSecretRef']) === undefined && isMap(specAfter.csi)) {
      delete specAfter.csi.controllerExpandSecretRef;
    }
    const normalised = { base: { spec: specBefore }, head: { spec: specAfter } };
    const original = { base, head };
    const sourceKeys = [...new Set([...Object.keys(specBefore), ...Object.keys(specAfter)])].filter(
      (k) => !notSource.has(k),
    );
    const changes = sourceKeys.flatMap((key) =>
      compareAt(normalised, original, ['spec', key], 'spec.persistentvolumesource is immutable after creation'),
    );
    changes.push(...compareAt(normalised, original, ['spec', 'volumeMode'], FIELD_IS_IMMUTABLE));
    if (!isEmptyValue(specBefore.nodeAffinity)) {
      changes.push(...compareAt(normalised, original, ['spec', 'nodeAffinity'], 'may not change once set'));
    }
    return changes;
  };
}

function redact(value: unknown): unknown {
  if (isMap(value)) return Object.fromEntries(Object.keys(value).map((key) => [key, REDACTED]));
  return value === undefined || value === null ? null : REDACTED;
}

/** §3.3 Secret data as the server validates it: stringData folded into data (base64). */
function secretData(o: KubeObject): Record<string, unknown> {
  const data: Record<string, unknown> = { ...(isMap(o.data) ? o.data : {}) };
  if (isMap(o.stringData)) {
    for (const [key, value] of Object.entries(o.stringData))
      setOwn(data, key, Buffer.from(String(value ?? ''), 'utf8').toString('base64'));
  }
  return data;
}

const IMMUTABLE_SET = 'field is immutable when `immutable` is set';

function secret(entry: ImmutableKindEntry): Changes {
  const fixed = fieldChanges(fieldsOf(entry));
  return (base, head) => {
    const changes = fixed(base, head, 'v1');
    if (base.immutable !== true) return changes;
    const normalised = {
      base: { data: secretData(base), immutable: base.immutable },
      head: { data: secretData(head), immutable: head.immutable },
    };
    for (const change of compareAt(normalised, normalised, ['data'], IMMUTABLE_SET)) {
      changes.push({ ...change, before: redact(change.before), after: redact(change.after) });
    }
    changes.push(...compareAt(normalised, normalised, ['immutable'], IMMUTABLE_SET));
    return changes;
  };
}

const configMap: Changes = (base, head) => {
  if (base.immutable !== true) return [];
  const original = { base, head };
  return (['data', 'binaryData', 'immutable'] as const).flatMap((key) =>
    compareAt(original, original, [key], IMMUTABLE_SET),
  );
};

const resourceQuota: Changes = (base, head) => {
  // scopes compare as a set
  const scopes = (o: KubeObject) => {
    const list = getAt(o, ['spec', 'scopes']);
    return { spec: { scopes: Array.isArray(list) ? [...list].map(String).sort() : [] } };
  };
  return compareAt({ base: scopes(base), head: scopes(head) }, { base, head }, ['spec', 'scopes'], FIELD_IS_IMMUTABLE);
};

// ---------- CRDs in templates/ (§3.9): crds/ files are never applied on upgrade, see crd-changed ----------

function customResourceDefinition(entry: ImmutableKindEntry): Changes {
  const fixed = fieldChanges(fieldsOf(entry));
  return (base, head, headApiVersion) => {
    const changes = fixed(base, head, headApiVersion);
    // preserveUnknownFields may not go false -> true
    if (
      getAt(base, ['spec', 'preserveUnknownFields']) !== true &&
      getAt(head, ['spec', 'preserveUnknownFields']) === true
    ) {
      changes.push({
        path: ['spec', 'preserveUnknownFields'],
        before: reportValue(getAt(base, ['spec', 'preserveUnknownFields'])),
        after: true,
        leaves: [['spec', 'preserveUnknownFields']],
        reason:
          'cannot set to true, set x-kubernetes-preserve-unknown-fields to true in spec.versions[*].schema instead',
      });
    }
    return changes;
  };
}

/** The code behind each `check` of immutable-fields.json. */
const CHECKS: Record<ImmutableCheck, (entry: ImmutableKindEntry) => Changes> = {
  fields: (entry) => fieldChanges(fieldsOf(entry), entry.reason),
  selector,
  statefulset: statefulSet,
  job,
  service: () => service,
  persistentvolumeclaim: () => persistentVolumeClaim,
  persistentvolume: persistentVolume,
  secret,
  configmap: () => configMap,
  resourcequota: () => resourceQuota,
  customresourcedefinition: customResourceDefinition,
};

/** The table. Kinds not listed have no immutable fields beyond metadata.name/namespace (§2, §3.3 "Others"). */
export const IMMUTABLE_RULES: ImmutableKindRule[] = IMMUTABLE_KINDS.map((entry) => ({
  group: entry.group,
  kind: entry.kind,
  reference: entry.section,
  changes: CHECKS[entry.check](entry),
}));

export function immutableRuleFor(group: string, kind: string): ImmutableKindRule | undefined {
  return IMMUTABLE_RULES.find((rule) => rule.group === group && rule.kind === kind);
}

/** The immutable-field changes between an object's old and new render (both already matched by identity). */
export function immutableChanges(base: Manifest, head: Manifest): ImmutableChange[] {
  const rule = immutableRuleFor(head.group, head.ref.kind);
  if (!rule || base.ref.kind !== head.ref.kind || printedAlike(base, head)) return [];
  const defaulted = {
    base: withServerDefaults(head.group, head.ref.kind, base.object),
    head: withServerDefaults(head.group, head.ref.kind, head.object),
  };
  // a value the defaults filled in is shown as rendered (absent, "")
  const shown = (defaultedSide: KubeObject, rendered: KubeObject, path: KeyPath, value: unknown) =>
    semanticEqual(getAt(defaultedSide, path), getAt(rendered, path)) ? value : reportValue(getAt(rendered, path));
  return rule.changes(defaulted.base, defaulted.head, head.ref.apiVersion).map((change) => ({
    ...change,
    before: shown(defaulted.base, base.object, change.path, change.before),
    after: shown(defaulted.head, head.object, change.path, change.after),
  }));
}

/** "spec.template (metadata.labels, spec.containers[0].image)" when a subtree differs in several places. */
export function describeLeaves(change: ImmutableChange, limit = 4): string {
  const path = formatKeyPath(change.path);
  if (change.leaves.length <= 1 && semanticEqual(change.leaves[0], change.path)) return path;
  const relative = change.leaves.map((leaf) => formatKeyPath(leaf.slice(change.path.length)));
  const shown = relative.slice(0, limit).join(', ');
  const more = relative.length > limit ? ` and ${relative.length - limit} more` : '';
  return `${path} (${shown}${more})`;
}
