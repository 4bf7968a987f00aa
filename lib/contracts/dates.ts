/**
 * Calendar dates (YYYY-MM-DD) and instants in Asia/Taipei. Taiwan keeps UTC+8 all year (no daylight
 * saving since 1979), so a fixed offset is exact for any contract date; date arithmetic runs on UTC
 * midnights, where no day is ever 23 or 25 hours long.
 */

export const TAIPEI_OFFSET = "+08:00";
const OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date in YYYY-MM-DD (2027-02-29 is not), or null. */
export function parseDate(text: string): string | null {
  const m = DATE.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const at = new Date(Date.UTC(y, mo - 1, d));
  return at.getUTCFullYear() === y && at.getUTCMonth() === mo - 1 && at.getUTCDate() === d ? text : null;
}

const toUtc = (date: string) => Date.parse(`${date}T00:00:00Z`);
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** Calendar months, clamped to the month's last day: 2027-01-31 + 1 month = 2027-02-28. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return fromUtc(Date.UTC(year, month, Math.min(d, last)));
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(toUtc(date)).getUTCDay();
}

/** The Taipei calendar date of an instant (a UTC time late in the day is already tomorrow in Taipei). */
export function taipeiDate(at: Date): string {
  return fromUtc(at.getTime() + OFFSET_MS);
}

/** An instant as ISO 8601 in +08:00, to the second: 2026-12-02T09:30:00+08:00. */
export function taipeiIso(at: Date): string {
  return `${new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 19)}${TAIPEI_OFFSET}`;
}

/** An ISO 8601 date-time WITH its offset (Z or ±hh:mm); a time without one is ambiguous and refused (null). */
export function parseInstant(text: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) return null;
  if (!parseDate(text.slice(0, 10))) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : new Date(ms);
}

export const addHours = (at: Date, hours: number) => new Date(at.getTime() + hours * 60 * 60 * 1000);
