import { canonicalJson } from "./json";

export type TChanges<B extends object, A extends object> = { before: Partial<B>; after: Partial<A> };

/**
 * Only the top-level keys whose values differ (compared as canonical JSON), so an entry records what changed
 * rather than the whole row. A key present on one side only appears on that side. Null: nothing changed.
 * A missing `before` (a creation) or `after` (a removal) counts as an empty object.
 */
export function changes<B extends object, A extends object>(before: B | null | undefined, after: A | null | undefined): TChanges<B, A> | null {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const out = { before: {} as Record<string, unknown>, after: {} as Record<string, unknown> };
  let changed = false;
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (canonicalJson(b[key]) === canonicalJson(a[key])) continue;
    changed = true;
    if (b[key] !== undefined) out.before[key] = b[key];
    if (a[key] !== undefined) out.after[key] = a[key];
  }
  return changed ? (out as TChanges<B, A>) : null;
}
