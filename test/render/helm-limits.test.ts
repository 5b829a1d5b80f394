// What chart-guard reads of helm: stdout up to a limit (then helm is stopped), stderr as its start and its end.
// A 600-million-character render or 1.5 GB of stderr used to end in ERR_STRING_TOO_LONG and a stack trace.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  findHelm,
  HELM_SOFT_MEMORY_LIMIT,
  helmEnv,
  helmTemplate,
  MAX_HELM_OUTPUT_BYTES,
  trimHelmError,
} from '../../src/core/render/helm.js';
import { HELM_BINARIES } from '../support/git-repo.js';

const work = mkdtempSync(join(tmpdir(), 'cg-helm-limits-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A chart whose one template is `template`. */
function chart(name: string, template: string): string {
  const dir = join(work, name);
  mkdirSync(join(dir, 'templates'), { recursive: true });
  writeFileSync(join(dir, 'Chart.yaml'), `apiVersion: v2\nname: ${name}\nversion: 1.0.0\n`);
  writeFileSync(join(dir, 'templates/cm.yaml'), template);
  return dir;
}

const MiB = 1024 * 1024;
const loud = chart(
  'loud',
  'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: loud\ndata:\n  x: {{ repeat 3000000 "x" | quote }}\n',
);
const failing = chart('failing', '{{ fail (printf "START-%s-END" (repeat 3000000 "x")) }}\n');

it('reads at most 64 MiB of a render', () => {
  expect(MAX_HELM_OUTPUT_BYTES).toBe(64 * MiB);
});

describe.each(Object.entries(HELM_BINARIES))('helm %s', (_, path) => {
  it('stops helm once its output passes the limit, and says so', async () => {
    const helm = await findHelm(path);
    if (!helm) throw new Error(`no helm at ${path}`);
    const run = await helmTemplate(helm, ['rel', loud], { maxOutputBytes: 1 * MiB });
    expect(run).toMatchObject({ ok: false, outputTooLarge: true, timedOut: false, stdout: '' });
    expect(trimHelmError(run.stderr)).toBe('output over 1 MiB; helm was stopped there');
    const whole = await helmTemplate(helm, ['rel', loud], { maxOutputBytes: 4 * MiB });
    expect(whole).toMatchObject({ ok: true, outputTooLarge: false });
    expect(whole.stdout.length).toBeGreaterThan(3_000_000);
  });

  it("keeps the start and the end of helm's stderr and counts what lies between", async () => {
    const helm = await findHelm(path);
    if (!helm) throw new Error(`no helm at ${path}`);
    const run = await helmTemplate(helm, ['rel', failing]);
    expect(run.ok).toBe(false);
    expect(run.stderr.length).toBeLessThan(81 * 1024 + 100);
    expect(run.stderr).toMatch(/^Error: execution error at \(failing\/templates\/cm\.yaml:1:3\): START-x/m);
    expect(run.stderr).toMatch(/\[… \d+ bytes of helm's messages left out …\]/);
    expect(run.stderr).toContain('x-END');
    const message = trimHelmError(run.stderr);
    expect(message.startsWith('execution error at (failing/templates/cm.yaml:1:3): START-xxx')).toBe(true);
    expect(message.length).toBeLessThanOrEqual(1000);
  });
});

describe("helm's environment", () => {
  it('turns Go garbage collection off up to a soft memory limit, whatever the caller set', () => {
    const saved = {
      GOGC: process.env.GOGC,
      GOMEMLIMIT: process.env.GOMEMLIMIT,
      HELM_NAMESPACE: process.env.HELM_NAMESPACE,
    };
    Object.assign(process.env, { GOGC: '25', GOMEMLIMIT: '64MiB', HELM_NAMESPACE: 'prod' });
    try {
      const env = helmEnv('/tmp/cg-helm-home');
      expect(env.GOGC).toBe('off');
      expect(env.GOMEMLIMIT).toBe(HELM_SOFT_MEMORY_LIMIT);
      expect(env.HELM_NAMESPACE).toBeUndefined();
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });

  it.each(Object.entries(HELM_BINARIES))(
    'still renders a chart with helm %s under that setting',
    async (_label, path) => {
      const helm = (await findHelm(path))!;
      const chart = mkdtempSync(join(tmpdir(), 'cg-gc-chart-'));
      writeFileSync(join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: gc\nversion: 1.0.0\n');
      mkdirSync(join(chart, 'templates'));
      writeFileSync(
        join(chart, 'templates', 'cm.yaml'),
        'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: gc}\ndata:\n{{- range $i := until 2000 }}\n  k{{ $i }}: "{{ $i }}"\n{{- end }}\n',
      );
      try {
        const run = await helmTemplate(helm, ['gc', chart]);
        expect(run.ok).toBe(true);
        expect(run.stdout).toContain('k1999: "1999"');
      } finally {
        rmSync(chart, { recursive: true, force: true });
      }
    },
  );
});
