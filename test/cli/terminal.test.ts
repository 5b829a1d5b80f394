import { describe, expect, it } from 'vitest';
import { describeError, useColor } from '../../src/cli/terminal.js';

describe('useColor', () => {
  it('colours a terminal and not a pipe', () => {
    expect(useColor({}, true)).toBe(true);
    expect(useColor({}, false)).toBe(false);
  });

  it('turns colour off on a terminal when NO_COLOR is set and not empty', () => {
    expect(useColor({ NO_COLOR: '1' }, true)).toBe(false);
    expect(useColor({ NO_COLOR: '' }, true)).toBe(true);
  });

  it('lets FORCE_COLOR win over NO_COLOR and the terminal check, as Node does', () => {
    expect(useColor({ FORCE_COLOR: '1', NO_COLOR: '1' }, false)).toBe(true);
    expect(useColor({ FORCE_COLOR: '' }, false)).toBe(true);
    expect(useColor({ FORCE_COLOR: '0' }, true)).toBe(false);
    expect(useColor({ FORCE_COLOR: 'false' }, true)).toBe(false);
  });
});

describe('describeError', () => {
  it('keeps the first line of the message', () => {
    expect(describeError(new Error('git failed\nmore detail'))).toBe('git failed');
  });

  it('names the file and line when the error carries them', () => {
    const error = Object.assign(new Error('cannot parse'), { file: 'values/mariadb.yaml', line: 12 });
    expect(describeError(error)).toBe('values/mariadb.yaml:12: cannot parse');
  });
});
