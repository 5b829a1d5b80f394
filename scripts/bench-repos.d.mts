// Types of bench-repos.mjs for the tests that build the same repositories (test/render/identity.test.ts).
export interface BareRender {
  release: string;
  path: string;
  extra?: string[];
}

export interface BuiltBump {
  repo: string;
  base: string;
  head: string;
  charts: { chart: string }[];
  renders: BareRender[];
}

export const root: string;
export const corpus: string;
export function gitIn(repo: string): (...args: string[]) => string;
export function corpusPairs(): string[];
export function buildCorpusBump(repo: string, pairs: string[]): BuiltBump;
export function buildLargeBump(repo: string): BuiltBump;
export function buildIdentityBump(repo: string): BuiltBump;
export function buildFleet(dir: string, count: number, options?: { environments?: number }): string;
