// Object names in the runbook and in rule remedies come from a render of the pull request's templates. helm template
// renders any name (`--all`, `x$(touch …)`), so a name must reach kubectl as one word that is never a flag: pasted
// or run by a deploy tool, each command touches only the object it names.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { UpgradeActions } from '../../src/core/report/report.js';
import {
  isObjectName,
  kubectlObject,
  kubectlObjects,
  labelSelectorWord,
  namespaceFlag,
} from '../../src/core/rules/analysis/kubectl-words.js';
import type { ChartContext } from '../../src/core/rules/rule.js';
import { tinyPairContext } from '../support/render-corpus.js';
import { plannedBump } from '../support/runbook.js';

const work = mkdtempSync(join(tmpdir(), 'cg-runbook-names-'));
const MARKER = join(work, 'pwned');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const workload = (kind: string, name: string, labels: Record<string, string>) => `apiVersion: apps/v1
kind: ${kind}
metadata: {name: ${JSON.stringify(name)}}
spec:
  ${kind === 'StatefulSet' ? 'serviceName: db\n  replicas: 2\n  ' : ''}selector: {matchLabels: ${JSON.stringify(labels)}}
  template:
    metadata: {labels: ${JSON.stringify(labels)}}
    spec: {containers: [{name: web, image: 'nginx:1'}]}
`;

const HOSTILE = ['--all', `x$(touch ${MARKER})`, "a'b;touch " + MARKER];

function runbookOf(ctx: ChartContext): { actions: UpgradeActions; remedies: string[] } {
  const { actions, findings } = plannedBump(ctx);
  const remedies = findings.flatMap((f) => [...(f.remedy ?? '').matchAll(/`((?:kubectl) [^`]+)`/g)].map((m) => m[1]));
  return { actions, remedies };
}

/** Runs a command line in sh with kubectl a function that records its argv, one word per line. */
function argvOf(command: string): string[] {
  const out = join(work, 'argv');
  rmSync(out, { force: true });
  const script = `kubectl() { printf '%s\\n' "$@" >> ${out}; }\n${command}`;
  const run = spawnSync('sh', ['-c', script], { encoding: 'utf8', env: { PATH: process.env.PATH } });
  expect(run.status, `${command}\n${run.stderr}`).toBe(0);
  return existsSync(out) ? readFileSync(out, 'utf8').split('\n').slice(0, -1) : [];
}

describe('hostile object names in the runbook (real helm render)', () => {
  // head: the selector of every workload changes (immutable-field-changed: delete + cleanup), and each is rendered
  // under a name the pull request chose; base: the same objects, so the findings hold on both names
  const base: Record<string, string> = {};
  const head: Record<string, string> = {};
  HOSTILE.forEach((name, i) => {
    base[`templates/d${i}.yaml`] = workload('Deployment', name, { app: `web${i}` });
    head[`templates/d${i}.yaml`] = workload('Deployment', name, { app: `web${i}`, tier: 'edge' });
    base[`templates/s${i}.yaml`] = workload('StatefulSet', `${name}-db`, { app: `db${i}` });
    head[`templates/s${i}.yaml`] = workload('StatefulSet', `${name}-db`, { app: `db${i}`, tier: 'edge' });
  });
  const { actions, remedies } = runbookOf(tinyPairContext('web', base, head));
  const commands = [...actions.steps.flatMap((s) => s.commands), ...remedies].filter((c) => c.startsWith('kubectl '));

  it('has kubectl commands for the hostile objects, in the runbook and in the remedies', () => {
    expect(commands.length).toBeGreaterThan(HOSTILE.length * 2);
    expect(remedies.length).toBeGreaterThan(0);
    for (const name of HOSTILE)
      expect(commands.some((c) => c.includes(name) || argvOf(c).some((w) => w.includes(name)))).toBe(true);
  });

  it('runs no second command and no command substitution when a shell reads them', () => {
    for (const command of commands) argvOf(command);
    expect(existsSync(MARKER)).toBe(false);
  });

  it('gives kubectl each hostile name inside one TYPE/NAME word, never as a flag of its own', () => {
    for (const command of commands) {
      const argv = argvOf(command);
      expect(argv).not.toContain('--all');
      for (const name of HOSTILE) {
        const words = argv.filter((w) => w.includes(name));
        for (const word of words) expect(word, command).toMatch(/^[a-z.]+\/|^pod\//);
      }
    }
  });
});

describe('kubectl words', () => {
  it('keeps names the API server accepts as they are', () => {
    expect(kubectlObject('statefulset', 'rel-db')).toBe('statefulset rel-db');
    expect(kubectlObjects('pvc', ['data-db-0', 'data-db-1'])).toBe('pvc data-db-0 data-db-1');
    expect(namespaceFlag('demo')).toBe(' -n demo');
    expect(labelSelectorWord('app=web,release=rel')).toBe('app=web,release=rel');
  });

  it('writes any other name as one quoted TYPE/NAME word', () => {
    expect(isObjectName('--all')).toBe(false);
    expect(kubectlObject('deployment', '--all')).toBe('deployment/--all');
    expect(kubectlObject('pod', 'a b')).toBe("'pod/a b'");
    expect(kubectlObjects('pvc', ['ok', '$(x)'])).toBe("pvc/ok 'pvc/$(x)'");
    expect(namespaceFlag("x';y")).toBe(` -n 'x'\\'';y'`);
    expect(labelSelectorWord('app=web,tier!=edge')).toBe("'app=web,tier!=edge'");
  });
});
