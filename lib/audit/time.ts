/** Audit times are shown in Taiwan's time zone whatever the server's own is. */
export const AUDIT_TIME_ZONE = "Asia/Taipei";

const PARTS = new Intl.DateTimeFormat("en-CA", {
  timeZone: AUDIT_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** "2026-11-25T23:54:30+08:00": ISO 8601 in Taipei time, the offset computed rather than assumed. */
export function formatTaipei(at: Date): string {
  const p = Object.fromEntries(PARTS.formatToParts(at).map((x) => [x.type, x.value])) as Record<string, string>;
  const local = Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!);
  const offset = Math.round((local - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
  const sign = offset < 0 ? "-" : "+";
  const hh = String(Math.floor(Math.abs(offset) / 60)).padStart(2, "0");
  const mm = String(Math.abs(offset) % 60).padStart(2, "0");
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${sign}${hh}:${mm}`;
}

/** A calendar day in Taipei ("2026-11-25") as the half-open range [from, to) a filter needs; null if not a date. */
export function taipeiDay(day: string): { from: Date; to: Date } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  // Taiwan has kept UTC+8 without daylight saving since 1980, so a day starts at 16:00 UTC the day before.
  const from = new Date(`${m[1]}-${m[2]}-${m[3]}T00:00:00+08:00`);
  // Round trip, so "2026-02-30" is refused rather than rolled over into March.
  if (Number.isNaN(from.getTime()) || formatTaipei(from).slice(0, 10) !== day) return null;
  return { from, to: new Date(from.getTime() + 86_400_000) };
}
