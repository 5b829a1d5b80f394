// The acceptances file (default .github/chart-guard-accepted.yaml): findings people reviewed and accepted, each
// with a reason and an expiry, so a release gate knows every breaking change is either fixed or consciously taken.
//
//   - rule: override-key-removed
//     chart: db
//     key: master.persistence.size        # a values key or resource field; or resource: StatefulSet/db-master;
//                                         #   or file: values/db.yaml (together: all must match)
//     environments: [aws]                 # optional: only there
//     reason: the deploy code sets primary.persistence.size since PLAT-42
//     expires: 2027-01-31                 # required: the last day it applies, at most acceptanceMaxDays ahead
//
// An entry matches a finding by its identity (finding-identity.ts), never by line or message. Mistakes are problems
// with file and line for config-invalid; such an entry accepts nothing.
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { isRuleId } from '../config/config.js';
import { readYaml } from '../input/yaml-input.js';
import type { InputProblem } from '../model/model.js';
import type { HooksOf } from '../registry/rule-hooks.js';
import type { Acceptance, Finding, RuleId } from '../report/report.js';
import { KeyPathError, parseSetKeyPath } from '../values/key-path.js';
import { type FindingIdentity, findingIdentity } from './finding-identity.js';

export interface AcceptanceEntry {
  rule: RuleId;
  chart?: string;
  key?: string;
  /** "Kind/name". */
  resource?: string;
  file?: string;
  environments?: string[];
  reason: string;
  /** YYYY-MM-DD. */
  expires: string;
  /** Where the entry is written (its first line). */
  source: { file: string; line: number };
}

export interface AcceptancesFile {
  path: string;
  entries: AcceptanceEntry[];
  problems: InputProblem[];
}

const ENTRY_KEYS = ['rule', 'chart', 'key', 'resource', 'file', 'environments', 'reason', 'expires'];
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Reads the acceptances file; undefined text means none. Never throws. `hooks` is the rule registry's lookup
 * (rules/index.ts ruleHooks): findings about the gate itself (acceptable: false) cannot be accepted, since a pull
 * request could otherwise accept its own policy change, a broken acceptances file, or the notice that its
 * acceptances have expired.
 */
