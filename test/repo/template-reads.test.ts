// The reads of string defaults a chart passes through tpl (issue 19 §1): loki keeps its config as a templated string in
// values.yaml. Unit level (template-reads.ts), then through loadChart on the loki fixture of test/fixtures/reads.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadChart } from '../../src/core/repo/chart-loader.js';
import { GitSnapshot } from '../../src/core/repo/git-snapshot.js';
import { addRead, addTplReads, callsTpl, sortedReads } from '../../src/core/repo/template-reads.js';
import { formatKeyPath, type KeyPath } from '../../src/core/values/key-path.js';
import { PROJECT_DIR, TestRepo } from '../support/git-repo.js';

/** The reads after addTplReads, given the template reads and the defaults, as --set paths. */
function withTplReads(templateReads: KeyPath[], defaults: Record<string, unknown>): string[] {
  const reads = new Map<string, KeyPath>();
  for (const read of templateReads) addRead(reads, read);
  addTplReads(defaults, reads);
  return sortedReads(reads).map((path) => formatKeyPath(path));
}

describe('callsTpl', () => {
  it.each([
    ['{{ tpl .Values.loki.config . }}', true],
    ['{{- tpl (. | toYaml) $ | nindent 4 }}', true],
    ['{{ tpl (mergeOverwrite (tpl .Values.loki.config . | fromYaml) .Values.x | toYaml) . }}', true],
    ['{{ include "common.tplvalues.render" (dict "value" .Values.x "context" $) }}', false],
    ['{{ include "loki.tpl" . }}', false],
    ['{{/* rendered with tpl elsewhere */}}{{ .Values.x }}', false],
  ])('%s: %s', (text, expected) => {
    expect(callsTpl(text)).toBe(expected);
  });
});

describe('addTplReads', () => {
  const config =
    '{{- with .Values.loki.limits_config }}\nlimits_config:\n  {{- tpl (. | toYaml) $ | nindent 4 }}\n{{- end }}';

  it('adds the reads of a string default a template reads', () => {
    const defaults = { loki: { config, limits_config: { reject_old_samples: true } } };
    expect(withTplReads([['loki', 'config']], defaults)).toEqual(['loki.config', 'loki.limits_config']);
  });

  it('counts a string below a map a template reads whole, list items too', () => {
    const defaults = { extraObjects: [{ metadata: { name: '{{ .Values.prefix }}-extra' } }] };
    expect(withTplReads([['extraObjects']], defaults)).toEqual(['extraObjects', 'prefix']);
  });

  it('leaves out a string no template reads', () => {
    expect(withTplReads([['other']], { loki: { config } })).toEqual(['other']);
  });

  it('follows a string that a read string makes read', () => {
    const defaults = { a: '{{ tpl .Values.b . }}', b: '{{ .Values.c }}', c: 'x' };
    expect(withTplReads([['a']], defaults)).toEqual(['a', 'b', 'c']);
  });
});

describe('loadChart: a chart that renders a string default with tpl', () => {
  const repos: TestRepo[] = [];
  afterAll(() => {
    for (const repo of repos) repo.cleanup();
  });
  const load = async (chart: string) => {
    const repo = new TestRepo('cg-tpl-reads-');
    repos.push(repo);
    repo.copy(join(PROJECT_DIR, 'test/fixtures/reads', chart, 'loki'), 'charts/loki');
    const sha = repo.commit('loki');
    return loadChart(new GitSnapshot(repo.dir, sha, sha), 'charts/loki');
  };

  it('loki 6.0.0: loki.config reads loki.limits_config, loki.server, loki.commonConfig, loki.compactor', async () => {
    const chart = await load('loki-6.0.0');
    const reads = chart?.templateReads.map((path) => formatKeyPath(path)) ?? [];
    for (const key of [
      'loki.limits_config',
      'loki.server',
      'loki.commonConfig',
      'loki.compactor',
      'loki.auth_enabled',
    ]) {
      expect(reads).toContain(key);
    }
  });
});
