// Fuzzing the files a pull request controls: the lockfile, the chart-guard config, a chart's values.yaml and the
// override files, each mutated from a real fixture (truncation, random bytes, deep nesting, odd keys, anchors and
// aliases, huge numbers, tabs, BOM, CRLF...). Every run of review and lint must end in a report (a problem is a
// finding, never a throw), and every format of that report must be free of stack traces and within its size bound.
// Deterministic: a fixed seed and a fixed number of runs (CHART_GUARD_FUZZ_SEED / CHART_GUARD_FUZZ_RUNS to explore).
// Rendering is off (helm: null): helm's own parsing is not ours to fuzz, and the runs stay fast.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/core/lint.js';
import { GitSnapshot } from '../../src/core/repo/git-snapshot.js';
import { WorktreeSnapshot } from '../../src/core/repo/worktree-snapshot.js';
import type { Report } from '../../src/core/report.js';
import { review } from '../../src/core/review.js';
import { ruleDescriptions } from '../../src/core/rules/index.js';
import { selectAnnotations } from '../../src/format/annotations.js';
import { renderJson } from '../../src/format/json.js';
import { renderComment, renderSummary } from '../../src/format/markdown.js';
import { renderSarif } from '../../src/format/sarif.js';
import { renderText } from '../../src/format/text.js';
import { corpusChart, TestRepo } from '../support/git-repo.js';

const SEED = Number(process.env.CHART_GUARD_FUZZ_SEED ?? 20261201);
const RUNS = Number(process.env.CHART_GUARD_FUZZ_RUNS ?? 30);
const STACK_FRAME = /^\s+at .+[:(]\d+:\d+\)?$/m;
/**
 * A report may grow with its input (every unknown key of an override file is a finding of a few hundred
 * characters), but no faster: past 2 MiB plus 64 characters per input character it grows with the input's square.
 */
const maxOutputChars = (input: string) => 2 * 1024 * 1024 + 64 * input.length;

const BLACKBOX = 'prometheus-blackbox-exporter-9.8.0-to-10.0.0';
const NODE_EXPORTER = 'prometheus-node-exporter-3.4.0-to-4.0.0';

const lockfile = (blackbox: string, nodeExporter: string) => `# charts of the platform
charts:
  - name: prometheus-blackbox-exporter
    version: ${blackbox}
    repo_name: prometheus-community
  - name: prometheus-node-exporter
    version: ${nodeExporter}
    repo_name: prometheus-community
    comment: "DaemonSet selector changes in 4.0.0"
repos:
  - name: prometheus-community
    url: https://prometheus-community.github.io/helm-charts
destinations:
  - name: default
    path: ./charts
`;

const CONFIG = `values: ["values/{chart}.yaml"]
kubernetes: "1.31"
freeFormKeys: ["podAnnotations"]
rules:
  override-key-unknown: warning
render: { enabled: true, timeoutSeconds: 60 }
charts:
  prometheus-node-exporter:
    set: ["resources.limits.memory", "rbac.create"]
    releaseName: node-exporter
`;

const BLACKBOX_OVERRIDES = `# probe credentials come from a Secret
extraEnvFromSecret:
  - blackbox-probe-credentials
extraEnv:
  HTTP_PROXY: http://proxy:3128
config:
  modules:
    http_2xx:
      prober: http
      timeout: 5s
podAnnotations:
  team: platform
`;

const NODE_EXPORTER_OVERRIDES = `resources:
  limits:
    memory: 64Mi
rbac:
  create: true
hostNetwork: false
tolerations:
  - key: node-role.kubernetes.io/master
    effect: NoSchedule
`;

// ---------- a seeded PRNG and the mutations ----------

/** mulberry32: small, fast, and the same sequence on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const int = (random: Random, n: number) => Math.floor(random() * n);
const pick = <T>(random: Random, items: readonly T[]): T => items[int(random, items.length)];

const WEIRD_KEYS = [
  '""',
  '__proto__',
  'constructor',
  'prototype',
  '"a`b"',
  '"``"',
  '"a.b"',
  '"[0]"',
  '"*"',
  '"<<"',
  '"-"',
];
const WEIRD_SCALARS = [
  '1e400',
  '-1e400',
  '123456789012345678901234567890',
  '0x7fffffffffffffff',
  '0o777',
  '.inf',
  '-.nan',
  '~',
  'null',
  '!!binary aGVsbG8=',
  '!!str 1',
  '"\\u0000"',
  "'it''s'",
  '`backticks`',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression as a value, not a template
  '"${{ secrets.TOKEN }}"',
  '@mention',
  '|\n  block\n  text',
  '2001-12-14t21:59:43.10-05:00',
  'yes',
  'NO',
  '[]',
  '{}',
];

/** One mutation of a YAML text; returns the new text and what was done, for the failure report. */
type Mutation = (text: string, random: Random) => string;

