import { z } from "zod";
import { nonEmpty as text } from "./item";
import { ZReliability } from "./primitives";

/**
 * One year of the 行政機關辦公日曆 (人事行政總處): the days off that fall on weekdays and the Saturdays
 * or Sundays that are working days (補班). Every other Monday–Friday is a working day. The official PDF
 * cannot always be read where the file is written: `reliability` says how it was transcribed and
 * `verification` stays null until an operator has compared it with the official calendar.
 */

const ZDate = z.iso.date({ error: "日期須為 YYYY-MM-DD" });
const ZDay = z.strictObject({ date: ZDate, name: text("名稱").max(60) });

export const ZCalendarVerification = z.strictObject({
  /** e.g. 「行政院人事行政總處 115年政府行政機關辦公日曆表」 */
  document: text("核對文件").max(200),
  /** Who compared it, and when (YYYY-MM-DD). */
  by: text("核對者").max(100),
  on: ZDate,
});

export const ZCalendarYear = z
  .strictObject({
    year: z.int().min(2000).max(2100),
    source: z.strictObject({
      document: text("來源文件").max(200),
      /** Where it can be checked (the DGPA's page). */
      url: z.url().nullable(),
      reliability: ZReliability,
      note: z.string().max(1000).default(""),
    }),
    verification: ZCalendarVerification.nullable(),
    /** Weekdays off (國定假日, 補假, 調整放假). */
    holidays: z.array(ZDay),
    /** Weekend days that are working days (補行上班). */
    workdays: z.array(ZDay),
  })
  .superRefine((y, ctx) => {
    const seen = new Set<string>();
    for (const [field, days, weekend] of [
      ["holidays", y.holidays, false],
      ["workdays", y.workdays, true],
    ] as const)
      days.forEach((d, i) => {
        const path = [field, i, "date"];
        if (!d.date.startsWith(`${y.year}-`)) ctx.addIssue({ code: "custom", path, message: `日期不在 ${y.year} 年` });
        const dow = new Date(`${d.date}T00:00:00Z`).getUTCDay();
        const isWeekend = dow === 0 || dow === 6;
        if (isWeekend !== weekend)
          ctx.addIssue({ code: "custom", path, message: weekend ? "補行上班日應為星期六或星期日" : "放假日應為星期一至星期五（週末本不上班）" });
        if (seen.has(d.date)) ctx.addIssue({ code: "custom", path, message: `日期 ${d.date} 重複` });
        seen.add(d.date);
      });
    if (y.verification && y.source.reliability !== "O" && y.source.reliability !== "P")
      ctx.addIssue({ code: "custom", path: ["source", "reliability"], message: "已核對官方辦公日曆者，可信度須為〔O〕" });
  });
export type TCalendarYear = z.infer<typeof ZCalendarYear>;
