// Reading CustomResourceDefinitions out of renders and summarising what changed between two of them
// (versions, storage version, schema, printer columns), for crd-changed, crd-version-removed and crd-moved.
// Both apiextensions.k8s.io/v1 (per-version schema/columns) and v1beta1 (top-level ones) are read.

import { printedAlike } from '../../render/document-identity.js';
import { locateDifference, semanticEqual } from '../../render/normalise.js';
import type { Manifest, RenderResult } from '../../render/types.js';
import { getAt, isMap, ownValue } from '../../values/key-path.js';

export function isCrd(m: Manifest): boolean {
  return m.group === 'apiextensions.k8s.io' && m.ref.kind === 'CustomResourceDefinition';
}

/** Where a CRD sits: crds/ (installed once, never upgraded) or templates/ (a release object); hooks are neither. */
export type CrdLocation = 'crds' | 'templates' | 'hook';

export function crdLocation(m: Manifest): CrdLocation {
  if (m.fromCrdsDir) return 'crds';
  return m.isHook ? 'hook' : 'templates';
}

/** CRDs of a render by metadata.name (cluster-scoped: the name is the identity). */
export function crdsByName(render: RenderResult): Map<string, Manifest> {
  const crds = new Map<string, Manifest>();
  for (const m of render.manifests) if (isCrd(m)) crds.set(m.ref.name, m);
  return crds;
}

/** CRDs present in both renders, by name, in the old render's order. */
export function pairedCrds(base: RenderResult, head: RenderResult): { name: string; base: Manifest; head: Manifest }[] {
  const after = crdsByName(head);
  return [...crdsByName(base)].flatMap(([name, before]) => {
    const now = after.get(name);
    return now ? [{ name, base: before, head: now }] : [];
  });
}

interface CrdVersion {
  name: string;
  served: boolean;
  storage: boolean;
  schema: unknown;
  printerColumns: string[];
}

export function crdVersions(m: Manifest): CrdVersion[] {
  const spec = isMap(m.object.spec) ? m.object.spec : {};
  const topSchema = getAt(spec, ['validation', 'openAPIV3Schema']);
  const topColumns = spec.additionalPrinterColumns;
  const columnNames = (columns: unknown) =>
    Array.isArray(columns)
      ? columns.map((c) => getAt(c, ['name'])).filter((n): n is string => typeof n === 'string')
      : [];
  if (Array.isArray(spec.versions) && spec.versions.length > 0) {
    return spec.versions.filter(isMap).map((v) => ({
      name: String(v.name),
      served: v.served !== false,
      storage: v.storage === true,
      schema: getAt(v, ['schema', 'openAPIV3Schema']) ?? topSchema,
      printerColumns: columnNames(v.additionalPrinterColumns ?? topColumns),
    }));
  }
  // apiextensions.k8s.io/v1beta1 with the single spec.version
  if (typeof spec.version === 'string') {
    return [
      { name: spec.version, served: true, storage: true, schema: topSchema, printerColumns: columnNames(topColumns) },
    ];
  }
  return [];
}

export function storageVersion(m: Manifest): string | undefined {
  return crdVersions(m).find((v) => v.storage)?.name;
}

export interface CrdSummary {
  versions: string[];
  storageVersion: string | null;
  printerColumns: string[];
}

export function summariseCrd(m: Manifest): CrdSummary {
  const versions = crdVersions(m);
  return {
    versions: versions.map((v) => v.name),
    storageVersion: storageVersion(m) ?? null,
    printerColumns: [...new Set(versions.flatMap((v) => v.printerColumns))],
  };
}

export interface CrdComparison {
  versionsAdded: string[];
  versionsRemoved: string[];
  storageChanged: boolean;
  /** Versions (present on both sides) whose schema differs. */
  schemaChanged: string[];
  /** Per version of schemaChanged: the fields its schema gained, lost, and newly requires. */
  schemaFields: SchemaFieldChanges[];
  printerColumnsAdded: string[];
  printerColumnsRemoved: string[];
  /** Other spec fields that differ (names, scope, conversion, served flags...). */
  otherChanges: string[];
}

export interface SchemaFieldChanges {
  version: string;
  /** Field paths ("spec.template.metadata", "spec.items[].name"), in schema order. */
  added: string[];
  removed: string[];
  /** Fields required now that were not before: objects without them are rejected on the next write. */
  required: string[];
}

/**
 * The fields an openAPIV3Schema declares, with whether each is required, by path: properties of objects, `[]` for
 * array items, additionalProperties as `*`. A field below one that was added or removed is not listed again.
 */
function schemaFields(schema: unknown, prefix = '', out = new Map<string, boolean>(), depth = 0): Map<string, boolean> {
  // the API server caps schema nesting too; a hostile CRD cannot make this walk deep
  if (!isMap(schema) || depth > 32) return out;
  const required = Array.isArray(schema.required) ? schema.required.map(String) : [];
  if (isMap(schema.properties)) {
    for (const [name, child] of Object.entries(schema.properties)) {
      const path = prefix ? `${prefix}.${name}` : name;
      out.set(path, required.includes(name));
      schemaFields(child, path, out, depth + 1);
    }
  }
  if (isMap(schema.items)) schemaFields(schema.items, `${prefix}[]`, out, depth + 1);
  if (isMap(schema.additionalProperties)) schemaFields(schema.additionalProperties, `${prefix}.*`, out, depth + 1);
  return out;
}

