// Rollout rings: `environments.<env>.ring` (0 test, 1 non-production, 2 production) and `rings.soakDays`, read from
// the config (config.ts), each mistake a problem at its line.
import { isScalar, type Node } from 'yaml';
import type { Config, Ring } from '../model/model.js';
import { DEFAULT_SOAK_DAYS, RINGS } from './config-definition.js';
import type { Reader } from './config-reader.js';

/** An environment's `ring:` 0, 1 or 2; undefined (and a problem) otherwise. */
export function readRing(reader: Reader, node: Node | null, where: string): Ring | undefined {
  const value = isScalar(node) ? node.value : undefined;
  if ((RINGS as readonly unknown[]).includes(value)) return value as Ring;
  reader.problem(node, `${where} must be one of ${RINGS.join(', ')} (0 test, 1 non-production, 2 production)`);
  return undefined;
}

/** `rings: { soakDays }`; the defaults for whatever is missing or wrong. */
export function readRings(reader: Reader, node: Node | null): NonNullable<Config['rings']> {
  const rings = { soakDays: DEFAULT_SOAK_DAYS };
  if (!reader.isMapOrComplain(node, 'rings')) return rings;
  for (const [key, child] of reader.entries(node, ['soakDays'], 'key in rings')) {
    if (key !== 'soakDays') continue;
    const days = isScalar(child) ? child.value : undefined;
    if (typeof days === 'number' && Number.isInteger(days) && days >= 0) rings.soakDays = days;
    else reader.problem(child, 'rings.soakDays must be a whole number of days, 0 or more');
  }
  return rings;
}

/** The soak between two rings, in days. */
export function soakDaysOf(config: Pick<Config, 'rings'>): number {
  return config.rings?.soakDays ?? DEFAULT_SOAK_DAYS;
}
