// Rollout rings in the config: `environments.<env>.ring` (0, 1 or 2) and `rings.soakDays` (default 7); a mistake is
// a problem at its line, the rest of the file still applies.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/core/config/config.js';
import { soakDaysOf } from '../../src/core/config/rings.js';

const parse = (text: string) => parseConfig(text, '.github/chart-guard.yaml');

describe('rollout rings', () => {
  it('reads each environment ring and the soak', () => {
    const config = parse(
      'environments:\n  test: { ring: 0, kubernetes: "1.24" }\n  prod: { ring: 2 }\n  lab: {}\nrings:\n  soakDays: 14\n',
    );
    expect(config.problems).toEqual([]);
    expect(config.environments.map((e) => [e.name, e.ring])).toEqual([
      ['test', 0],
      ['prod', 2],
      ['lab', undefined],
    ]);
    expect(soakDaysOf(config)).toBe(14);
  });

  it('soaks 7 days by default, and 0 is a soak too', () => {
    expect(soakDaysOf(parse('environments:\n  test: { ring: 0 }\n'))).toBe(7);
    expect(soakDaysOf(parse('rings: { soakDays: 0 }\n'))).toBe(0);
  });

  it('reports a ring outside 0-2 and a soak that is not a whole number of days, at their lines', () => {
    const config = parse('environments:\n  test:\n    ring: 3\nrings:\n  soakDays: -1\n');
    expect(config.environments[0].ring).toBeUndefined();
    expect(soakDaysOf(config)).toBe(7);
    const lines = config.problems.map((p) => p.line);
    expect(lines).toContain(3);
    expect(lines).toContain(5);
    expect(config.problems.some((p) => p.message.includes('environments.test.ring must be one of 0, 1, 2'))).toBe(true);
  });
});