const lines = (text: string) => text.split('\n');
const randomLine = (text: string, random: Random) => int(random, lines(text).length);

const MUTATIONS: Record<string, Mutation> = {
  truncate: (text, random) => text.slice(0, int(random, text.length + 1)),
  randomBytes: (text, random) => {
    const at = int(random, text.length + 1);
    const bytes = Array.from({ length: 1 + int(random, 24) }, () => String.fromCharCode(int(random, 0x3000)));
    return text.slice(0, at) + bytes.join('') + text.slice(at);
  },
  controlCharacters: (text, random) => {
    const at = int(random, text.length + 1);
    return `${text.slice(0, at)}${pick(random, ['\u0000', '\u0007', '\u001b[31m', '\u2028', '\ufeff', '\r'])}${text.slice(at)}`;
  },
  deepBlockNesting: (text, random) => {
    const depth = 20 + int(random, 300);
    const nested = Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n');
    return `${text}\n${nested} leaf\n`;
  },
  deepFlowNesting: (text, random) => {
    const depth = 20 + int(random, 2000);
    const open = pick(random, ['[', '{a: ']);
    const close = open === '[' ? ']' : '}';
    return `${text}\ndeep: ${open.repeat(depth)}1${close.repeat(depth)}\n`;
  },
  weirdKey: (text, random) => {
    const all = lines(text);
    const at = randomLine(text, random);
    const indent = /^\s*/.exec(all[at] ?? '')?.[0] ?? '';
    all.splice(at, 0, `${indent}${pick(random, WEIRD_KEYS)}: ${pick(random, ['1', 'x', '{}', '{a: 1}', '[1]'])}`);
    return all.join('\n');
  },
  weirdScalar: (text, random) =>
    text
      .replace(/: [^\n{[]+$/m, () => `: ${pick(random, WEIRD_SCALARS)}`)
      .replace(/^(\s*)- .+$/m, (_, indent) => {
        return `${indent}- ${pick(random, WEIRD_SCALARS)}`;
      }),
  anchorsAndAliases: (text, random) => {
    const levels = 1 + int(random, 4); // a small fan-out: alias bombs are another test's
    const defs = Array.from({ length: levels }, (_, i) =>
      i === 0 ? `l0: &l0 [x, x, x, x]` : `l${i}: &l${i} [*l${i - 1}, *l${i - 1}, *l${i - 1}, *l${i - 1}]`,
    );
    const extra = pick(random, [
      'base: &base {a: 1, b: {c: 2}}\nderived:\n  <<: *base\n  a: 3\n',
      'self: &self {x: 1}\nref: *self\n',
      'undefinedAlias: *nowhere\n',
      'dup: &dup 1\ndup2: &dup 2\nuse: *dup\n',
      'merge: {<<: [*missing]}\n',
    ]);
    return `${text}\n${defs.join('\n')}\n${extra}`;
  },
  tabs: (text, random) => {
    const all = lines(text);
    const at = randomLine(text, random);
    all[at] = (all[at] ?? '').replace(/^ +/, '\t');
    return all.join('\n');
  },
  bom: (text) => `\ufeff${text}`,
  crlf: (text) => text.replace(/\n/g, '\r\n'),
  duplicateLine: (text, random) => {
    const all = lines(text);
    const at = randomLine(text, random);
    all.splice(at, 0, all[at] ?? '');
    return all.join('\n');
  },
  deleteLine: (text, random) => {
    const all = lines(text);
    all.splice(randomLine(text, random), 1);
    return all.join('\n');
  },
  swapLines: (text, random) => {
    const all = lines(text);
    const a = randomLine(text, random);
    const b = randomLine(text, random);
    [all[a], all[b]] = [all[b], all[a]];
    return all.join('\n');
  },
  typeChange: (text, random) =>
    text.replace(/^(\s*[\w.-]+):.*$/m, (_, key) => `${key}: ${pick(random, ['[]', '{}', 'null', '42', '"str"'])}`),
  manyDocuments: (text, random) => `${text}\n---\n${pick(random, ['a: 1', '[1, 2]', 'just a string', '---', ''])}\n`,
  manyKeys: (text, random) => {
    const n = 500 + int(random, 2000);
    return `${text}\nbulk:\n${Array.from({ length: n }, (_, i) => `  key${i}: ${i}`).join('\n')}\n`;
  },
  hugeScalar: (text, random) => `${text}\nhuge: "${'x'.repeat(10_000 + int(random, 200_000))}"\n`,
  notYaml: (_, random) =>
    pick(random, ['', '\n', '---', '...', '- a\n- b', '"just a string"', '{', ']', '%YAML 9.9\n---\na: 1', '\0']),
};

/**
 * Fixed hostile edits run before the random ones, on every target: odd keys that must be ordinary keys, a
 * shared alias, a self-merging alias (`&i {<<: *i}`, which once hung) and a small alias bomb.
 */
const FIXED_EDITS: Record<string, (text: string) => string> = {
  emptyKey: (text) => `"": ""\n${text}`,
  protoKey: (text) => `__proto__: {polluted: true}\n${text}`,
  constructorKey: (text) => `constructor: {prototype: {polluted: true}}\n${text}`,
  backtickKey: (text) => `"a\`b": 1\n"\`\`\`": {x: 1}\n${text}`,
  sharedAlias: (text) => `${text}\nshared: &shared {a: 1}\nuse: *shared\n`,
  selfMerge: (text) => `${text}\nselfMerged: &self {tag: "2", <<: *self}\n`,
  aliasBomb: (text) =>
    `${text}\nb0: &b0 [x, x, x, x, x, x, x, x, x]\nb1: &b1 [*b0, *b0, *b0, *b0, *b0, *b0, *b0, *b0, *b0]\nb2: &b2 [*b1, *b1, *b1, *b1, *b1, *b1, *b1, *b1, *b1]\nb3: &b3 [*b2, *b2, *b2, *b2, *b2, *b2, *b2, *b2, *b2]\nb4: &b4 [*b3, *b3, *b3, *b3, *b3, *b3, *b3, *b3, *b3]\nb5: [*b4, *b4, *b4, *b4, *b4, *b4, *b4, *b4, *b4]\n`,
};
const fixedRuns = (_target: string) => Object.keys(FIXED_EDITS);

/** Applies 1 to 3 mutations in a row. */
function mutate(text: string, random: Random): { text: string; applied: string[] } {
  const names = Object.keys(MUTATIONS);
  const applied: string[] = [];
  let out = text;
  for (let i = 0, n = 1 + int(random, 3); i < n; i++) {
    const name = pick(random, names);
    applied.push(name);
    out = MUTATIONS[name](out, random);
  }
  return { text: out, applied };
}

// ---------- the run ----------

interface Failure {
  run: number;
  target: string;
  mutations: string[];
  problem: string;
  /** The mutated file, cut for the message; the whole file is written next to the repository. */
  input: string;
}

const TARGETS = [
  'helm-freeze.yaml',
  '.github/chart-guard.yaml',
  'values/prometheus-blackbox-exporter.yaml',
  'values/prometheus-node-exporter.yaml',
  'charts/prometheus-blackbox-exporter/values.yaml',
] as const;

/** Every output a report goes into, and the problems with each: a stack trace, or a size past its bound. */
function outputProblems(report: Report, input: string): string[] {
  const bound = maxOutputChars(input);
  const outputs: Record<string, { text: string; max: number }> = {
    json: { text: renderJson(report), max: bound },
    text: { text: renderText(report, { color: false }), max: bound },
    sarif: { text: renderSarif(report, { ruleDescriptions: ruleDescriptions() }), max: bound },
    comment: { text: renderComment(report, { marker: 'helm-freeze.yaml', failOn: 'warning' }), max: 65_536 },
    summary: { text: renderSummary(report, { failOn: 'warning' }), max: 1024 * 1024 },
    // at most 10 errors, 10 warnings and 10 notices per step (GitHub's limits), each of a bounded message
    annotations: { text: JSON.stringify(selectAnnotations(report)), max: 1024 * 1024 },
  };
  const problems: string[] = [];
  // A rule that throws is a bug whatever becomes of it (a diagnostic, or a rule-crashed finding): report it here.
  for (const diagnostic of report.diagnostics ?? []) {
    if (/^rule \S+ failed/.test(diagnostic)) problems.push(`diagnostic: ${diagnostic}`);
  }
  for (const finding of [...report.findings, ...report.charts.flatMap((c) => c.findings)]) {
    if ((finding.rule as string) === 'rule-crashed') problems.push(`finding: ${finding.message}`);
  }
  for (const [name, { text, max }] of Object.entries(outputs)) {
    if (STACK_FRAME.test(text)) problems.push(`${name} holds a stack trace: ${STACK_FRAME.exec(text)?.[0]}`);
    if (text.length > max) problems.push(`${name} is ${text.length} characters, over ${max}`);
  }
  return problems;
}

describe('fuzzed lockfile, config, values and override files', () => {
  const repo = new TestRepo('cg-fuzz-');
  let base: GitSnapshot;
  const originals = new Map<string, string>();
  const failures: Failure[] = [];

  beforeAll(() => {
    repo
      .write('helm-freeze.yaml', lockfile('9.8.0', '3.4.0'))
      .write('.github/chart-guard.yaml', CONFIG)
      .copy(corpusChart(BLACKBOX, 'old'), 'charts/prometheus-blackbox-exporter')
      .copy(corpusChart(NODE_EXPORTER, 'old'), 'charts/prometheus-node-exporter')
      .write('values/prometheus-blackbox-exporter.yaml', BLACKBOX_OVERRIDES)
      .write('values/prometheus-node-exporter.yaml', NODE_EXPORTER_OVERRIDES);
    const sha = repo.commit('base');
    base = new GitSnapshot(repo.dir, 'main', sha);
    // the head is the working tree: the bump, then one mutated file per run
    repo
      .write('helm-freeze.yaml', lockfile('10.0.0', '4.0.0'))
      .copy(corpusChart(BLACKBOX, 'new'), 'charts/prometheus-blackbox-exporter')
      .copy(corpusChart(NODE_EXPORTER, 'new'), 'charts/prometheus-node-exporter');
    for (const target of TARGETS) originals.set(target, readFileSync(join(repo.dir, target), 'utf8'));
  });
  afterAll(() => {
    base?.close();
    if (failures.length === 0) repo.cleanup();
  });

  it(
    `ends every one of the fixed edits and ${RUNS} random runs (seed ${SEED}) in a report whose outputs are clean and bounded`,
    async () => {
      const random = prng(SEED);
      const fixed = TARGETS.flatMap((target) => fixedRuns(target).map((name) => ({ target, name })));
      for (let run = 0; run < fixed.length + RUNS; run++) {
        const target = run < fixed.length ? fixed[run].target : TARGETS[run % TARGETS.length];
        const original = originals.get(target) ?? '';
        const { text, applied } =
          run < fixed.length
            ? { text: FIXED_EDITS[fixed[run].name](original), applied: [fixed[run].name] }
            : mutate(original, random);
        writeFileSync(join(repo.dir, target), text);
        const head = new WorktreeSnapshot(repo.dir);
        const options = { repoDir: repo.dir, head, helm: null, failOn: 'warning' as const };
        const record = (problem: string) => {
          writeFileSync(join(repo.dir, `fuzz-failure-${run}.yaml`), text);
          failures.push({ run, target, mutations: applied, problem, input: text.slice(0, 300) });
        };
        const started = performance.now();
        for (const [mode, analyse] of [
          ['review', () => review({ ...options, base })],
          ['lint', () => lint(options)],
        ] as const) {
          try {
            const report = await analyse();
            for (const problem of outputProblems(report, text)) record(`${mode}: ${problem}`);
          } catch (error) {
            record(`${mode} threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
          }
        }
        if (process.env.CHART_GUARD_FUZZ_VERBOSE) {
          console.log(`run ${run} ${target} ${applied.join('+')}: ${Math.round(performance.now() - started)} ms`);
        }
        writeFileSync(join(repo.dir, target), originals.get(target) ?? '');
      }
      expect(failures, `inputs kept in ${repo.dir}/fuzz-failure-<run>.yaml`).toEqual([]);
    },
    Math.max(60_000, RUNS * 3_000),
  );
});
