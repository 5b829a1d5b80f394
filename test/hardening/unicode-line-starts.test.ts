// The runner splits a step's output at "\n", "\r" and "\r\n" only (.NET's line reader), then takes a line as a
// workflow command when it starts with "::" after .NET's TrimStart, which trims every char.IsWhiteSpace character:
// JavaScript's \s except that it also trims NEL (U+0085), which \s leaves out. A line from the pull request that
// starts with NEL then "::add-mask::" was a command once the guard matched \s alone. U+2028, U+2029 and NEL are no
// line breaks to the runner, so only a line's start matters.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inertLine, inertText } from '../../src/format/workflow-commands.js';
import { type BuiltCli, buildCli } from '../support/cli-bundle.js';
import { HELM_BINARIES } from '../support/git-repo.js';
import { preexistingBump } from '../support/preexisting-bump.js';

/** Every character .NET's char.IsWhiteSpace accepts (Zs, Zl, Zp, U+0009-U+000D, U+0085): what TrimStart removes. */
const DOTNET_WHITESPACE = [
  '\t',
  '\n',
  '\u000B',
  '\f',
  '\r',
  ' ',
  '\u0085',
  '\u00A0',
  '\u1680',
  ...Array.from({ length: 11 }, (_, i) => String.fromCharCode(0x2000 + i)),
  '\u2028',
  '\u2029',
  '\u202F',
  '\u205F',
  '\u3000',
];
const DOTNET_WHITESPACE_RUN = new RegExp(`^[${DOTNET_WHITESPACE.join('')}]*`, 'u');

/** The lines the runner reads from this output that it would take as workflow commands. */
function commandsIn(output: string): string[] {
  return output.split(/\r\n|\r|\n/).filter((line) => line.replace(DOTNET_WHITESPACE_RUN, '').startsWith('::'));
}

describe('a line that starts with what the runner trims, then "::"', () => {
  it.each(DOTNET_WHITESPACE.map((c) => [`U+${c.codePointAt(0)!.toString(16).padStart(4, '0')}`, c]))(
    '%s: no workflow command, in a log line or in printed text',
    (_, space) => {
      const hostile = `${space}::add-mask::secret`;
      expect(commandsIn(inertLine(hostile))).toEqual([]);
      expect(commandsIn(inertText(`report\n${hostile}\n${space}${space}::stop-commands::x`))).toEqual([]);
      // a piece that continues a line an earlier write left open is no line start (unless it breaks the line itself)
      if (!/[\n\r]/.test(space)) expect(commandsIn(inertText(hostile, false))).toEqual([hostile]);
    },
  );

  it('keeps U+2028, U+2029 and NEL inside a line as they are: the runner does not break lines there', () => {
    const text = 'a\u2028::warning::x\u2029b\u0085c';
    expect(inertLine(text)).toBe(text);
    expect(inertText(text)).toBe(text);
  });
});

describe.each(Object.entries(HELM_BINARIES))(
  'a chart README and override keys with NEL line starts, helm %s',
  (_, helm) => {
    const TOKEN = 'ghp_unicodeLineStartToken0123456789abcdef';
    const outside = mkdtempSync(join(tmpdir(), 'cg-outside-'));
    const { repo, base } = preexistingBump('cg-unicode-lines-');
    let cli: BuiltCli;
    let head = '';
    beforeAll(() => {
      cli = buildCli();
      repo
        .write(
          'charts/web/README.md',
          '# web\n\n## Upgrading\n\n### To 1.1.0\n\n\u0085::add-mask::readme\n\n```\n\u0085::warning::forged\n```\n\u2028::notice::x\n',
        )
        .write('values/web.yaml', 'image:\n  pullPolicy: Always\n"a\\n\\u0085::add-mask::key\\u2028::warning::k": 1\n');
      head = repo.commit('web 1.1.0 with hostile line starts');
    }, 120_000);
    afterAll(() => {
      cli?.cleanup();
      repo.cleanup();
      rmSync(outside, { recursive: true, force: true });
    });

    it.each(['text', 'markdown', 'json'])(
      'prints no workflow command in the %s format, still fails on the removed key (exit 1), leaks no token',
      (format) => {
        const args = [cli.path, 'review', '--base', base, '--head', head, '--format', format, '--helm', helm];
        const env = { ...process.env, GITHUB_TOKEN: TOKEN, TMPDIR: outside };
        const run = spawnSync(process.execPath, args, { cwd: repo.dir, env, encoding: 'utf8' });
        expect(commandsIn(run.stdout)).toEqual([]);
        expect(commandsIn(run.stderr)).toEqual([]);
        expect(run.stdout).toContain('image.pullPolicy');
        expect(run.status).toBe(1);
        expect(run.stdout + run.stderr).not.toContain(TOKEN);
        expect(readdirSync(outside)).toEqual([]);
      },
      60_000,
    );
  },
);
