// Rollout rings: `environments.<env>.ring` (0 test, 1 non-production, 2 production) and `rings.soakDays`, read from
// the config (config.ts); the schema reports a wrong value (config-schema.ts), which is then left out.
import { isScalar, type Node } from 'yaml';
import type { Config, Ring } from '../model/model.js';
import { DEFAULT_SOAK_DAYS, RINGS } from './config-definition.js';
import type { Reader } from './config-reader.js';

/** An environment's `ring:` 0, 1 or 2; undefined otherwise. */
export function readRing(node: Node | null): Ring | undefined {
  const value = isScalar(node) ? node.value : undefined;
  return (RINGS as readonly unknown[]).includes(value) ? (value as Ring) : undefined;
}

/** `rings: { soakDays }`; the defaults for whatever is missing or wrong. */
export function readRings(reader: Reader, node: Node | null): NonNullable<Config['rings']> {
  const rings = { soakDays: DEFAULT_SOAK_DAYS };
  if (!reader.readableMap(node)) return rings;
  for (const [key, child] of reader.entries(node, ['soakDays'])) {
    if (key !== 'soakDays') continue;
    const days = isScalar(child) ? child.value : undefined;
    if (typeof days === 'number' && Number.isInteger(days) && days >= 0) rings.soakDays = days;
  }
  return rings;
}

/** The soak between two rings, in days. */
export function soakDaysOf(config: Pick<Config, 'rings'>): number {
  return config.rings?.soakDays ?? DEFAULT_SOAK_DAYS;
}
