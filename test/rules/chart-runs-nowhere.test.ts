import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/core/config/config.js';
import { chartRunsNowhere } from '../../src/core/rules/chart-runs-nowhere.js';
import { lockfile, repoContext } from './support/contexts.js';

const PATH = '.github/chart-guard.yaml';
const LOCKFILE = lockfile(
  '  - name: redis\n    version: 17.0.0\n    repo_name: bitnami\n  - name: karpenter\n    version: 0.33.0\n    repo_name: karpenter\n',
);
const ENVIRONMENTS = 'environments:\n  aws: {}\n  gcp: {}\n';

const check = (config: string, base?: string) =>
  chartRunsNowhere.check(
    repoContext({
      config: parseConfig(config, PATH),
      head: LOCKFILE,
      ...(base !== undefined ? { base: lockfile(base) } : {}),
    }),
  );

describe('chart-runs-nowhere', () => {
  it('names a chart whose environments list is empty, at the line of that list', () => {
    const config = `${ENVIRONMENTS}charts:\n  karpenter:\n    environments: []\n`;
    expect(check(config)).toEqual([
      {
        message:
          'karpenter runs in no environment (charts.karpenter.environments is empty): it is never rendered or checked.',
        file: PATH,
        line: 6,
        remedy:
          'List the environments that deploy it in charts.karpenter.environments, or remove its entry from helm-freeze.yaml if no cluster runs it.',
      },
    ]);
  });

  it('names a chart that every environment it is scoped to switches off', () => {
    const config = `environments:\n  aws:\n    charts:\n      karpenter: { enabled: false }\n  gcp: {}\ncharts:\n  karpenter:\n    environments: [aws]\n`;
    expect(check(config).map((f) => [f.line, f.message])).toEqual([
      [
        8,
        'karpenter runs in no environment (charts.karpenter.environments is aws; enabled: false in aws): it is never rendered or checked.',
      ],
    ]);
  });

  it('points at the switch when only environments switch it off', () => {
    const config = `environments:\n  aws:\n    charts:\n      karpenter: { enabled: false }\n  gcp:\n    charts:\n      karpenter:\n        enabled: false\n`;
    expect(check(config).map((f) => [f.line, f.message])).toEqual([
      [4, 'karpenter runs in no environment (enabled: false in aws, gcp): it is never rendered or checked.'],
    ]);
  });

  it('says nothing of a chart that runs somewhere, nor without environments', () => {
    expect(check(`${ENVIRONMENTS}charts:\n  karpenter:\n    environments: [gcp]\n`)).toEqual([]);
    expect(check('charts:\n  karpenter:\n    environments: []\n')).toEqual([]);
  });

  it('in a review, names only the charts the change adds or bumps', () => {
    const config = `${ENVIRONMENTS}charts:\n  karpenter:\n    environments: []\n  redis:\n    environments: []\n`;
    const base =
      '  - name: redis\n    version: 17.0.0\n    repo_name: bitnami\n  - name: karpenter\n    version: 0.32.0\n';
    expect(check(config, base).map((f) => f.message.split(' ')[0])).toEqual(['karpenter']);
  });
});
