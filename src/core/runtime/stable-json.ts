// JSON with every map's keys sorted: two values that differ only in key order give the same text, so it can key a
// map or a hash (identical render inputs, identical findings). Key order never changes what helm renders.

export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}
