// Templated override files come from the pull request: rendering one must not run code in chart-guard (issue 17).
// Layer 1, the restricted evaluator, refuses every way nunjucks offers from a template to Function (globals, context
// values, filters, `{% set %}`, macros, string methods): the attempt is the file's error at its line. Layer 2, the
// worker process, holds even when layer 1 is escaped (a worker built for tests runs raw JavaScript): no file read or
// written, no environment, no child process. Each attempt also tries to leave a canary behind: a marker file written,
// the secret of a file outside the work folder read, an environment variable printed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { review } from '../../src/core/pipeline/review.js';
import { GitSnapshot } from '../../src/core/repo/git-snapshot.js';
import { readTemplatedValuesFile, type TemplateContext } from '../../src/core/values/template-render.js';
import { TemplateSandbox, workerArguments } from '../../src/core/values/template-sandbox.js';
import { renderRestricted } from '../../src/core/values/template-sandbox-evaluator.js';
import { type BuiltCli, buildCli } from '../support/cli-bundle.js';
import { HELM_BINARIES, PROJECT_DIR, TestRepo } from '../support/git-repo.js';
import { oneChartLockfile } from '../support/lockfile.js';

const outside = mkdtempSync(join(tmpdir(), 'cg-escape-'));
const MARKER = join(outside, 'marker');
const SECRET_FILE = join(outside, 'secret.txt');
const SECRET = 'secret-file-4b1d';
const CANARY = 'canary-9f3e7a';
writeFileSync(SECRET_FILE, SECRET);
afterAll(() => rmSync(outside, { recursive: true, force: true }));

/** JavaScript an attacker would run: write the marker, then return the env canary and the secret file. */
const PAYLOAD = `process.getBuiltinModule('fs').writeFileSync('${MARKER}', 'x'); return process.env.CG_ESCAPE_CANARY + process.getBuiltinModule('fs').readFileSync('${SECRET_FILE}', 'utf8')`;
const quoted = JSON.stringify(PAYLOAD);

const context: TemplateContext = {
  path: 'ci/ctx.yaml',
  variables: { name: 'orders', n: 2, labels: { app: 'orders' }, zones: ['a', 'b'] },
};

/** Nothing ran: no marker file, and neither the canary nor the secret reached the result. */
function expectNothingRan(result: unknown) {
  expect(existsSync(MARKER)).toBe(false);
  expect(JSON.stringify(result)).not.toContain(CANARY);
  expect(JSON.stringify(result)).not.toContain(SECRET);
}

describe('layer 1: every way from a template to Function is refused, as the file error at its line', () => {
  beforeAll(() => {
    process.env.CG_ESCAPE_CANARY = CANARY;
  });
  afterAll(() => {
    delete process.env.CG_ESCAPE_CANARY;
  });

  // [what, the line the attempt is on (line 3 of the file), the message after "values/app.yaml: "]
  const attempts: [string, string, string][] = [
    ['range', `{{ range.constructor(${quoted})() }}`, '`range.constructor` is not allowed'],
    [
      'range, process.exit',
      '{{ range.constructor("return process.exit(0)")() }}',
      '`range.constructor` is not allowed',
    ],
    ['cycler', `{{ cycler.constructor(${quoted})() }}`, '`cycler.constructor` is not allowed'],
    ['a cycler method', `{{ cycler("a").next.constructor(${quoted})() }}`, '`cycler("a").next.constructor`'],
    ['joiner, by item', `{{ joiner()["constructor"](${quoted})() }}`, '`joiner()["constructor"]` is not allowed'],
    ['a string variable', `{{ name.constructor.constructor(${quoted})() }}`, '`name.constructor` is not allowed'],
    ['a map variable', `{{ labels.constructor.constructor(${quoted})() }}`, '`labels.constructor` is not allowed'],
    ['a list variable', `{{ zones.constructor }}`, '`zones.constructor` is not allowed'],
    ['a number variable', `{{ n.constructor }}`, '`n.constructor` is not allowed'],
    ['a bare name', `{{ constructor(${quoted}) }}`, '`constructor` is not allowed'],
    ['__proto__', '{{ labels.__proto__ }}', '`labels.__proto__` is not allowed'],
    ['__proto__ by item', '{{ labels["__proto__"]["constructor"] }}', '`labels["__proto__"]` is not allowed'],
    ['an inherited method', '{{ labels.hasOwnProperty.call }}', 'prints a variable that ci/ctx.yaml does not define'],
    ['a JavaScript string method', '{{ name.toUpperCase() }}', '`name.toUpperCase` is not allowed'],
    ['a string method', `{{ name.upper.constructor(${quoted})() }}`, '`name.upper.constructor` is not allowed'],
    ['a filter result', `{{ ([range] | first).constructor(${quoted})() }}`, '`.constructor` is not allowed'],
    ['a filter by attribute', `{{ ([range] | sort(attribute="constructor") | first).call(${quoted}) }}`, '`.call`'],
    ['a filter named constructor', `{{ ${quoted} | constructor }}`, 'filter not found: constructor'],
    ['a test named constructor', '{{ name is constructor }}', 'test not found: constructor'],
    ['{% set %} of a global', `{% set f = range %}{{ f.constructor(${quoted})() }}`, '`f.constructor` is not allowed'],
    ['{% set __proto__ %}', `{% set __proto__ = range %}{{ call(${quoted}) }}`, 'Unable to call `call`'],
    ['a dict with __proto__', `{% set d = {"__proto__": range} %}{{ d.call(null, ${quoted}) }}`, '`d.call`'],
    ['a macro', `{% macro m() %}m{% endmacro %}{{ m.constructor(${quoted})() }}`, '`m.constructor` is not allowed'],
    ['{% include %}', `{% include "${SECRET_FILE}" %}`, '`include`, `import`, `from` and `extends` are not supported'],
    ['{% import %}', `{% import "${SECRET_FILE}" as s %}`, '`include`, `import`, `from` and `extends`'],
    ['{% extends %}', `{% extends "${SECRET_FILE}" %}`, '`include`, `import`, `from` and `extends`'],
  ];

  it.each(attempts)('%s', async (_what, attempt, message) => {
    const file = await readTemplatedValuesFile(`a: 1\nb: 2\nc: ${attempt}\nd: 4\n`, 'values/app.yaml', context);
    expect(file.error?.file).toBe('values/app.yaml');
    expect(file.error?.line).toBe(3);
    expect(file.error?.message).toContain(message);
    expect(file.values).toEqual({});
    expectNothingRan(file);
  });

  it('says why in the words of the issue', async () => {
    const file = await readTemplatedValuesFile(
      'a: 1\nb: {{ range.constructor("return process")().env.GITHUB_TOKEN }}\n',
      'values/app.yaml',
      context,
    );
    expect(file.error).toEqual({
      file: 'values/app.yaml',
      line: 2,
      message: 'values/app.yaml: `range.constructor` is not allowed: templates may only read values',
    });
  });
});