export function parseAcceptances(
  text: string | undefined,
  path: string,
  options: { today: Date; maxDays: number; hooks: HooksOf },
): AcceptancesFile {
  const out: AcceptancesFile = { path, entries: [], problems: [] };
  if (text === undefined) return out;
  // The reader (yaml-input.ts) bounds aliases and depth, and refuses an alias without its anchor, before any walk.
  const read = readYaml(text, path, { what: 'the acceptances file', allErrors: true });
  const lineOf = (node: Node | null | undefined) => read.lineOf(node) ?? 1;
  const problem = (node: Node | null | undefined, message: string) =>
    out.problems.push({ file: path, line: lineOf(node), message });
  const [{ doc, problems }] = read.documents;
  if (problems.length > 0) {
    out.problems.push(...problems);
    return out;
  }
  const root = doc.contents as Node | null;
  if (root === null || (isScalar(root) && root.value === null)) return out;
  if (!isSeq(root)) {
    problem(root, 'the acceptances file must be a list of entries (- rule: ..., reason: ..., expires: ...)');
    return out;
  }
  const today = utcDay(options.today);
  for (const item of root.items as (Node | null)[]) {
    const entry = readEntry(item);
    if (entry) out.entries.push(entry);
  }
  return out;

  function readEntry(node: Node | null): AcceptanceEntry | undefined {
    if (!isMap(node)) {
      problem(node, 'each acceptance must be a map with rule, reason and expires');
      return undefined;
    }
    const fields: Record<string, Node | null> = {};
    for (const pair of node.items) {
      const keyNode = pair.key as Node;
      const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
      if (!ENTRY_KEYS.includes(key))
        problem(keyNode, `unknown key "${key}" in an acceptance (known: ${ENTRY_KEYS.join(', ')})`);
      else fields[key] = pair.value as Node | null;
    }
    const before = out.problems.length;
    const text = (key: string): string | undefined => {
      if (!(key in fields)) return undefined;
      const value = fields[key];
      if (isScalar(value) && (typeof value.value === 'string' || typeof value.value === 'number')) {
        const s = String(value.value).trim();
        if (s !== '') return s;
      }
      problem(value ?? node, `${key} must be a non-empty string`);
      return undefined;
    };
    const rule = text('rule');
    if (!('rule' in fields)) problem(node, 'an acceptance needs a rule');
    else if (rule !== undefined && !isRuleId(rule)) problem(fields.rule, `unknown rule id "${rule}"`);
    else if (rule !== undefined && options.hooks(rule as RuleId).acceptable === false) {
      problem(fields.rule, `${rule} findings cannot be accepted: they are about the review's own policy and files`);
    }
    const reason = text('reason');
    if (!('reason' in fields)) problem(node, 'an acceptance needs a reason: why the finding is safe to ship');
    const expires = text('expires');
    if (!('expires' in fields)) problem(node, 'an acceptance needs an expiry (expires: YYYY-MM-DD)');
    else if (expires !== undefined) {
      const day = parseDay(expires);
      if (day === undefined) problem(fields.expires, `expires must be a date like 2027-01-31 (got "${expires}")`);
      else if (day - today > options.maxDays * DAY_MS) {
        problem(
          fields.expires,
          `expires ${expires} is more than ${options.maxDays} days ahead (acceptanceMaxDays): accept for a shorter time`,
        );
      }
    }
    const chart = text('chart');
    const key = text('key');
    if (key !== undefined) {
      try {
        parseSetKeyPath(key);
      } catch (e) {
        if (!(e instanceof KeyPathError)) throw e;
        problem(fields.key, `key: ${e.message}`);
      }
    }
    const resource = text('resource');
    if (resource !== undefined && !/^[A-Za-z][A-Za-z0-9]*\/[^/\s]+$/.test(resource)) {
      problem(fields.resource, `resource must be Kind/name, like StatefulSet/db-master (got "${resource}")`);
    }
    const file = text('file')?.replace(/^\.\//, '');
    let environments: string[] | undefined;
    if ('environments' in fields) {
      const value = fields.environments;
      const items = isSeq(value) ? (value.items as (Node | null)[]) : [value];
      environments = [];
      for (const item of items) {
        if (isScalar(item) && typeof item.value === 'string' && item.value.trim() !== '')
          environments.push(item.value.trim());
        else problem(item ?? value, 'environments must be a list of environment names');
      }
      if (environments.length === 0 && out.problems.length === before) problem(value, 'environments must not be empty');
    }
    if (out.problems.length > before || rule === undefined || reason === undefined || expires === undefined) {
      return undefined;
    }
    return {
      rule: rule as RuleId,
      ...(chart !== undefined ? { chart } : {}),
      ...(key !== undefined ? { key } : {}),
      ...(resource !== undefined ? { resource } : {}),
      ...(file !== undefined ? { file } : {}),
      ...(environments ? { environments } : {}),
      reason,
      expires,
      source: { file: path, line: lineOf(node) },
    };
  }
}

/** The UTC midnight of a YYYY-MM-DD that names a real day, else undefined. */
function parseDay(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? time : undefined;
}

function utcDay(date: Date): number {
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

/** An entry applies through its expiry day (UTC), and stops the day after. */
export function isExpired(entry: AcceptanceEntry, today: Date): boolean {
  return (parseDay(entry.expires) ?? 0) < utcDay(today);
}

// ---------- matching ----------

/** Whether an entry's selectors name the finding; environments are matched apart (they may split a finding). */
function selects(entry: AcceptanceEntry, id: FindingIdentity): boolean {
  if (entry.key !== undefined && entry.key !== id.key) return false;
  if (entry.resource !== undefined && entry.resource !== id.resource) return false;
  if (entry.file !== undefined && entry.file !== id.file) return false;
  return true;
}

const ruleAndChart = (rule: string, chart: string | undefined) => `${rule}\u0000${chart ?? ''}`;

interface EntryGroup {
  byKey: Map<string, AcceptanceEntry[]>;
  byResource: Map<string, AcceptanceEntry[]>;
  byFile: Map<string, AcceptanceEntry[]>;
  /** Entries without a selector: every finding of the rule and chart. */
  others: AcceptanceEntry[];
}

/**
 * Entries by rule and chart, then by their most specific selector: a report may hold 100k findings and the file
 * hundreds of entries, and each finding looks only at the few that can name it.
 */
function indexEntries(entries: readonly AcceptanceEntry[]): Map<string, EntryGroup> {
  const index = new Map<string, EntryGroup>();
  const add = (map: Map<string, AcceptanceEntry[]>, key: string, entry: AcceptanceEntry) =>
    map.set(key, [...(map.get(key) ?? []), entry]);
  for (const entry of entries) {
    const key = ruleAndChart(entry.rule, entry.chart);
    let group = index.get(key);
    if (!group) {
      group = { byKey: new Map(), byResource: new Map(), byFile: new Map(), others: [] };
      index.set(key, group);
    }
    if (entry.key !== undefined) add(group.byKey, entry.key, entry);
    else if (entry.resource !== undefined) add(group.byResource, entry.resource, entry);
    else if (entry.file !== undefined) add(group.byFile, entry.file, entry);
    else group.others.push(entry);
  }
  return index;
}

export interface AcceptanceOutcome {
  /** Entries past their expiry: they accept nothing. */
  expired: AcceptanceEntry[];
  /** Entries in force that accept no finding. */
  stale: AcceptanceEntry[];
  /** How many findings each entry in force accepted. */
  matched: Map<AcceptanceEntry, number>;
}

export interface AcceptOptions {
  today: Date;
  /** Entries of the base's acceptances file: the others are marked `added`. */
  baseEntries?: readonly AcceptanceEntry[];
  /**
   * Whether `added` entries accept (acceptance-approval.ts); false: their findings stay open, marked
   * `awaitingApproval`, and they are tried after the entries the base already had. Default true.
   */
  trustAdded?: boolean;
}

/**
 * Marks the findings the entries accept. A finding that holds in several environments and is accepted only in some
 * is split: the accepted environments become one accepted finding, the others stay as they are.
 */
export function acceptFindings(
  findings: readonly Finding[],
  entries: readonly AcceptanceEntry[],
  options: AcceptOptions,
  matched: Map<AcceptanceEntry, number>,
): Finding[] {
  const index = indexEntries(entries.filter((entry) => !isExpired(entry, options.today)));
  // each candidate entry's acceptance once, and whether it awaits approval
  const judged = new Map<AcceptanceEntry, { acceptance: Acceptance; pending: boolean }>();
  // the keys of the base's entries, built at the first judgement: the findings of this call share them
  let baseKeys: ReadonlySet<string> | undefined;
  const judge = (entry: AcceptanceEntry) => {
    let judgement = judged.get(entry);
    if (!judgement) {
      baseKeys ??= entryKeys(options.baseEntries);
      const acceptance = acceptanceOf(entry, baseKeys);
      judgement = { acceptance, pending: acceptance.added === true && options.trustAdded === false };
      judged.set(entry, judgement);
    }
    return { entry, ...judgement };
  };
  const out: Finding[] = [];
  for (const finding of findings) {
    const group = index.get(ruleAndChart(finding.rule, finding.chart));
    if (!group) {
      out.push(finding);
      continue;
    }
    const id = findingIdentity(finding);
    const candidates = [
      ...(id.key !== undefined ? (group.byKey.get(id.key) ?? []) : []),
      ...(id.resource !== undefined ? (group.byResource.get(id.resource) ?? []) : []),
      ...(id.file !== undefined ? (group.byFile.get(id.file) ?? []) : []),
      ...group.others,
    ]
      .map(judge)
      // an entry awaiting approval takes only what no approved entry accepts
      .sort((a, b) => Number(a.pending) - Number(b.pending) || a.entry.source.line - b.entry.source.line);
    let rest: Finding | undefined = finding;
    for (const { entry, acceptance, pending } of candidates) {
      if (!rest) break;
      if (rest.accepted || !selects(entry, id)) continue;
      const [accepted, remaining] = splitByEnvironment(rest, entry.environments);
      if (!accepted) continue;
      out.push({ ...accepted, ...(pending ? { awaitingApproval: acceptance } : { accepted: acceptance }) });
      matched.set(entry, (matched.get(entry) ?? 0) + 1);
      rest = remaining;
    }
    if (rest) out.push(rest);
  }
  return out;
}

/**
 * The part of a finding an entry's environments cover, and the part left. Without environments on the entry, all
 * of it; a finding without environments (one implicit environment, or every one) is covered only by such an entry.
 */
function splitByEnvironment(finding: Finding, only: string[] | undefined): [Finding | undefined, Finding | undefined] {
  if (only === undefined) return [finding, undefined];
  const environments = finding.environments;
  if (!environments?.length) return [undefined, finding];
  const inside = environments.filter((e) => only.includes(e));
  const outside = environments.filter((e) => !only.includes(e));
  if (inside.length === 0) return [undefined, finding];
  if (outside.length === 0) return [finding, undefined];
  return [
    { ...finding, environments: inside },
    { ...finding, environments: outside },
  ];
}

function acceptanceOf(entry: AcceptanceEntry, baseKeys: ReadonlySet<string> | undefined): Acceptance {
  const added = isAdded(entry, baseKeys);
  return {
    reason: entry.reason,
    expires: entry.expires,
    file: entry.source.file,
    line: entry.source.line,
    ...(added ? { added: true } : {}),
  };
}

/** Whether the change adds or renews an entry the base's file lacks (with no base entries given: none is added). */
export function addsEntries(entries: readonly AcceptanceEntry[], baseEntries: readonly AcceptanceEntry[] | undefined) {
  const keys = entryKeys(baseEntries);
  return entries.some((entry) => isAdded(entry, keys));
}

/** The keys of a base file's entries; undefined without a base file (nothing is then added). */
function entryKeys(baseEntries: readonly AcceptanceEntry[] | undefined): ReadonlySet<string> | undefined {
  return baseEntries && new Set(baseEntries.map(entryKey));
}

function isAdded(entry: AcceptanceEntry, baseKeys: ReadonlySet<string> | undefined): boolean {
  return baseKeys !== undefined && !baseKeys.has(entryKey(entry));
}

/** The same acceptance has the same key wherever it is written: a renewed expiry or a new reason is a new one. */
function entryKey(entry: AcceptanceEntry): string {
  const { source: _, ...rest } = entry;
  return JSON.stringify(normalise(rest));
}

function normalise(entry: Omit<AcceptanceEntry, 'source'>): unknown {
  return Object.fromEntries(
    Object.entries({ ...entry, environments: entry.environments && [...entry.environments].sort() }).sort(([x], [y]) =>
      x < y ? -1 : 1,
    ),
  );
}

/** The outcome of the entries after every finding was seen. */
export function acceptanceOutcome(
  entries: readonly AcceptanceEntry[],
  matched: Map<AcceptanceEntry, number>,
  today: Date,
): AcceptanceOutcome {
  const expired = entries.filter((entry) => isExpired(entry, today));
  const stale = entries.filter((entry) => !isExpired(entry, today) && !matched.has(entry));
  return { expired, stale, matched };
}
