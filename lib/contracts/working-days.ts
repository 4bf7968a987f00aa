import type { TCalendarYear } from "../catalogue/schema/calendar";
import { addDays, weekday } from "./dates";

/**
 * Working days of the 行政機關辦公日曆: Monday–Friday, less the weekdays off, plus the weekend days
 * that are worked (補班). A year without data counts plain Monday–Friday and says so (a warning the UI
 * shows); a year whose file is not yet verified against the official calendar says that too.
 */

export interface TWorkCalendar {
  years: ReadonlyMap<number, { holidays: ReadonlySet<string>; workdays: ReadonlySet<string>; verified: boolean; document: string }>;
}

export interface TCalendarWarning {
  kind: "missing-year" | "unverified-year";
  year: number;
  message: string;
}

export function workCalendar(years: readonly TCalendarYear[]): TWorkCalendar {
  return {
    years: new Map(
      years.map((y) => [
        y.year,
        {
          holidays: new Set(y.holidays.map((d) => d.date)),
          workdays: new Set(y.workdays.map((d) => d.date)),
          verified: y.verification !== null,
          document: y.source.document,
        },
      ]),
    ),
  };
}

const roc = (year: number) => `民國${year - 1911}年`;

/** Is `date` a working day; which warning (if any) its year carries. */
export function isWorkingDay(date: string, calendar: TWorkCalendar): { working: boolean; warning: TCalendarWarning | null } {
  const year = Number(date.slice(0, 4));
  const data = calendar.years.get(year);
  const dow = weekday(date);
  const weekdayRule = dow !== 0 && dow !== 6;
  if (!data)
    return {
      working: weekdayRule,
      warning: {
        kind: "missing-year",
        year,
        message: `無${roc(year)}（${year}）之行政機關辦公日曆資料，工作天以星期一至星期五計算（未扣除國定假日），請自行核對。`,
      },
    };
  const working = data.workdays.has(date) || (weekdayRule && !data.holidays.has(date));
  return {
    working,
    warning: data.verified
      ? null
      : { kind: "unverified-year", year, message: `${roc(year)}（${year}）之辦公日曆資料尚未與人事行政總處公告核對，工作天之計算請自行確認。` },
  };
}

/** The n-th working day after `date` (the date itself never counts); n = 0 → `date`. */
export function addWorkingDays(date: string, n: number, calendar: TWorkCalendar): { date: string; warnings: TCalendarWarning[] } {
  const warnings = new Map<string, TCalendarWarning>();
  let at = date;
  for (let left = n; left > 0;) {
    at = addDays(at, 1);
    const day = isWorkingDay(at, calendar);
    if (day.warning) warnings.set(`${day.warning.kind}:${day.warning.year}`, day.warning);
    if (day.working) left--;
  }
  return { date: at, warnings: [...warnings.values()] };
}