function topLevel(paths: string[]): string[] {
  const set = new Set(paths);
  return paths.filter((p) => {
    for (let cut = p.search(/[.[][^.[]*$/); cut > 0; cut = p.slice(0, cut).search(/[.[][^.[]*$/)) {
      if (set.has(p.slice(0, cut))) return false;
    }
    return true;
  });
}

export function compareSchemaFields(version: string, before: unknown, after: unknown): SchemaFieldChanges {
  const old = schemaFields(before);
  const now = schemaFields(after);
  return {
    version,
    added: topLevel([...now.keys()].filter((k) => !old.has(k))),
    removed: topLevel([...old.keys()].filter((k) => !now.has(k))),
    required: [...now].filter(([k, req]) => req && old.get(k) !== true).map(([k]) => k),
  };
}

/** The comparison of a CRD printed alike on both sides. */
function noChange(): CrdComparison {
  return {
    versionsAdded: [],
    versionsRemoved: [],
    storageChanged: false,
    schemaChanged: [],
    schemaFields: [],
    printerColumnsAdded: [],
    printerColumnsRemoved: [],
    otherChanges: [],
  };
}

const VERSION_FIELDS = new Set(['versions', 'version', 'validation', 'additionalPrinterColumns']);

export function compareCrds(base: Manifest, head: Manifest): CrdComparison {
  if (printedAlike(base, head)) return noChange();
  const before = crdVersions(base);
  const after = crdVersions(head);
  const names = (list: CrdVersion[]) => list.map((v) => v.name);
  const columnsBefore = summariseCrd(base).printerColumns;
  const columnsAfter = summariseCrd(head).printerColumns;
  const otherChanges: string[] = [];
  const specBefore = isMap(base.object.spec) ? base.object.spec : {};
  const specAfter = isMap(head.object.spec) ? head.object.spec : {};
  for (const key of new Set([...Object.keys(specBefore), ...Object.keys(specAfter)])) {
    if (!VERSION_FIELDS.has(key) && !semanticEqual(ownValue(specBefore, key), ownValue(specAfter, key)))
      otherChanges.push(`spec.${key}`);
  }
  for (const v of before) {
    const other = after.find((a) => a.name === v.name);
    if (other && other.served !== v.served) otherChanges.push(`${v.name} served: ${v.served} -> ${other.served}`);
  }
  const schemaChanged = before
    .filter((v) => {
      const other = after.find((a) => a.name === v.name);
      return other !== undefined && locateDifference(v.schema, other.schema) !== undefined;
    })
    .map((v) => v.name);
  return {
    versionsAdded: names(after).filter((n) => !names(before).includes(n)),
    versionsRemoved: names(before).filter((n) => !names(after).includes(n)),
    storageChanged: storageVersion(base) !== storageVersion(head),
    schemaChanged,
    schemaFields: schemaChanged.map((name) =>
      compareSchemaFields(
        name,
        before.find((v) => v.name === name)?.schema,
        after.find((v) => v.name === name)?.schema,
      ),
    ),
    printerColumnsAdded: columnsAfter.filter((c) => !columnsBefore.includes(c)),
    printerColumnsRemoved: columnsBefore.filter((c) => !columnsAfter.includes(c)),
    otherChanges,
  };
}

export function crdSpecEqual(base: Manifest, head: Manifest): boolean {
  return printedAlike(base, head) || semanticEqual(base.object.spec, head.object.spec);
}

/**
 * `kubectl apply --server-side` of a crds/ file. A file inside a packaged subchart ("<x>.tgz#<path>", as the chart
 * loader names it) cannot be given to kubectl as a path: it is streamed out of the archive.
 */
export function crdApplyCommand(file: string): string {
  const hash = file.indexOf('.tgz#');
  if (hash < 0) return `kubectl apply --server-side --force-conflicts -f ${shellWord(file)}`;
  const archive = file.slice(0, hash + 4);
  const inner = file.slice(hash + 5);
  return `tar -xzOf ${shellWord(archive)} ${shellWord(inner)} | kubectl apply --server-side --force-conflicts -f -`;
}

/** crdApplyCommand of several files: the plain files in one `kubectl apply`, each packaged one on its own. */
export function crdApplyCommands(files: string[]): string[] {
  const plain = files.filter((file) => !file.includes('.tgz#'));
  const packed = files.filter((file) => file.includes('.tgz#')).map(crdApplyCommand);
  if (plain.length <= 1) return [...plain.map(crdApplyCommand), ...packed];
  return [
    `kubectl apply --server-side --force-conflicts ${plain.map((file) => `-f ${shellWord(file)}`).join(' ')}`,
    ...packed,
  ];
}

/** A word as the shell reads it: bare when safe, else single-quoted. */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