describe('layer 1 keeps the Jinja that override files use', () => {
  const render = (source: string, variables: Record<string, unknown> = context.variables) => {
    const result = renderRestricted(source, variables);
    if ('error' in result) throw new Error(result.error);
    return result.output;
  };

  it('variables, filters, if/elif/else, for, set, whitespace control and comments', () => {
    expect(
      render('{{ name | upper }} {{ missing | default("x") }} {{ labels | tojson }} {{ zones | join("-") }}'),
    ).toBe('ORDERS x {"app":"orders"} a-b');
    expect(render('{% if n > 2 %}big{% elif n == 2 %}two{% else %}small{% endif %}')).toBe('two');
    expect(render('{% for z in zones %}{{ loop.index }}{{ z }}{% if not loop.last %},{% endif %}{% endfor %}')).toBe(
      '1a,2b',
    );
    expect(render('{% for k, v in labels %}{{ k }}={{ v }}{% endfor %}')).toBe('app=orders');
    expect(render('{% set full = name ~ "-" ~ n %}{# a comment #}{{ full }}')).toBe('orders-2');
    expect(render('a:\n  {%- if n %}\n  b: 1\n  {%- endif %}\n')).toBe('a:\n  b: 1\n');
    expect(render('{% macro tag(v) %}<{{ v }}>{% endmacro %}{{ tag(name) }}')).toBe('<orders>');
    expect(render('{% for i in range(3) %}{{ i }}{% endfor %}')).toBe('012');
  });

  it('the string, list and map methods of Jinja, on data only', () => {
    expect(render('{{ name.upper() }} {{ "A-b".lower() }} {{ "a.b.c".split(".") | join("/") }}')).toBe(
      'ORDERS a-b a/b/c',
    );
    expect(render('{{ name.startswith("ord") }} {{ name.endswith("x") }} {{ name.replace("o", "0") }}')).toBe(
      'true false 0rders',
    );
    expect(render('{{ "  x ".strip() }}|{{ "-".join(zones) }}|{{ zones.index("b") }}|{{ name.length }}')).toBe(
      'x|a-b|1|6',
    );
    expect(render('{% for k, v in labels.items() %}{{ k }}:{{ v }}{% endfor %} {{ labels.get("none", "d") }}')).toBe(
      'app:orders d',
    );
    expect(render('{% set c = cycler("x", "y") %}{{ c.next() }}{{ c.next() }}{{ c.next() }}')).toBe('xyx');
    expect(render('{% set j = joiner("+") %}{% for z in zones %}{{ j() }}{{ z }}{% endfor %}')).toBe('a+b');
  });

  it('a name the context does not define is undefined, not a way to Object.prototype', () => {
    expect(render('{% if toString %}yes{% else %}no{% endif %}', {})).toBe('no');
    expect(render('{% if labels.valueOf %}yes{% else %}no{% endif %}')).toBe('no');
    expect(renderRestricted('{{ range(1000000) | length }}', {})).toEqual({
      error: expect.stringContaining('range() of 1000000 items: at most 100000'),
    });
  });
});

