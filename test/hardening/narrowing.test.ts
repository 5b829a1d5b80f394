// Issue 17 §3: a pull request must not make its own review narrower than the base branch's policy. Each attack
// below is an honest bump that fails (web 1.0.0 -> 1.1.0 drops image.pullPolicy, which the override file sets, and
// adds a batch/v1beta1 CronJob, removed in Kubernetes 1.25), plus one edit of the head's config or lockfile that
// used to turn the fail into a pass without a word. Each must still fail (exit 1), with the check that was dodged
// and a policy-changed error naming the key. Run as a user runs it: the built CLI, a real git repo, real helm.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig, parseConfig } from '../../src/core/config/config.js';
import { withBasePolicy } from '../../src/core/config/policy.js';
import { policyChanges } from '../../src/core/config/policy-changes.js';
import type { Finding, Report } from '../../src/core/report/report.js';
import { type BuiltCli, buildCli } from '../support/cli-bundle.js';
import { HELM_BINARIES, PROJECT_DIR, TestRepo } from '../support/git-repo.js';
import { oneChartLockfile } from '../support/lockfile.js';

const FIXTURE = join(PROJECT_DIR, 'test/fixtures/preexisting');
const CONFIG = '.github/chart-guard.yaml';
const HONEST = 'kubernetes: "1.29"\nvalues:\n  - values/{chart}.yaml\n';
/** Looks like a credential the run could leak: it must appear in no output. */
const TOKEN = 'ghp_narrowingTestToken0123456789abcdefABCD';
const STACK_FRAME = /^\s+at /m;

type Helm = 'v3' | 'v4' | null;

interface Attack {
  name: string;
  /** The base's config (default HONEST) and files beside the fixture's. */
  baseConfig?: string;
  baseFiles?: Record<string, string>;
  /** The attack: edits of the head commit, after the honest bump. */
  head(repo: TestRepo, outside: string): void;
  /** The helm versions it runs with; null: no render (the dodged check needs none). */
  helm: Helm[];
  /** Rule and message start of the error the attack tried to hide. */
  dodged: { rule: string; text: string };
  /** The policy-changed error: its message start and line in the head's config. */
  policy?: { text: string; line: number };
  /** The chart's change kind the review must see. */
  change?: string;
  /** Text the report must hold (the base's setting at work). */
  shown?: string;
}

const bumpedLockfile = oneChartLockfile('web', '1.1.0');
/** The honest config with two groups of clusters, each running every chart. */
const SCOPED_BASE = `${HONEST}environments:\n  prod: {}\n  dev: {}\n`;
/** SCOPED_BASE with these settings of web in both environments (`environments.<env>.charts.web`). */
const webInEach = (settings: string) =>
  SCOPED_BASE.replace(/ (prod|dev): \{\}\n/g, ` $1:\n    charts:\n      web: ${settings}\n`);

/** An override file whose image.pullPolicy only a context with `legacy: true` renders. */
const TEMPLATED = {
  baseConfig: `${HONEST}templates: { engine: jinja, context: ci/context.yaml }\n`,
  baseFiles: {
    'ci/context.yaml': 'legacy: true\n',
    'values/web.yaml': 'replicaCount: 2\n{% if legacy %}\nimage:\n  pullPolicy: Always\n{% endif %}\n',
  },
};

