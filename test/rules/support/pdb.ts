// Tiny charts with a Deployment and a PodDisruptionBudget, rendered by real helm as a lint sees them: what the
// pdb-blocks-drain and pdb-selects-nothing tests check.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseManifests } from '../../../src/core/render/manifests.js';
import type { RenderResult } from '../../../src/core/render/types.js';
import { chartContext, NAMESPACE, RELEASE, removeChart, writeChart } from '../../support/render-corpus.js';

export function render(helm: string, dir: string, set: string[] = []): RenderResult {
  const args = ['template', RELEASE, dir, '--namespace', NAMESPACE, ...set.flatMap((s) => ['--set', s])];
  const output = execFileSync(helm, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const chartName = (parse(readFileSync(join(dir, 'Chart.yaml'), 'utf8')) as { name: string }).name;
  return {
    status: 'ok',
    manifests: parseManifests(output, chartName).manifests,
    releaseName: RELEASE,
    namespace: NAMESPACE,
  };
}

export function deployment(name: string, labels: string, replicas?: number): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
${replicas === undefined ? '' : `  replicas: ${replicas}\n`}  selector:
    matchLabels: {${labels}}
  template:
    metadata:
      labels: {${labels}}
    spec:
      containers: [{name: app, image: nginx}]
`;
}

export function pdb(name: string, budget: string, selector: string): string {
  return `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: ${name}
spec:
  ${budget}
  selector:
    ${selector}
`;
}

/** A tiny chart's head render with the given helm, as a lint sees it (no base). */
export function tinyLint(helm: string, files: Record<string, string>, defaults: Record<string, unknown> = {}) {
  const dir = writeChart('app', files);
  try {
    return chartContext('app', { head: render(helm, dir) }, { headDefaults: defaults });
  } finally {
    removeChart(dir);
  }
}