describe('layer 2: the worker process cannot reach the host, even with layer 1 escaped', () => {
  const sandbox = new TemplateSandbox({ timeoutMs: 3_000 });
  afterAll(() => sandbox.close());
  // The test build of the worker runs this JavaScript as-is, as a template that escaped layer 1 would.
  const run = async (code: string) => {
    const result = await sandbox.evaluateInWorker(code);
    return 'output' in result ? result.output : `error: ${result.error}`;
  };

  it('runs under the permission model, with no environment', async () => {
    const args = workerArguments('/w/template-worker.cjs', 64);
    expect(args).toContain('--allow-fs-read=/w/template-worker.cjs');
    expect(args.filter((a) => a.startsWith('--allow-'))).toEqual(['--allow-fs-read=/w/template-worker.cjs']);
    expect(args[0]).toMatch(/^--(experimental-)?permission$/);
    expect(await run('return process.permission.has("fs.read", "/w")')).toBe('false');
    process.env.CG_ESCAPE_CANARY = CANARY;
    try {
      expect(await run('return JSON.stringify(process.env)')).toBe('{}');
    } finally {
      delete process.env.CG_ESCAPE_CANARY;
    }
  });

  it('cannot read a file, write one, spawn a process or start a worker thread', async () => {
    const fs = "process.getBuiltinModule('fs')";
    expect(await run(`return ${fs}.readFileSync(${JSON.stringify(SECRET_FILE)}, 'utf8')`)).toBe(
      'error: ERR_ACCESS_DENIED',
    );
    expect(await run(`return ${fs}.readFileSync(${JSON.stringify(join(PROJECT_DIR, 'package.json'))}, 'utf8')`)).toBe(
      'error: ERR_ACCESS_DENIED',
    );
    expect(await run(`return ${fs}.writeFileSync(${JSON.stringify(MARKER)}, 'x')`)).toBe('error: ERR_ACCESS_DENIED');
    expect(await run("return process.getBuiltinModule('child_process').execSync('id')")).toBe(
      'error: ERR_ACCESS_DENIED',
    );
    expect(await run("return new (process.getBuiltinModule('worker_threads').Worker)('1', { eval: true })")).toBe(
      'error: ERR_ACCESS_DENIED',
    );
    expectNothingRan('');
  });

  it('a worker that exits, runs out of memory or overruns fails that render only; the next gets a fresh worker', async () => {
    const quick = new TemplateSandbox({ timeoutMs: 1_500 });
    try {
      expect(await quick.evaluateInWorker('process.exit(0)')).toEqual({
        error: 'the template engine stopped (exit code 0) while rendering',
      });
      expect(await quick.render('{{ n }}', { n: 1 })).toEqual({ output: '1' });
      expect(await quick.evaluateInWorker('const a = []; for (;;) a.push(new Array(1e6).fill(1))')).toEqual({
        error: 'the template engine ran out of memory (64 MB) while rendering',
      });
      expect(await quick.render('{{ n }}', { n: 2 })).toEqual({ output: '2' });
      const slow = '{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}';
      expect(await quick.render(slow, {})).toEqual({ error: 'rendering took longer than 1.5 s and was stopped' });
      expect(await quick.render('{{ n }}', { n: 3 })).toEqual({ output: '3' });
    } finally {
      quick.close();
    }
  });

  it('a worker that answers out of turn is not trusted with the next render', async () => {
    const own = new TemplateSandbox();
    try {
      // an escaped template answers the next request in advance
      const forged = JSON.stringify({ id: 2, output: 'forged: true' });
      await own.evaluateInWorker(`process.stdout.write(${JSON.stringify(`${forged}\n`)}); return 'x'`);
      expect(await own.render('real: {{ n }}', { n: 1 })).toEqual({ output: 'real: 1' });
    } finally {
      own.close();
    }
  });
});

const lockfile = (version: string) => oneChartLockfile('app', version);
const APP = join(PROJECT_DIR, 'test/fixtures/hardening/app');
const CONFIG = 'values: ["values/{chart}.yaml"]\ntemplates: { engine: jinja, context: ci/ctx.yaml }\n';
const ESCAPE = `greeting: hello\nreplicas: {{ range.constructor(${quoted})() }}\n`;
const BROKEN = 'greeting: hello\nreplicas: {{ n + }}\n';

