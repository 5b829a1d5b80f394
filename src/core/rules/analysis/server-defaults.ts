// The API server defaults an object before it validates an update against the stored one (which was defaulted when
// it was created): an absent podManagementPolicy and `podManagementPolicy: ""` are both OrderedReady by then. The
// values are data (src/data/immutable-defaults.json, each row with its upstream defaulting function); this module
// applies them, so the immutable-field checks compare what the server compares.
import { clone } from '../../render/normalise.js';
import { IMMUTABLE_DEFAULTS, type ImmutableDefault } from '../../render/reference-tables.js';
import { isMap } from '../../values/key-path.js';

type KubeObject = Record<string, unknown>;

/** The value is what the Go code treats as not set: absent or null, and "" or [] where it tests len(x) == 0. */
function unset(value: unknown, row: ImmutableDefault): boolean {
  if (value === undefined || value === null) return true;
  return row.emptyIsUnset === true && (value === '' || (Array.isArray(value) && value.length === 0));
}

function fill(node: unknown, path: readonly string[], row: ImmutableDefault): void {
  const [key, ...rest] = path;
  if (key === '*') {
    if (Array.isArray(node)) for (const item of node) fill(item, rest, row);
    return;
  }
  if (!isMap(node)) return;
  if (rest.length === 0) {
    if (unset(node[key], row)) node[key] = clone(row.default);
    return;
  }
  if (rest[0] === '*' && !Array.isArray(node[key])) return;
  // the structs on the way are values in Go, never nil: an absent one is defaulted like an empty one
  if (node[key] === undefined || node[key] === null) node[key] = {};
  fill(node[key], rest, row);
}

/** A copy of the object with the server's defaults of its kind filled in. */
export function withServerDefaults(group: string, kind: string, object: KubeObject): KubeObject {
  const rows = IMMUTABLE_DEFAULTS.filter((row) => row.group === group && row.kind === kind);
  if (rows.length === 0) return object;
  const copy = clone(object) as KubeObject;
  for (const row of rows) fill(copy, row.path, row);
  return copy;
}
