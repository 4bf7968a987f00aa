/** JSON with object keys sorted, so equal values give equal text (Dates as ISO strings, bigints as strings). */
export function canonicalJson(value: unknown): string {
  return (
    JSON.stringify(value, (_key, v: unknown) => {
      if (typeof v === "bigint") return v.toString();
      if (v && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date))
        return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      return v;
    }) ?? "null"
  );
}

/** Stored snapshots are re-read leniently: text that is not JSON is shown as it is rather than failing the log. */
export function parseSnapshot(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
