import { describe, expect, it } from 'vitest';
import { inertStream } from '../../src/cli/terminal.js';
import { inertLine, inertText } from '../../src/format/workflow-commands.js';

/** A line the runner would obey: "::" once whitespace is trimmed (as .NET's TrimStart does), or "##[" anywhere. */
const isCommand = (line: string) => /^\s*::/u.test(line) || line.includes('##[');

describe('inertLine', () => {
  it('keeps an ordinary line as it is', () => {
    expect(inertLine('chart-guard: rendering charts with helm v4.1.4')).toBe(
      'chart-guard: rendering charts with helm v4.1.4',
    );
  });

  it('breaks a command at the start, after spaces, tabs, Unicode spaces or colour codes', () => {
    for (const line of [
      '::add-mask::x',
      '  ::stop-commands::tok',
      '\t::warning file=a::x',
      '\u3000::set-output name=a::b',
    ])
      expect(isCommand(inertLine(line)), line).toBe(false);
    expect(inertLine('\u001B[31m::error::x')).toBe('\u001B[31m:\u200B:error::x');
    expect(inertLine('::add-mask::x')).toBe(':\u200B:add-mask::x');
  });

  it('breaks the older ##[command] form anywhere in the line', () => {
    expect(inertLine('key ##[add-mask]secret')).toBe('key ##\u200B[add-mask]secret');
  });

  it('shows line breaks inside a value, so no value starts a line of its own', () => {
    expect(inertLine('merging a\n::add-mask::x and b\r::stop-commands::t')).toBe(
      'merging a\\n::add-mask::x and b\\r::stop-commands::t',
    );
  });
});

describe('inertText', () => {
  it('keeps every line of a report and makes none a command, a lone CR included', () => {
    const text = 'first\n    ::add-mask::x\r::stop-commands::tok\r\nlast ##[warning]x\n';
    const inert = inertText(text);
    expect(inert.split('\n')).toHaveLength(5);
    expect(inert.split('\n').filter(isCommand)).toEqual([]);
    expect(inert.replace(/\u200B/g, '')).toBe('first\n    ::add-mask::x\n::stop-commands::tok\nlast ##[warning]x\n');
  });

  it('leaves "::" inside a line alone, where the runner does not look', () => {
    expect(inertText('key: a::b\n')).toBe('key: a::b\n');
    expect(inertText('::continued', false)).toBe('::continued');
  });
});

describe('inertStream', () => {
  it('knows a write that continues a line from one that starts it', () => {
    const written: string[] = [];
    const stream = inertStream({ write: (text: string) => written.push(text), isTTY: true });
    stream.write('value: ');
    stream.write('::not-a-line-start\n');
    stream.write('::add-mask::x\n');
    expect(written).toEqual(['value: ', '::not-a-line-start\n', ':\u200B:add-mask::x\n']);
    expect(stream.isTTY).toBe(true);
  });
});