/** A repo whose head bumps charts/app, with values/app.yaml as given. */
function bumpRepo(values: string): { repo: TestRepo; base: string; head: string } {
  const repo = new TestRepo('cg-escape-');
  repo
    .write('helm-freeze.yaml', lockfile('1.0.0'))
    .copy(APP, 'charts/app')
    .write('charts/app/Chart.yaml', 'apiVersion: v2\nname: app\nversion: 1.0.0\n')
    .write('.github/chart-guard.yaml', CONFIG)
    .write('ci/ctx.yaml', 'n: 2\n')
    .write('values/app.yaml', 'greeting: hello\nreplicas: {{ n }}\n');
  const base = repo.commit('base');
  repo
    .write('helm-freeze.yaml', lockfile('1.1.0'))
    .write('charts/app/Chart.yaml', 'apiVersion: v2\nname: app\nversion: 1.1.0\n')
    .write('values/app.yaml', values);
  const head = repo.commit('bump');
  return { repo, base, head };
}

describe('a review with an escape attempt: the finding blocks, nothing ran', () => {
  beforeAll(() => {
    process.env.CG_ESCAPE_CANARY = CANARY;
  });
  afterAll(() => {
    delete process.env.CG_ESCAPE_CANARY;
  });
  const reviewOf = async (values: string) => {
    const { repo, base, head } = bumpRepo(values);
    try {
      return await review({
        repoDir: repo.dir,
        base: new GitSnapshot(repo.dir, 'base', base),
        head: new GitSnapshot(repo.dir, 'head', head),
        helm: null,
      });
    } finally {
      repo.cleanup();
    }
  };

  it('fails the review like any file that cannot be rendered, with the finding at its line', async () => {
    const clean = await reviewOf('greeting: hello\nreplicas: {{ n }}\n');
    const broken = await reviewOf(BROKEN);
    const attempt = await reviewOf(ESCAPE);
    expect(clean.verdict).not.toBe('fail');
    expect(broken.verdict).toBe('fail');
    expect(attempt.verdict).toBe(broken.verdict);
    const invalid = attempt.charts[0].findings.filter((f) => f.rule === 'values-file-invalid');
    expect(invalid.map((f) => [f.file, f.line, f.message])).toEqual([
      ['values/app.yaml', 2, 'values/app.yaml: `range.constructor` is not allowed: templates may only read values'],
    ]);
    expectNothingRan(attempt);
  });
});

describe.each(Object.keys(HELM_BINARIES) as (keyof typeof HELM_BINARIES)[])(
  'the CLI bundle with GITHUB_TOKEN set, helm %s',
  (version) => {
    let cli: BuiltCli;
    beforeAll(() => {
      cli = buildCli();
    });
    afterAll(() => cli.cleanup());
    const TOKEN = 'canary-token-71c2';
    const TOKEN_PAYLOAD = JSON.stringify(`return process.env.GITHUB_TOKEN + process.env.CG_ESCAPE_CANARY`);

    const cliRun = (values: string) => {
      const { repo, base, head } = bumpRepo(values);
      try {
        const out = join(repo.dir, 'report.json');
        const env: NodeJS.ProcessEnv = { ...process.env, GITHUB_TOKEN: TOKEN, CG_ESCAPE_CANARY: CANARY };
        for (const name of ['NO_COLOR', 'FORCE_COLOR', 'CHART_GUARD_DEBUG']) delete env[name];
        const args = ['review', '--base', base, '--head', head, '--helm', HELM_BINARIES[version]];
        const text = spawnSync(process.execPath, [cli.path, ...args], { cwd: repo.dir, env, encoding: 'utf8' });
        const json = spawnSync(process.execPath, [cli.path, ...args, '--format', 'json', '-o', out], {
          cwd: repo.dir,
          env,
          encoding: 'utf8',
        });
        const report = existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')) as object) : {};
        return { text, json, report };
      } finally {
        repo.cleanup();
      }
    };

    it('never prints the token, exits as for a broken file, and the finding names the line', () => {
      const attempt = cliRun(`greeting: hello\nreplicas: {{ range.constructor(${TOKEN_PAYLOAD})() }}\n`);
      const broken = cliRun(BROKEN);
      for (const run of [attempt.text, attempt.json]) {
        expect(`${run.stdout}\n${run.stderr}`).not.toContain(TOKEN);
        expect(`${run.stdout}\n${run.stderr}`).not.toContain(CANARY);
      }
      expect(JSON.stringify(attempt.report)).not.toContain(TOKEN);
      expect(attempt.text.status).toBe(broken.text.status);
      expect(attempt.json.status).toBe(broken.json.status);
      expect(attempt.text.status).toBe(1);
      expect(attempt.text.stdout).toContain('`range.constructor` is not allowed: templates may only read values');
      expectNothingRan(attempt);
    });
  },
);
