import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { extractUpgradeNotes, parseArtifactHubChanges, parseSections } from '../../src/core/repo/upgrade-notes.js';
import { corpusChart } from '../support/git-repo.js';

const readme = (pair: string) => readFileSync(join(corpusChart(pair, 'new'), 'README.md'), 'utf8');

describe('README upgrade notes', () => {
  it.each([
    ['prometheus-node-exporter-3.4.0-to-4.0.0', '3.4.0', '4.0.0', '3.x to 4.x', 'kubectl delete daemonset'],
    ['prometheus-pushgateway-1.21.1-to-2.0.0', '1.21.1', '2.0.0', 'To 2.0.0', 'labels mapping'],
    ['mariadb-7.10.4-to-8.0.0', '7.10.4', '8.0.0', 'To 8.0.0', 'primary.persistence.existingClaim'],
    ['cassandra-4.1.15-to-5.0.0', '4.1.15', '5.0.0', '5.0.0', 'kubectl delete sts'],
    ['prometheus-kafka-exporter-2.18.0-to-3.0.0', '2.18.0', '3.0.0', '2.x to 3.x', 'pod security policies'],
    ['mariadb-19.1.2-to-20.0.0', '19.1.2', '20.0.0', 'To 20.0.0', '--cascade=false'],
  ])('finds the note of %s', (pair, from, to, heading, excerpt) => {
    const notes = extractUpgradeNotes(readme(pair), from, to);
    expect(notes.map((n) => n.heading)).toEqual([heading]);
    expect(notes[0].text).toContain(excerpt);
  });

  it('collects every crossed version, newest first', () => {
    const notes = extractUpgradeNotes(readme('mariadb-19.1.2-to-20.0.0'), '16.5.0', '20.0.0');
    expect(notes.map((n) => n.heading)).toEqual(['To 20.0.0', 'To 19.0.0', 'To 18.0.0', 'To 17.0.0']);
  });

  it('finds nothing for a patch bump', () => {
    expect(extractUpgradeNotes(readme('zookeeper-13.4.10-to-13.4.11'), '13.4.10', '13.4.11')).toEqual([]);
  });

  it('ignores "#" lines inside code fences', () => {
    const md =
      '## Upgrading\n### To 2.0.0\n```sh\n# If x = 1\nkubectl delete sts a\n```\nthen upgrade\n### To 1.0.0\nold';
    const notes = extractUpgradeNotes(md, '1.5.0', '2.0.0');
    expect(notes).toHaveLength(1);
    expect(notes[0].text).toContain('then upgrade');
    expect(parseSections(md).map((s) => s.title)).toEqual(['Upgrading', 'To 2.0.0', 'To 1.0.0']);
  });

  it('keeps a long note to whole blocks: a code block over the limit is left out, not cut mid-command', () => {
    const intro = `${'Read this first. '.repeat(200).trim()}\n\n`;
    const command = `\`\`\`sh\n${'kubectl delete statefulset db --cascade=orphan\n'.repeat(60)}\`\`\`\n`;
    const md = `## Upgrading\n### To 2.0.0\n${intro}${command}\nThen upgrade.`;
    const [note] = extractUpgradeNotes(md, '1.0.0', '2.0.0');
    expect(note.text).toBe(`${intro.trim()}\n\n…`);
    // a short note is kept as written
    const [short] = extractUpgradeNotes('## Upgrading\n### To 2.0.0\n```sh\nkubectl x\n```\n', '1.0.0', '2.0.0');
    expect(short.text).toBe('```sh\nkubectl x\n```');
  });

  it('does not take a plain version heading outside an upgrade section', () => {
    expect(extractUpgradeNotes('## Changelog\n### 2.0.0\nstuff', '1.0.0', '2.0.0')).toEqual([]);
  });

  it('reads artifacthub.io/changes in both shapes', () => {
    const changes = parseArtifactHubChanges('- kind: fixed\n  description: selector labels\n- plain change\n', parse);
    expect(changes).toEqual(['fixed: selector labels', 'plain change']);
    expect(parseArtifactHubChanges('not: a list', parse)).toEqual([]);
  });
});
