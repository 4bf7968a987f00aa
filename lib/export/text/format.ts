/** zh-TW wording shared by the model and the renderers. */

const DIGITS = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (as Word's taiwaneseCountingThousand writes them). */
export function zhNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) return String(n);
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ""}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ""}`;
  if (n < 1000) {
    const rest = n % 100;
    return `${DIGITS[Math.floor(n / 100)]}百${rest === 0 ? "" : rest < 10 ? `零${DIGITS[rest]}` : rest < 20 ? `一${zhNumber(rest)}` : zhNumber(rest)}`;
  }
  const rest = n % 1000;
  return `${DIGITS[Math.floor(n / 1000)]}千${rest === 0 ? "" : rest < 100 ? `零${zhNumber(rest)}` : zhNumber(rest)}`;
}

/** "新臺幣12,000,000元". */
export function formatNtd(value: number): string {
  return `新臺幣${value.toLocaleString("en-US")}元`;
}

export type TDateParts = { year: number; month: number; day: number };

/**
 * The calendar date in Taiwan: a document generated at 23:30 UTC is dated the next day there, and
 * the server's own time zone must not decide what an agency's document says.
 */
export function taipeiDate(at: Date): TDateParts {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone: "Asia/Taipei", year: "numeric", month: "numeric", day: "numeric" }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get("year"), month: get("month"), day: get("day") };
}

/** "中華民國115年3月4日", as agencies date their documents. */
export function rocLongDate(at: Date): string {
  const d = taipeiDate(at);
  return `中華民國${d.year - 1911}年${d.month}月${d.day}日`;
}

/** "115-03-04" (short ROC form for footers). */
export function rocShortDate(at: Date): string {
  const d = taipeiDate(at);
  return `${d.year - 1911}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
}

/** "20260304": the date in file names. */
export function compactDate(at: Date): string {
  const d = taipeiDate(at);
  return `${d.year}${String(d.month).padStart(2, "0")}${String(d.day).padStart(2, "0")}`;
}

/** "2023-09-25" → "112-09-25". */
export function rocIsoDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-");
  return `${Number(year) - 1911}-${month}-${day}`;
}
