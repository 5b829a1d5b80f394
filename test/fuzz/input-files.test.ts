// Fuzzing the files a pull request controls: the lockfile (its comments too), the chart-guard config, the
// acceptances file, a chart's values.yaml and README (the upgrade-notes reader), plain override files, a templated
// override file (Jinja, with syntax errors and expressions that try to reach the host) and its template context, each
// mutated from a real fixture (truncation, random bytes, deep nesting, odd keys, anchors and aliases, huge numbers,
// tabs, BOM, CRLF...). Every run of review and lint must end in a report (a problem is a finding, never a throw),
// every format of that report must be free of stack traces and within its size bound, and no run may read the
// environment's secrets or write outside its folder (canaries).
//
// Seeds: the default run (npm test) replays a fixed seed and a few runs, then every regression input in
// test/fixtures/fuzz/. CI (.ci/run) and `npm run fuzz -- --runs N --seed S` set CHART_GUARD_FUZZ_SEED and
// CHART_GUARD_FUZZ_RUNS. A failing run writes its inputs to a folder named in the failure message (by default
// .cache/fuzz-failures/seed-<S>/, or CHART_GUARD_FUZZ_FAILURES), under the names the regression cases use: copying
// them into test/fixtures/fuzz/ makes them regression cases.
// Rendering is off (helm: null): helm's own parsing is not ours to fuzz, and the runs stay fast.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/core/pipeline/lint.js';
import { review } from '../../src/core/pipeline/review.js';
import { GitSnapshot } from '../../src/core/repo/git-snapshot.js';
import { WorktreeSnapshot } from '../../src/core/repo/worktree-snapshot.js';
import type { Report } from '../../src/core/report/report.js';
import { ruleDescriptions } from '../../src/core/rules/index.js';
import { selectAnnotations } from '../../src/format/annotations.js';
import { renderJson } from '../../src/format/json.js';
import { renderComment, renderSummary } from '../../src/format/markdown.js';
import { renderSarif } from '../../src/format/sarif.js';
import { renderText } from '../../src/format/text.js';
import { CANARIES } from '../support/canaries.js';
import { corpusChart, PROJECT_DIR, TestRepo } from '../support/git-repo.js';

const SEED = Number(process.env.CHART_GUARD_FUZZ_SEED ?? 20261201);
const RUNS = Number(process.env.CHART_GUARD_FUZZ_RUNS ?? 30);
const FAILURES_DIR = process.env.CHART_GUARD_FUZZ_FAILURES ?? join(PROJECT_DIR, '.cache/fuzz-failures', `seed-${SEED}`);
const REGRESSIONS_DIR = join(PROJECT_DIR, 'test/fixtures/fuzz');
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

const ACCEPTANCES = `# reviewed by the platform team
- rule: override-key-unknown
  chart: prometheus-blackbox-exporter
  key: extraEnvFromSecret
  reason: the probe reads its credentials from this Secret (PLAT-7)
  expires: 2027-01-31
`;

/** The templated override file of node-exporter and its context, read when the config names the context. */
const TEMPLATED_OVERRIDES = `resources:
  limits:
    memory: {{ memory }}
rbac:
  create: {{ rbac_create | lower }}
{% if host_network %}
hostNetwork: true
{% endif %}
tolerations:
{% for role in roles %}
  - key: node-role.kubernetes.io/{{ role }}
    effect: NoSchedule
{% endfor %}
`;
const TEMPLATE_CONTEXT = `memory: 64Mi
rbac_create: "True"
host_network: false
roles: [master, control-plane]
`;
const TEMPLATES_SETTING = '    templates: { engine: jinja, context: ci/template-context.yaml }\n';

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

