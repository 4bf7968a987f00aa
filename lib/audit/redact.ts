/** Keys whose string values never reach the log (附表十: passwords are never logged; tokens and hashes neither). */
const SECRET_KEY = /(password|passwd|secret|token|hash)/i;
export const REDACTED = "[已遮蔽]";

/** A copy with secret-looking string values replaced; booleans such as `mustChangePassword` stay readable. */
export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === "object" && !(value instanceof Date))
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, SECRET_KEY.test(k) && typeof v === "string" ? REDACTED : redact(v)]),
    );
  return value;
}