const ATTACKS: Attack[] = [
  {
    name: 'the lockfile moves (config `lockfile:` points at the new path)',
    head: (repo) => {
      repo.remove('helm-freeze.yaml');
      repo.write('lib/helm-freeze.yaml', bumpedLockfile.replace('path: ./charts', 'path: ../charts'));
      repo.write(CONFIG, `lockfile: lib/helm-freeze.yaml\n${HONEST}`);
    },
    helm: [null],
    dodged: { rule: 'override-key-removed', text: 'image.pullPolicy' },
    change: 'bumped',
  },
  {
    name: 'the config points `lockfile:` at a decoy while the real lockfile is bumped',
    head: (repo) => {
      repo.write(
        'decoy/helm-freeze.yaml',
        oneChartLockfile('web', '1.0.0').replace('path: ./charts', 'path: ../charts'),
      );
      repo.write(CONFIG, `lockfile: decoy/helm-freeze.yaml\n${HONEST}`);
    },
    helm: [null],
    dodged: { rule: 'policy-changed', text: 'lockfile changes from helm-freeze.yaml to decoy/helm-freeze.yaml' },
    policy: {
      text: 'lockfile changes from helm-freeze.yaml to decoy/helm-freeze.yaml, and helm-freeze.yaml stays, no longer reviewed',
      line: 1,
    },
  },
  {
    name: '`values` points at a decoy override file',
    head: (repo) => {
      repo.write('decoy/web.yaml', 'replicaCount: 2\n');
      repo.write(CONFIG, 'kubernetes: "1.29"\nvalues:\n  - decoy/{chart}.yaml\n');
    },
    helm: [null],
    dodged: { rule: 'override-key-removed', text: 'image.pullPolicy' },
    policy: { text: 'values pattern removed: values/{chart}.yaml', line: 3 },
  },
  {
    name: "a chart's `values` point at a decoy override file",
    baseConfig: 'kubernetes: "1.29"\ncharts:\n  web:\n    values: [values/web.yaml]\n',
    head: (repo) => {
      repo.write('decoy/web.yaml', 'replicaCount: 2\n');
      repo.write(CONFIG, 'kubernetes: "1.29"\ncharts:\n  web:\n    values: [decoy/web.yaml]\n');
    },
    helm: [null],
    dodged: { rule: 'override-key-removed', text: 'image.pullPolicy' },
    policy: { text: 'charts.web.values pattern removed: values/web.yaml', line: 4 },
  },
  {
    name: '`kubernetes` is lowered to 1.21, where the CronJob API is only deprecated',
    head: (repo) => repo.write(CONFIG, 'kubernetes: "1.21"\nvalues:\n  - values/{chart}.yaml\n'),
    helm: ['v3', 'v4'],
    dodged: { rule: 'api-removed', text: 'CronJob' },
    policy: { text: 'kubernetes changes from 1.29 to 1.21', line: 1 },
  },
  {
    name: "an environment's `kubernetes` is lowered to 1.21",
    baseConfig: 'values:\n  - values/{chart}.yaml\nenvironments:\n  prod:\n    kubernetes: "1.29"\n',
    head: (repo) =>
      repo.write(CONFIG, 'values:\n  - values/{chart}.yaml\nenvironments:\n  prod:\n    kubernetes: "1.21"\n'),
    helm: ['v3', 'v4'],
    dodged: { rule: 'api-removed', text: 'CronJob' },
    policy: { text: 'environments.prod.kubernetes changes from 1.29 to 1.21', line: 5 },
  },
  {
    name: 'new environments replace the single target with an older one',
    head: (repo) => repo.write(CONFIG, `${HONEST}environments:\n  prod:\n    kubernetes: "1.21"\n`),
    helm: ['v3', 'v4'],
    dodged: { rule: 'api-removed', text: 'CronJob' },
    policy: { text: 'environments.prod.kubernetes changes from 1.29 to 1.21', line: 6 },
  },
  {
    name: 'an environment is dropped',
    baseConfig: 'kubernetes: "1.29"\nenvironments:\n  prod:\n    values: ["values/{chart}.yaml"]\n  dev: {}\n',
    head: (repo) => repo.write(CONFIG, 'kubernetes: "1.29"\nenvironments:\n  dev: {}\n'),
    helm: [null],
    dodged: { rule: 'override-key-removed', text: 'image.pullPolicy' },
    policy: { text: 'environment prod is dropped', line: 3 },
  },
  // issue 20: where a chart runs is policy too
  {
    name: 'the chart is scoped to no environment',
    baseConfig: SCOPED_BASE,
    head: (repo) => repo.write(CONFIG, `${SCOPED_BASE}charts:\n  web:\n    environments: []\n`),
    helm: [null],
    dodged: { rule: 'override-key-removed', text: 'image.pullPolicy' },
    policy: { text: 'charts.web.environments leaves out prod, where the base runs web', line: 9 },
  },
  {
    name: 'every environment switches the chart off',
    baseConfig: SCOPED_BASE,
    head: (repo) => repo.write(CONFIG, webInEach('{ enabled: false }')),
    helm: [null],
    dodged: { rule: 'override-key-removed', text: 'image.pullPolicy' },
    policy: {
      text: 'environments.prod.charts.web.enabled is false: it switches web off in prod, where the base runs web',
      line: 7,
    },
  },
  {
    name: "an environment replaces the chart's patterns with a decoy override file",
    baseConfig: SCOPED_BASE,
    head: (repo) => {
      repo.write('decoy/web.yaml', 'replicaCount: 2\n');
      repo.write(CONFIG, webInEach('{ values: [decoy/web.yaml] }'));
    },
    helm: [null],
    dodged: { rule: 'override-key-removed', text: 'image.pullPolicy' },
    policy: {
      text: 'environments.prod.charts.web.values leaves out values/{chart}.yaml, which the base reads for web in prod',
      line: 7,
    },
  },
  {
    name: "a chart's `set` key is dropped",
    baseConfig: `${HONEST}charts:\n  web:\n    set: [image.pullPolicy]\n`,
    baseFiles: { 'values/web.yaml': 'replicaCount: 2\n' },
    head: (repo) => repo.write(CONFIG, `${HONEST}charts:\n  web:\n    set: []\n`),
    helm: [null],
    dodged: { rule: 'override-key-removed', text: 'image.pullPolicy' },
    policy: { text: 'charts.web.set key removed: image.pullPolicy', line: 6 },
  },
  {
    name: 'the `templates` context is swapped for a decoy that leaves the key out',
    ...TEMPLATED,
    head: (repo) => {
      repo.write('ci/decoy.yaml', 'legacy: false\n');
      repo.write(CONFIG, `${HONEST}templates: { engine: jinja, context: ci/decoy.yaml }\n`);
    },
    helm: [null],
    dodged: { rule: 'override-key-removed', text: 'image.pullPolicy' },
    policy: { text: 'templates changes from jinja ci/context.yaml to jinja ci/decoy.yaml', line: 4 },
  },
  {
    name: "a chart's `templates` under a key of its own replace the base's context",
    ...TEMPLATED,
    head: (repo) => {
      repo.write('ci/decoy.yaml', 'legacy: false\n');
      repo.write(
        CONFIG,
        `${HONEST}templates: { engine: jinja, context: ci/context.yaml }\ncharts:\n  charts/web:\n    templates: { engine: jinja, context: ci/decoy.yaml }\n`,
      );
    },
    helm: [null],
    dodged: { rule: 'override-key-removed', text: 'image.pullPolicy' },
    policy: { text: 'charts.charts/web.templates changes from jinja ci/context.yaml to jinja ci/decoy.yaml', line: 7 },
  },
  {
    name: "the release's namespace changes under the chart's folder key",
    baseConfig: `${HONEST}charts:\n  web:\n    namespace: data\n`,
    head: (repo) =>
      repo.write(CONFIG, `${HONEST}charts:\n  web:\n    namespace: data\n  charts/web:\n    namespace: other\n`),
    helm: ['v4'],
    dodged: { rule: 'policy-changed', text: 'charts.charts/web.namespace changes from data to other' },
    policy: { text: 'charts.charts/web.namespace changes from data to other', line: 8 },
    shown: '--namespace data',
  },
  {
    name: 'the render timeout is cut',
    head: (repo) => repo.write(CONFIG, `${HONEST}render: { timeoutSeconds: 0.001 }\n`),
    helm: ['v4'],
    dodged: { rule: 'api-removed', text: 'CronJob' },
    policy: { text: 'render.timeoutSeconds changes from 120 to 0.001', line: 4 },
  },
  {
    name: 'the lockfile entry and its folder are renamed, the release kept',
    head: (repo) => {
      repo.remove('charts/web').copy(join(FIXTURE, 'head/web'), 'charts/web-app');
      repo.remove('values/web.yaml').copy(join(FIXTURE, 'repo/values/web.yaml'), 'values/web-app.yaml');
      repo.write('helm-freeze.yaml', oneChartLockfile('web-app', '1.1.0'));
      repo.write(CONFIG, `${HONEST}charts:\n  web-app:\n    releaseName: web\n`);
    },
    helm: [null],
    dodged: { rule: 'override-key-removed', text: 'image.pullPolicy' },
    change: 'bumped',
  },
  {
    name: 'the lockfile entry is renamed, its folder kept',
    head: (repo) => {
      repo.remove('values/web.yaml').copy(join(FIXTURE, 'repo/values/web.yaml'), 'values/web-app.yaml');
      repo.write(
        'helm-freeze.yaml',
        oneChartLockfile('web-app', '1.1.0').replace(
          'repo_name: example',
          'repo_name: example\n    dest_folder_override: web',
        ),
      );
      repo.write(CONFIG, `${HONEST}charts:\n  web-app:\n    releaseName: web\n`);
    },
    helm: [null],
    dodged: { rule: 'override-key-removed', text: 'image.pullPolicy' },
    change: 'bumped',
  },
];