/** Expressions a templated override file may use to try to reach the host; the marker path is filled in per run. */
const HOST_REACHING = [
  '{{ range.constructor("return process.env.GITHUB_TOKEN")() }}',
  '{{ cycler.constructor("return process")().env.RUNNER_CG_SECRET }}',
  "{{ joiner.constructor(\"return globalThis.process.getBuiltinModule('fs').writeFileSync('MARKER', 'x')\")() }}",
  '{{ "".__proto__.constructor.constructor("return process.env")() | dump }}',
  '{{ __proto__ }}',
  '{{ constructor.constructor("return this")() }}',
  '{% set f = range.constructor %}{{ f("return process.mainModule")() }}',
  "{{ lipsum.constructor(\"return require('child_process').execSync('touch MARKER')\")() }}",
  '{{ memory.constructor.constructor("return process.pid")() }}',
  '{% for k in [].constructor.constructor("return Object.keys(process.env)")() %}{{ k }}{% endfor %}',
];
const JINJA_BREAKAGE = [
  '{% if %}',
  '{{',
  '}}',
  '{% endif %}',
  '{% for x in %}',
  '{% for x in roles %}',
  '{{ nowhere }}',
  '{{ memory | nosuchfilter }}',
  '{% include "/etc/passwd" %}',
  '{% import "x" as y %}',
  '{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}',
  '{% raw %}',
  '{# unclosed comment',
  '{{ roles * 100000 }}',
  '{% for i in range(100000000) %}x{% endfor %}',
];
const HOSTILE_TEXT = [
  '::error file=x::forged annotation',
  '::add-mask::x',
  '@org/team please look',
  '<script>alert(1)</script>',
  '<details><summary>x',
  '```',
  '| a | b |',
  '[link](javascript:alert(1))',
  '\u0000\u001b[31m',
  'x'.repeat(5000),
  `#${' '.repeat(20000)}x`,
];

/** Mutations for one kind of file, drawn as often as the generic ones for that target. */
const TARGET_MUTATIONS: Record<string, Record<string, Mutation>> = {
  'helm-freeze.yaml': {
    lockfileComment: (text, random) =>
      text.replace(/comment: .*$/m, () => `comment: ${JSON.stringify(pick(random, HOSTILE_TEXT))}`),
    lockfileYamlComment: (text, random) => {
      const all = lines(text);
      all.splice(randomLine(text, random), 0, `# ${pick(random, HOSTILE_TEXT)}`);
      return all.join('\n');
    },
  },
  'charts/prometheus-blackbox-exporter/README.md': {
    upgradeHeading: (text, random) =>
      text.replace(
        /^### To 10\.0\.0$/m,
        () =>
          `${pick(random, ['###', '#', '######', '####### ', '###\t'])} ${pick(random, ['To 10.0.0', 'To 10.x', 'v10', '9.x to 10.x', 'To 99999999999999999999.0.0', 'To 10.0.0 ###', ''])}\n${pick(random, HOSTILE_TEXT)}`,
      ),
    unclosedFence: (text, random) => {
      const all = lines(text);
      all.splice(randomLine(text, random), 0, pick(random, ['```', '~~~', '````yaml', '   ```']));
      return all.join('\n');
    },
    manyHeadings: (text, random) =>
      `${text}\n${Array.from({ length: 200 + int(random, 3000) }, (_, i) => `${'#'.repeat(1 + (i % 6))} To ${9 + (i % 3)}.${i}.0\nnote ${i}`).join('\n')}\n`,
  },
  'values/prometheus-node-exporter.yaml': {
    hostReaching: (text, random) => {
      const all = lines(text);
      const expression = pick(random, HOST_REACHING);
      all.splice(randomLine(text, random), 0, pick(random, [`x: ${expression}`, expression, `  - ${expression}`]));
      return all.join('\n');
    },
    jinjaBreakage: (text, random) => {
      const all = lines(text);
      const at = randomLine(text, random);
      all[at] = `${all[at] ?? ''}${pick(random, JINJA_BREAKAGE)}`;
      return all.join('\n');
    },
  },
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
const fixedRuns = (target: Target) => (target.endsWith('.md') ? [] : Object.keys(FIXED_EDITS));

/** Applies 1 to 3 mutations in a row: a generic one, or one for the target's kind of file (one time in two). */
function mutate(target: Target, text: string, random: Random): { text: string; applied: string[] } {
  const own = TARGET_MUTATIONS[target] ?? {};
  const applied: string[] = [];
  let out = text;
  for (let i = 0, n = 1 + int(random, 3); i < n; i++) {
    const pool = Object.keys(own).length > 0 && random() < 0.5 ? own : MUTATIONS;
    const name = pick(random, Object.keys(pool));
    applied.push(name);
    out = pool[name](out, random);
  }
  return { text: out, applied }; // MARKER stays a word in saved inputs: each run fills in its own path
}

// ---------- the run ----------

const TARGETS = [
  'helm-freeze.yaml',
  '.github/chart-guard.yaml',
  'values/prometheus-blackbox-exporter.yaml',
  'values/prometheus-node-exporter.yaml',
  'charts/prometheus-blackbox-exporter/values.yaml',
  '.github/chart-guard-accepted.yaml',
  'charts/prometheus-blackbox-exporter/README.md',
  'ci/template-context.yaml',
] as const;
type Target = (typeof TARGETS)[number];

/** The short name of each target in the names of saved inputs: `<slug>-<sha256 of the input, 12 hex>.<ext>`. */
const SLUGS: Record<Target, string> = {
  'helm-freeze.yaml': 'lockfile',
  '.github/chart-guard.yaml': 'config',
  'values/prometheus-blackbox-exporter.yaml': 'values-blackbox',
  'values/prometheus-node-exporter.yaml': 'values-templated',
  'charts/prometheus-blackbox-exporter/values.yaml': 'chart-values',
  '.github/chart-guard-accepted.yaml': 'acceptances',
  'charts/prometheus-blackbox-exporter/README.md': 'readme',
  'ci/template-context.yaml': 'template-context',
};
/** Runs on these targets read node-exporter's override file as a template (the head config names the context). */
const TEMPLATED: readonly Target[] = ['values/prometheus-node-exporter.yaml', 'ci/template-context.yaml'];

/** Where a host-reaching template would write; it must never exist. */
const MARKER = join(mkdtempSync(join(tmpdir(), 'cg-fuzz-marker-')), 'reached');

const inputName = (target: Target, text: string) =>
  `${SLUGS[target]}-${createHash('sha256').update(text).digest('hex').slice(0, 12)}.${target.endsWith('.md') ? 'md' : 'yaml'}`;

function targetOfInput(name: string): Target | undefined {
  const slug = name.replace(/-[0-9a-f]{12}\.(?:md|yaml)$/, '');
  return TARGETS.find((target) => SLUGS[target] === slug);
}

interface Failure {
  run: number | string;
  target: string;
  mutations: string[];
  problem: string;
  /** The saved input's file name in the failures folder. */
  input: string;
}

/** Every output a report goes into, and the problems with each: a stack trace, a secret, or a size past its bound. */
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
    if (text.includes('cgcanary')) problems.push(`${name} holds a secret of the environment (a canary)`);
  }
  if (existsSync(MARKER)) problems.push(`a template wrote ${MARKER}`);
  return problems;
}

