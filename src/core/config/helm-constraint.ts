// Chart.yaml kubeVersion constraints exactly as Helm reads them: chartutil.IsCompatibleRange calls Masterminds/semver
// v3 NewConstraint + Check on the cluster version, and a constraint it cannot parse is "incompatible" (helm refuses
// to install). This is a port of Masterminds/semver v3 constraints.go (https://github.com/Masterminds/semver,
// NewConstraint, rewriteRange, parseConstraint and the constraint functions) and version.go (NewVersion, Compare),
// the library both helm 3 and helm 4 use. node-semver reads another language: it refuses `>= 1.16-0`, which Helm
// reads as >=1.16.0-0. test/core/helm-constraint.test.ts runs helm 3 and 4 on a table of constraints to prove the
// port agrees.
//
// Real clusters often report a version with a pre-release part (EKS "v1.29.3-eks-adc7111", GKE "v1.29.1-gke.1589000").
// Helm 3 checks that version as it is, and every constraint function refuses a pre-release version unless its own
// version names a pre-release (Masterminds issue 21): ">=1.19" refuses EKS, ">=1.19.0-0" admits it. Helm 4 drops
// the pre-release part before checking (both measured by test/core/helm-constraint.test.ts).
//
// The regular expressions are Masterminds' own, except the validation of a segment: Go's RE2 runs in linear time,
// a backtracking engine can take exponential time on its nested repetitions. The constraint comes from an untrusted
// Chart.yaml, so the segment is validated by a scanner that accepts the same language.

/** A version as Masterminds NewVersion reads it (v prefix, missing minor/patch as 0, pre-release, metadata). */
export interface HelmVersion {
  major: bigint;
  minor: bigint;
  patch: bigint;
  pre: string;
}

