/** Times are shown in Taiwan's time zone, whatever the server's or browser's own is, on a 24-hour clock. */
export const TAIPEI = "Asia/Taipei";

const STYLES = {
  /** 2026/11/25 23:54:30 */
  datetime: { timeZone: TAIPEI, hourCycle: "h23" },
  /** 23:54:30 */
  time: { timeZone: TAIPEI, hourCycle: "h23", hour: "2-digit", minute: "2-digit", second: "2-digit" },
  /** 11/25 23:54 */
  short: { timeZone: TAIPEI, hourCycle: "h23", month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

/** The one Taipei-time formatter for what users read (zh-TW). */
export function taipeiTime(at: Date | string, style: keyof typeof STYLES = "datetime"): string {
  return new Date(at).toLocaleString("zh-TW", STYLES[style]);
}

/** Today's date in Taipei, "2026-11-25". */
export function taipeiToday(now: Date = new Date()): string {
  return now.toLocaleDateString("sv-SE", { timeZone: TAIPEI });
}