describe('fuzzed lockfile, config, acceptances, values, README, templated override and context files', () => {
  const repo = new TestRepo('cg-fuzz-');
  let base: GitSnapshot;
  const originals = new Map<Target, string>();
  const failures: Failure[] = [];
  const planted = Object.keys(CANARIES).filter((name) => process.env[name] === undefined);

  beforeAll(() => {
    // the secrets a CI job holds: no run may read them (a template reaching process.env would print them)
    for (const name of planted) process.env[name] = CANARIES[name];
    repo
      .write('helm-freeze.yaml', lockfile('9.8.0', '3.4.0'))
      .write('.github/chart-guard.yaml', CONFIG)
      .copy(corpusChart(BLACKBOX, 'old'), 'charts/prometheus-blackbox-exporter')
      .copy(corpusChart(NODE_EXPORTER, 'old'), 'charts/prometheus-node-exporter')
      .write('values/prometheus-blackbox-exporter.yaml', BLACKBOX_OVERRIDES)
      .write('values/prometheus-node-exporter.yaml', NODE_EXPORTER_OVERRIDES)
      .write('ci/template-context.yaml', TEMPLATE_CONTEXT);
    const sha = repo.commit('base');
    base = new GitSnapshot(repo.dir, 'main', sha);
    // the head is the working tree: the bump, then one mutated file per run
    repo
      .write('helm-freeze.yaml', lockfile('10.0.0', '4.0.0'))
      .copy(corpusChart(BLACKBOX, 'new'), 'charts/prometheus-blackbox-exporter')
      .copy(corpusChart(NODE_EXPORTER, 'new'), 'charts/prometheus-node-exporter')
      .write('.github/chart-guard-accepted.yaml', ACCEPTANCES);
    for (const target of TARGETS) originals.set(target, readFileSync(join(repo.dir, target), 'utf8'));
    originals.set('values/prometheus-node-exporter.yaml', TEMPLATED_OVERRIDES);
  });
  afterAll(() => {
    for (const name of planted) delete process.env[name];
    base?.close();
    rmSync(join(MARKER, '..'), { recursive: true, force: true });
    repo.cleanup();
  });

  /** Writes the input over its target (and the files a templated run needs), runs review and lint, restores. */
  async function check(run: number | string, target: Target, text: string, applied: string[]): Promise<void> {
    const templated = TEMPLATED.includes(target);
    if (templated) {
      repo.write(
        '.github/chart-guard.yaml',
        CONFIG.replace(/^ {2}prometheus-node-exporter:\n/m, (entry) => entry + TEMPLATES_SETTING),
      );
      repo.write('values/prometheus-node-exporter.yaml', originals.get('values/prometheus-node-exporter.yaml') ?? '');
    }
    writeFileSync(join(repo.dir, target), text.replaceAll('MARKER', MARKER));
    const head = new WorktreeSnapshot(repo.dir);
    const options = { repoDir: repo.dir, head, helm: null, failOn: 'warning' as const };
    const record = (problem: string) => {
      const input = inputName(target, text);
      mkdirSync(FAILURES_DIR, { recursive: true });
      writeFileSync(join(FAILURES_DIR, input), text);
      failures.push({ run, target, mutations: applied, problem, input });
      console.log(`fuzz: run ${run} failed (${target}, ${applied.join('+')}): ${problem.split('\n')[0]}`);
      writeFileSync(
        join(FAILURES_DIR, 'failures.json'),
        `${JSON.stringify({ seed: SEED, runs: RUNS, failures }, null, 1)}\n`,
      );
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
    if (templated) {
      repo.write('.github/chart-guard.yaml', originals.get('.github/chart-guard.yaml') ?? '');
      repo.write('values/prometheus-node-exporter.yaml', NODE_EXPORTER_OVERRIDES);
    }
  }

  const failureMessage = () =>
    `${failures.length} failures (seed ${SEED}, ${RUNS} runs); inputs in ${FAILURES_DIR} (failures.json says which run and ` +
    `what failed): replay with CHART_GUARD_FUZZ_SEED=${SEED} CHART_GUARD_FUZZ_RUNS=${RUNS}, or copy the inputs into ` +
    'test/fixtures/fuzz/ as regression cases';

  it(
    `ends every one of the fixed edits and ${RUNS} random runs (seed ${SEED}) in a report whose outputs are clean and bounded`,
    async () => {
      console.log(
        `fuzz: seed ${SEED}, ${RUNS} runs (replay: CHART_GUARD_FUZZ_SEED=${SEED} CHART_GUARD_FUZZ_RUNS=${RUNS})`,
      );
      const random = prng(SEED);
      const fixed = TARGETS.flatMap((target) => fixedRuns(target).map((name) => ({ target, name })));
      const started = performance.now();
      for (let run = 0; run < fixed.length + RUNS; run++) {
        const target = run < fixed.length ? fixed[run].target : TARGETS[run % TARGETS.length];
        const original = originals.get(target) ?? '';
        const { text, applied } =
          run < fixed.length
            ? { text: FIXED_EDITS[fixed[run].name](original), applied: [fixed[run].name] }
            : mutate(target, original, random);
        await check(run, target, text, applied);
        if ((run + 1) % 1000 === 0) {
          const rate = (run + 1) / ((performance.now() - started) / 1000);
          console.log(
            `fuzz: ${run + 1} of ${fixed.length + RUNS} runs, ${failures.length} failures, ${rate.toFixed(1)} runs/s`,
          );
        }
      }
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `fuzz: ${fixed.length + RUNS} runs in ${seconds.toFixed(1)} s (${((fixed.length + RUNS) / seconds).toFixed(1)} runs/s)`,
      );
      expect(failures, failureMessage()).toEqual([]);
    },
    Math.max(120_000, RUNS * 3_000),
  );

  // Every input a fuzz run once failed on, kept as it was found (see test/fixtures/fuzz/README.md). A campaign
  // (npm run fuzz, the CI fuzz step) leaves them to npm test, which runs them once.
  const regressions = readdirSync(REGRESSIONS_DIR).filter((name) => targetOfInput(name) !== undefined);
  it.skipIf(process.env.CHART_GUARD_FUZZ_CAMPAIGN === '1').each(regressions)(
    'regression input %s ends in a clean, bounded report',
    async (name) => {
      const target = targetOfInput(name)!;
      const before = failures.length;
      await check(name, target, readFileSync(join(REGRESSIONS_DIR, name), 'utf8'), ['regression']);
      expect(failures.slice(before), failureMessage()).toEqual([]);
    },
  );
});
