// Sharding a run: `--shard i/n` analyses only the chart × environment pairs that hash to shard i, so n CI jobs
// share a fleet's renders and `chart-guard merge` (merge-reports.ts) puts their reports back together.
// A pair's shard is a hash of the chart folder and the environment name, not a position: adding or removing a
// chart never moves another pair to a different shard, so each shard's work stays a sub-multiset of the whole run's.
import { createHash } from 'node:crypto';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** "2/3" -> { index: 2, count: 3 }; a message for anything else (0/3, 4/3, x, 1/0). */
export function parseShard(text: string): Shard | string {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!match) return `must be INDEX/COUNT, such as 2/3 (got "${text}")`;
  const [index, count] = [Number(match[1]), Number(match[2])];
  if (count < 1) return `needs a count of at least 1 (got "${text}")`;
  if (index < 1 || index > count) return `index must be between 1 and ${count} (got "${text}")`;
  return { index, count };
}

/**
 * The 1-based shard of one chart folder in one environment (undefined or '' for the implicit environment of a
 * config without `environments`): sha256 of `dir \0 environment`, its first 48 bits modulo the count.
 */
export function shardOf(dir: string, environment: string | undefined, count: number): number {
  const digest = createHash('sha256')
    .update(`${dir}\u0000${environment ?? ''}`)
    .digest();
  return (digest.readUIntBE(0, 6) % count) + 1;
}

/** Whether the pair belongs to the shard (every pair does without one). */
export function inShard(shard: Shard | undefined, dir: string, environment: string | undefined): boolean {
  return !shard || shardOf(dir, environment, shard.count) === shard.index;
}

export function shardText(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}
