import { z } from "zod";
import { SERVICE_TYPE_KEYS, ZReliability } from "./primitives";
import { CASE_FACTS } from "./obligations";

/**
 * The general-clause library (一、共通性需求 / 三、適法性義務 / 機關應辦事項) as data. Every clause names
 * where it was drawn from with the reliability label of regulations.md; [U] content is refused, so
 * nothing unverified can ever be printed as an obligation. Numbers that an agency may tune live in
 * `parameters` and appear in texts as `{name}`.
 */

const text = (what: string) =>
  z
    .string({ error: `缺少${what}` })
    .trim()
    .min(1, `${what}不可為空白`);
const ZKey = z.string().regex(/^[a-z][A-Za-z0-9]*$/, "參數代碼須為英文小駝峰，例如 incidentNoticeHours");
const ZId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "代碼須為小寫英數與連字號");

export const ZSource = z.strictObject({
  /** The document, e.g. 「資通安全管理法施行細則（115-01-05）」 or the seed's title. */
  document: text("來源文件"),
  /** Where in it, e.g. 「第7條第1項第5款」 or 「1.2(1)」. */
  section: text("來源章節"),
  /** P: law text; O: an official agency document (not law); S: secondary. U is refused below. */
  reliability: ZReliability,
  /** Printed as 「依據…」 in the documents; only law text [P] may be. */
  cite: z.boolean().default(false),
});
export type TSource = z.infer<typeof ZSource>;

/** When a clause or paragraph applies: every fact and flag must hold, and one of the service types (if any) be chosen. */
export const ZWhen = z.strictObject({
  facts: z.array(z.enum(CASE_FACTS)).default([]),
  serviceTypes: z.array(z.enum(SERVICE_TYPE_KEYS)).default([]),
  /**
   * Case findings the clause depends on: thirdPartyTesting — some item carries the 施行細則 §7 I ④ flag;
   * otherProcurement — some ▲ item is placed in another procurement (本案免辦).
   */
  flags: z.array(z.enum(["thirdPartyTesting", "otherProcurement"])).default([]),
});
export type TWhen = z.infer<typeof ZWhen>;

export const ZParagraph = z.strictObject({
  text: text("條文內容"),
  /** Sub-items, numbered one level down. */
  items: z.array(text("細項內容")).default([]),
  when: ZWhen.optional(),
});
export type TParagraph = z.infer<typeof ZParagraph>;

export const SECTIONS = ["general", "legal", "agency"] as const;
export const SECTION_LABEL = { general: "共通性需求", legal: "適法性義務", agency: "機關應辦事項" } as const;

export const ZClause = z.strictObject({
  id: ZId,
  section: z.enum(SECTIONS),
  title: text("條文標題"),
  paragraphs: z.array(ZParagraph).min(1, "條文至少須有一段"),
  sources: z.array(ZSource).min(1, "條文須註明來源"),
  when: ZWhen.optional(),
});
export type TClause = z.infer<typeof ZClause>;

export const ZParameter = z.strictObject({
  key: ZKey,
  /** zh-TW, shown at the input and in error messages. */
  label: text("參數名稱"),
  unit: text("單位"),
  default: z.int(),
  min: z.int(),
  max: z.int(),
  /** Why the bounds are what they are (e.g. the law's own deadline). */
  note: z.string().default(""),
  source: ZSource,
});
export type TParameter = z.infer<typeof ZParameter>;

export const ZClauseLibrary = z
  .strictObject({
    version: z.string().regex(/^\d{4}-\d{2}-\d{2}(?:-[a-z0-9]+)?$/, "版本代碼格式須為 YYYY-MM-DD"),
    title: text("標題"),
    parameters: z.array(ZParameter),
    clauses: z.array(ZClause).min(1),
  })
  .superRefine((lib, ctx) => {
    const keys = new Set<string>();
    lib.parameters.forEach((p, i) => {
      if (keys.has(p.key)) ctx.addIssue({ code: "custom", path: ["parameters", i, "key"], message: `參數「${p.key}」重複` });
      keys.add(p.key);
      if (!(p.min <= p.default && p.default <= p.max))
        ctx.addIssue({ code: "custom", path: ["parameters", i, "default"], message: `預設值須介於 ${p.min}～${p.max}` });
      if (p.source.reliability === "U") ctx.addIssue({ code: "custom", path: ["parameters", i, "source"], message: "[U] 未查證之內容不得收錄" });
    });
    const used = new Set<string>();
    const ids = new Set<string>();
    lib.clauses.forEach((clause, c) => {
      if (ids.has(clause.id)) ctx.addIssue({ code: "custom", path: ["clauses", c, "id"], message: `條文代碼「${clause.id}」重複` });
      ids.add(clause.id);
      clause.sources.forEach((s, i) => {
        if (s.reliability === "U") ctx.addIssue({ code: "custom", path: ["clauses", c, "sources", i], message: "[U] 未查證之內容不得收錄" });
        if (s.cite && s.reliability !== "P")
          ctx.addIssue({ code: "custom", path: ["clauses", c, "sources", i, "cite"], message: "只有法規原文 [P] 可列為「依據」" });
      });
      clause.paragraphs.forEach((para, p) => {
        for (const [where, value] of [["text", para.text], ...para.items.map((item, i) => [`items.${i}`, item] as const)] as const)
          for (const m of value.matchAll(/\{([^{}]*)\}/g)) {
            const key = m[1]!;
            used.add(key);
            if (!keys.has(key))
              ctx.addIssue({ code: "custom", path: ["clauses", c, "paragraphs", p, ...where.split(".")], message: `未定義的參數「{${key}}」` });
          }
      });
    });
    lib.parameters.forEach((p, i) => {
      if (!used.has(p.key)) ctx.addIssue({ code: "custom", path: ["parameters", i, "key"], message: `參數「${p.key}」未被任何條文使用` });
    });
  });
export type TClauseLibrary = z.infer<typeof ZClauseLibrary>;