const CV = String.raw`v?([0-9|x|X|\*]+)(\.[0-9|x|X|\*]+)?(\.[0-9|x|X|\*]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?`;
const OPS = String.raw`=||!=|>|<|>=|=>|<=|=<|~|~>|\^`;
const CONSTRAINT = new RegExp(String.raw`^\s*(${OPS})\s*(${CV})\s*$`);
const CONSTRAINT_RANGE = new RegExp(String.raw`\s*(${CV})\s+-\s+(${CV})\s*`, 'g');
const FIND_CONSTRAINT = new RegExp(String.raw`(${OPS})\s*(${CV})`, 'g');
const VERSION =
  /^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?(\+([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?$/;
const UINT64_MAX = 2n ** 64n - 1n;

/** NewVersion: undefined where Masterminds returns an error (not a version, a segment over uint64, a bad pre-release). */
export function parseHelmVersion(text: string): HelmVersion | undefined {
  const m = VERSION.exec(text);
  if (!m) return undefined;
  const segment = (s: string | undefined) => (s ? BigInt(s.replace(/^\./, '')) : 0n);
  const [major, minor, patch] = [segment(m[1]), segment(m[2]), segment(m[3])];
  if (major > UINT64_MAX || minor > UINT64_MAX || patch > UINT64_MAX) return undefined;
  const pre = m[5] ?? '';
  // validatePrerelease: a numeric identifier has no leading zero
  if (pre?.split('.').some((part) => /^\d+$/.test(part) && part.length > 1 && part.startsWith('0'))) {
    return undefined;
  }
  return { major, minor, patch, pre };
}

const sign = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);
const isNumeric = (part: string) => /^\d+$/.test(part) && BigInt(part) <= UINT64_MAX;

function comparePrePart(s: string, o: string): number {
  if (s === o) return 0;
  if (s === '') return -1;
  if (o === '') return 1;
  const [sn, on] = [isNumeric(s), isNumeric(o)];
  if (!sn && !on) return s > o ? 1 : -1;
  if (!on) return -1; // a number sorts before a word
  if (!sn) return 1;
  return sign(BigInt(s), BigInt(o)) || -1;
}

/** Version.Compare: major, minor, patch, then the pre-release (none sorts after any); metadata is ignored. */
export function compareHelmVersions(v: HelmVersion, o: HelmVersion): number {
  const segments = sign(v.major, o.major) || sign(v.minor, o.minor) || sign(v.patch, o.patch);
  if (segments) return segments;
  if (v.pre === o.pre) return 0;
  if (v.pre === '') return 1;
  if (o.pre === '') return -1;
  const [sp, op] = [v.pre.split('.'), o.pre.split('.')];
  for (let i = 0; i < Math.max(sp.length, op.length); i++) {
    const d = comparePrePart(sp[i] ?? '', op[i] ?? '');
    if (d) return d;
  }
  return 0;
}

interface Constraint {
  op: string;
  con: HelmVersion;
  dirty: boolean;
  minorDirty: boolean;
  patchDirty: boolean;
}

const isX = (s: string | undefined) => s === 'x' || s === 'X' || s === '*';

function parseConstraint(text: string): Constraint | undefined {
  const m = CONSTRAINT.exec(text);
  if (!m) return undefined;
  // groups: 1 op, 2 version, 3 major, 4 .minor, 5 .patch, 6 -pre-release
  const pre = m[6] ?? '';
  let version = m[2];
  let dirty = false;
  let minorDirty = false;
  let patchDirty = false;
  if (isX(m[3]) || !m[3]) {
    version = `0.0.0${pre}`;
    dirty = true;
  } else if (isX(m[4]?.slice(1)) || !m[4]) {
    version = `${m[3]}.0.0${pre}`;
    dirty = minorDirty = true;
  } else if (isX(m[5]?.slice(1)) || !m[5]) {
    version = `${m[3]}${m[4]}.0${pre}`;
    dirty = patchDirty = true;
  }
  const con = parseHelmVersion(version);
  return con && { op: m[1], con, dirty, minorDirty, patchDirty };
}

// The constraint functions, after the pre-release gate (admits).
function tilde(v: HelmVersion, c: Constraint): boolean {
  if (compareHelmVersions(v, c.con) < 0) return false;
  if (c.con.major === 0n && c.con.minor === 0n && c.con.patch === 0n && !c.minorDirty && !c.patchDirty) return true;
  if (v.major !== c.con.major) return false;
  return v.minor === c.con.minor || c.minorDirty;
}

function caret(v: HelmVersion, c: Constraint): boolean {
  if (compareHelmVersions(v, c.con) < 0) return false;
  if (c.con.major > 0n || c.minorDirty) return v.major === c.con.major;
  if (v.major > 0n) return false;
  if (c.con.minor > 0n || c.patchDirty) return v.minor === c.con.minor;
  if (v.minor > 0n) return false;
  return v.patch === c.con.patch;
}

function notEqual(v: HelmVersion, c: Constraint): boolean {
  if (c.dirty) {
    if (c.con.major !== v.major) return true;
    if (c.con.minor !== v.minor && !c.minorDirty) return true;
    if (c.minorDirty) return false;
    if (c.con.patch !== v.patch && !c.patchDirty) return true;
    if (c.patchDirty) return (v.pre !== '' || c.con.pre !== '') && v.pre !== c.con.pre;
  }
  return compareHelmVersions(v, c.con) !== 0;
}

function greaterThan(v: HelmVersion, c: Constraint): boolean {
  if (!c.dirty) return compareHelmVersions(v, c.con) > 0;
  if (v.major > c.con.major) return true;
  if (v.major < c.con.major || c.minorDirty) return false;
  if (c.patchDirty) return v.minor > c.con.minor;
  return compareHelmVersions(v, c.con) > 0;
}

function lessThanEqual(v: HelmVersion, c: Constraint): boolean {
  if (!c.dirty) return compareHelmVersions(v, c.con) <= 0;
  if (v.major > c.con.major) return false;
  return !(v.major === c.con.major && v.minor > c.con.minor && !c.minorDirty);
}

/** The pre-release gate of each constraint function: != checks it only for a range (1.x). */
function admits(v: HelmVersion, c: Constraint): boolean {
  if (v.pre === '' || c.con.pre !== '') return true;
  return c.op === '!=' && !c.dirty;
}

const OPERATIONS: Record<string, (v: HelmVersion, c: Constraint) => boolean> = {
  '': (v, c) => (c.dirty ? tilde(v, c) : compareHelmVersions(v, c.con) === 0),
  '!=': notEqual,
  '>': greaterThan,
  '<': (v, c) => compareHelmVersions(v, c.con) < 0,
  '>=': (v, c) => compareHelmVersions(v, c.con) >= 0,
  '<=': lessThanEqual,
  '~': tilde,
  '^': caret,
};
OPERATIONS['='] = OPERATIONS[''];
OPERATIONS['=>'] = OPERATIONS['>='];
OPERATIONS['=<'] = OPERATIONS['<='];
OPERATIONS['~>'] = OPERATIONS['~'];

/** rewriteRange: "1.2 - 1.4" -> ">= 1.2, <= 1.4" (each occurrence, first match replaced each time, like Go). */
function rewriteRange(text: string): string {
  let out = text;
  for (const m of text.matchAll(CONSTRAINT_RANGE)) out = out.replace(m[0], `>= ${m[1]}, <= ${m[11]}`);
  return out;
}

// ---------- validConstraintRegex, as a linear scanner ----------
// ^(\s*(OPS)\s*(CV)\s*)((?:\s+|,\s*)(OPS)\s*(CV)\s*)*$ : constraints separated by white space or a comma. No version
// starts with white space, a comma or an operator character, so each white-space run can be taken whole.

const SPACE = /\s/;
const OP_CHARS = new Set(['=', '!', '>', '<', '~', '^']);
const CV_AT = new RegExp(`^(?:${CV})`);

function skipSpace(text: string, at: number): number {
  let i = at;
  while (i < text.length && SPACE.test(text[i])) i++;
  return i;
}

/** The end of one `\s*(OPS)\s*(CV)` from `at`, or -1. */
function constraintEnd(text: string, at: number): number {
  let i = skipSpace(text, at);
  let op = '';
  while (i < text.length && OP_CHARS.has(text[i]) && op.length < 2) op += text[i++];
  if (!['', '=', '!=', '>', '<', '>=', '=>', '<=', '=<', '~', '~>', '^'].includes(op)) return -1;
  i = skipSpace(text, i);
  const version = CV_AT.exec(text.slice(i));
  // the version regex matches greedily; a version that stops before a character that cannot follow it fails
  return version && version[0] !== '' ? i + version[0].length : -1;
}

function isValidSegment(text: string): boolean {
  let i = constraintEnd(text, 0);
  if (i < 0) return false;
  for (;;) {
    const afterSpace = skipSpace(text, i);
    if (afterSpace === text.length) return true;
    if (text[afterSpace] === ',') i = afterSpace + 1;
    else if (afterSpace > i) i = afterSpace;
    else return false;
    i = constraintEnd(text, i);
    if (i < 0) return false;
  }
}

const MAX_CONSTRAINT_LENGTH = 4096;

export type ParsedHelmConstraint = { check(version: HelmVersion): boolean };

/** NewConstraint: undefined where Masterminds returns an error (helm then calls every cluster incompatible). */
export function parseHelmConstraint(text: string): ParsedHelmConstraint | undefined {
  // the range rewrite scans in quadratic time at worst; no real constraint comes near this length
  if (text.length > MAX_CONSTRAINT_LENGTH) return undefined;
  const alternatives: Constraint[][] = [];
  for (const segment of rewriteRange(text).split('||')) {
    if (!isValidSegment(segment)) return undefined;
    const found = [...segment.matchAll(FIND_CONSTRAINT)].map((m) => m[0]);
    const parsed = (found.length ? found : [segment]).map(parseConstraint);
    if (parsed.some((c) => c === undefined)) return undefined;
    alternatives.push(parsed as Constraint[]);
  }
  return {
    check: (version) =>
      alternatives.some((all) => all.every((c) => admits(version, c) && OPERATIONS[c.op](version, c))),
  };
}