let cli: BuiltCli;
beforeAll(() => {
  cli = buildCli();
}, 120_000);
afterAll(() => cli?.cleanup());

/** The CLI as CI runs it: a token in the environment, which nothing the pull request holds may reach. */
function cliRun(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const env = { ...process.env, GITHUB_TOKEN: TOKEN, GH_TOKEN: TOKEN };
  const result = spawnSync(process.execPath, [cli.path, ...args], { cwd, env, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** web 1.0.0 -> 1.1.0 with the base's config, then the attack on the head commit. */
function attackRepo(attack: Attack, outside: string): { repo: TestRepo; base: string; head: string } {
  const repo = new TestRepo('cg-narrowing-');
  repo
    .write('helm-freeze.yaml', oneChartLockfile('web', '1.0.0'))
    .copy(join(FIXTURE, 'base/web'), 'charts/web')
    .copy(join(FIXTURE, 'repo/values'), 'values')
    .write(CONFIG, attack.baseConfig ?? HONEST);
  for (const [path, text] of Object.entries(attack.baseFiles ?? {})) repo.write(path, text);
  const base = repo.commit('web 1.0.0');
  repo.write('helm-freeze.yaml', bumpedLockfile).copy(join(FIXTURE, 'head/web'), 'charts/web');
  attack.head(repo, outside);
  return { repo, base, head: repo.commit('web 1.1.0, and the attack') };
}

const findingsOf = (report: Report): Finding[] => [...report.findings, ...report.charts.flatMap((c) => c.findings)];

describe.each(ATTACKS)('$name', (attack) => {
  const outside = mkdtempSync(join(tmpdir(), 'cg-outside-'));
  const { repo, base, head } = attackRepo(attack, outside);
  afterAll(() => {
    repo.cleanup();
    rmSync(outside, { recursive: true, force: true });
  });

  it.each(attack.helm)(
    'still fails with the dodged check and policy-changed (helm %s)',
    (helm) => {
      const render = helm === null ? ['--no-render'] : ['--helm', HELM_BINARIES[helm]];
      const args = ['review', '--base', base, '--head', head, '--format', 'json', ...render];
      const run = cliRun(args, repo.dir);
      expect(run.stderr).not.toMatch(STACK_FRAME);
      const report = JSON.parse(run.stdout) as Report;
      const errors = findingsOf(report).filter((f) => f.severity === 'error' && !f.accepted);
      expect(errors.map((f) => f.rule)).toContain(attack.dodged.rule);
      const dodged = errors.filter((f) => f.rule === attack.dodged.rule).map((f) => f.message);
      expect(dodged).toContainEqual(expect.stringContaining(attack.dodged.text));
      if (attack.policy) {
        const policy = errors.filter((f) => f.rule === 'policy-changed');
        expect(policy.map((f) => [f.file, f.line, f.message.split(';')[0]])).toContainEqual([
          CONFIG,
          attack.policy.line,
          attack.policy.text,
        ]);
      }
      if (attack.change) expect(report.charts.map((c) => c.change)).toEqual([attack.change]);
      if (attack.shown) expect(run.stdout).toContain(attack.shown);
      expect(report.verdict).toBe('fail');
      expect(run.status).toBe(1);
      expect(run.stdout + run.stderr).not.toContain(TOKEN);
      expect(readdirSync(outside)).toEqual([]);
    },
    60_000,
  );
});

describe('a head config that names its own helm binary', () => {
  const outside = mkdtempSync(join(tmpdir(), 'cg-outside-'));
  const marker = join(outside, 'pwned');
  const attack: Attack = {
    name: 'render.helm',
    baseConfig: `${HONEST}render: { helm: ${HELM_BINARIES.v4} }\n`,
    head: (repo) => {
      repo.write('tools/helm', `#!/bin/sh\necho "$*" > '${marker}'\nexec '${HELM_BINARIES.v4}' "$@"\n`);
      repo.write(CONFIG, `${HONEST}render: { helm: tools/helm }\n`);
    },
    helm: [],
    dodged: { rule: 'api-removed', text: 'CronJob' },
  };
  const { repo, base, head } = attackRepo(attack, outside);
  afterAll(() => {
    repo.cleanup();
    rmSync(outside, { recursive: true, force: true });
  });

  chmodSync(join(repo.dir, 'tools/helm'), 0o755);

  it("is never run: the base's helm renders, and the change is a policy-changed error", () => {
    const run = cliRun(['review', '--base', base, '--head', head, '--format', 'json'], repo.dir);
    const report = JSON.parse(run.stdout) as Report;
    const errors = findingsOf(report).filter((f) => f.severity === 'error');
    const removed = errors.filter((f) => f.rule === 'api-removed').map((f) => f.message);
    expect(removed).toContainEqual(expect.stringContaining('CronJob'));
    expect(errors.filter((f) => f.rule === 'policy-changed').map((f) => [f.line, f.message.split(';')[0]])).toEqual([
      [4, `render.helm changes from ${HELM_BINARIES.v4} to tools/helm`],
    ]);
    expect(run.status).toBe(1);
    expect(existsSync(marker)).toBe(false);
    expect(readdirSync(outside)).toEqual([]);
  }, 60_000);
});

describe('the review applies the wider of both configs', () => {
  const config = (text: string) => {
    const parsed = parseConfig(text, CONFIG);
    expect(parsed.problems).toEqual([]);
    return parsed;
  };
  const severity = () => 'warning' as const;

  it('render: the base helm, the longer timeout and the more proof renders', () => {
    const base = config('render: { helm: /usr/bin/helm, timeoutSeconds: 300, proofRenders: 2 }\n');
    const head = config('render: { helm: ./evil, timeoutSeconds: 5, proofRenders: 6 }\n');
    expect(withBasePolicy(head, base, severity).render).toEqual({
      enabled: true,
      helm: '/usr/bin/helm',
      timeoutSeconds: 300,
      proofRenders: 6,
    });
    expect(withBasePolicy(defaultConfig(), head, severity).render.helm).toBe('./evil');
    expect(withBasePolicy(head, defaultConfig(), severity).render.helm).toBeUndefined();
  });

  it('kubernetes: the oldest minimum and the newest maximum, per environment too', () => {
    const base = config(
      'kubernetes: { min: "1.27", max: "1.29" }\nenvironments:\n  a: { kubernetes: "1.30" }\n  b: {}\n',
    );
    const head = config('kubernetes: "1.25"\nenvironments:\n  a: { kubernetes: "1.28" }\n  c: {}\n');
    const wide = withBasePolicy(head, base, severity);
    expect(wide.kubernetes).toEqual({ min: '1.25', max: '1.29' });
    expect(wide.environments.map((e) => [e.name, e.kubernetes])).toEqual([
      ['a', { min: '1.28', max: '1.30' }],
      ['b', undefined],
      ['c', undefined],
    ]);
  });

  it('rules, failOn and failOnExisting: the stricter of both, so a head that tightens them gets it at once', () => {
    const base = config('rules: { api-deprecated: error, chart-deprecated: off }\nfailOn: warning\n');
    const head = config(
      'rules: { api-deprecated: notice, chart-deprecated: error }\nfailOn: never\nfailOnExisting: true\n',
    );
    const applied = withBasePolicy(head, base, severity);
    expect(applied.rules).toEqual({ 'api-deprecated': 'error', 'chart-deprecated': 'error' });
    expect([applied.failOn, applied.failOnExisting]).toEqual(['warning', true]);
  });

  it('a widening edit applies with a notice or unsaid; a narrowing one is an error', () => {
    const base = config('kubernetes: "1.29"\nvalues: ["a/{chart}.yaml"]\nenvironments:\n  prod: {}\n');
    const head = config(
      'kubernetes: { min: "1.27", max: "1.31" }\nvalues: ["a/{chart}.yaml", "b/{chart}.yaml"]\nenvironments:\n  prod: {}\n  dev: {}\n',
    );
    const said = (b: typeof base, h: typeof head) =>
      policyChanges(b, h, severity, CONFIG).map((c) => [c.weakens ? 'error' : 'notice', c.line, c.message]);
    expect(said(base, head)).toEqual([['notice', 1, 'kubernetes changes from 1.29 to 1.27-1.31']]);
    expect(said(head, base)).toEqual([
      ['error', 2, 'values pattern removed: b/{chart}.yaml'],
      ['error', 1, 'kubernetes changes from 1.27-1.31 to 1.29; this review checks 1.27-1.31'],
      ['error', 4, 'environment dev is dropped; it is still checked as the base defines it'],
    ]);
  });
});
