import { z } from "zod";
import "../../validation/zh-tw";
import { zLine, zText } from "../../validation/text";
import { parseDate } from "../dates";
import { isValidTaxId } from "./tax-id";

// One message per field: an empty field asks to be filled rather than called an invalid date.
const zDate = (label: string) =>
  z
    .string()
    .trim()
    .min(1, `請填寫${label}`)
    .refine((v) => v === "" || parseDate(v) !== null, `${label}須為有效日期（YYYY-MM-DD）`);

export const ZMilestone = z.object({
  name: zLine().trim().min(1, "請填寫驗收階段名稱").max(60, "驗收階段名稱最多 60 字"),
  dueOn: zDate("驗收日"),
});

/** The award form (決標建立契約). */
export const ZAward = z.object({
  vendorName: zLine().trim().min(1, "請填寫廠商名稱").max(100, "廠商名稱最多 100 字"),
  vendorTaxId: z
    .string()
    .trim()
    .min(1, "請填寫廠商統一編號")
    .refine((v) => v === "" || /^\d{8}$/.test(v), "統一編號應為 8 位數字")
    .refine((v) => !/^\d{8}$/.test(v) || isValidTaxId(v), "統一編號檢查碼不符，請確認是否輸入正確"),
  contractNumber: zLine().trim().min(1, "請填寫契約編號").max(60, "契約編號最多 60 字"),
  award: zDate("決標日"),
  signed: zDate("簽約日"),
  start: zDate("契約開始日"),
  end: zDate("契約結束日"),
  milestones: z.array(ZMilestone).max(20, "驗收階段最多 20 個").default([]),
});
export type TAwardInput = z.input<typeof ZAward>;

export const ZReview = z.object({
  verdict: z.enum(["approve", "return"], { error: "請選擇核可或退回" }),
  comment: zText().trim().max(1000, "意見最多 1000 字").default(""),
});

export const ZIncident = z.object({
  level: z.coerce.number({ error: "請選擇事件等級" }).int("事件等級須為 1～4").min(1, "事件等級須為 1～4").max(4, "事件等級須為 1～4"),
  /** datetime-local in Taipei ("2026-12-02T09:30") or ISO with offset */
  knownAt: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)?$/, "請填寫廠商知悉時間（日期與時間）"),
  description: zText().trim().min(1, "請描述事件").max(2000, "事件描述最多 2000 字"),
});
