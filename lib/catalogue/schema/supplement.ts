import { z } from "zod";
import { SERVICE_TYPE_KEYS } from "./primitives";
import { nonEmpty as text } from "./item";
import { ZSource } from "./clauses";
import { ZVersionId as ZVersion } from "./file";
import { ZDeliverables } from "./deliverables";

/**
 * What the documents add to a catalogue version beside its items: 003's 專案管理需求參考內容 table
 * (26 items × the guide's four outsourcing types, with how SecReq's service types map onto them) and
 * the 資安經費編列提示 (which included requirements the bidder prices as its own line).
 *
 * Published catalogue versions are stored by content hash and never change, so this cannot go into
 * their files (the hash would differ and existing databases would refuse the bundled file). A supplement
 * is a versioned data file of its own (data/supplements/<version>.json) that names the catalogue
 * versions it belongs to; published supplements are immutable like the versions (pinned by a test).
 */

const ZClauseId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "條文代碼須為小寫英數與連字號");

export const GUIDE_TYPES = ["consulting", "development", "operations", "cloud"] as const;
export const ZGuideType = z.enum(GUIDE_TYPES);
export type TGuideType = z.infer<typeof ZGuideType>;

export const ZProjectItem = z
  .strictObject({
    /** 項次 in the source table. */
    no: z.int().min(1),
    /** 計畫項目, verbatim. */
    title: text("計畫項目"),
    /** The outsourcing types the source marks (「0」) for this item. */
    applies: z.array(ZGuideType).min(1, "至少須適用一種委外類型"),
    /** Clauses of the library that already say it: the item is then referred to, never written twice. */
    coveredBy: z.array(ZClauseId).default([]),
    /** The clause text when no covering clause is in the document. */
    text: text("條文內容").optional(),
  })
  .refine((i) => i.coveredBy.length > 0 || i.text, { message: "須有條文內容或引用之條文（coveredBy）" });
export type TProjectItem = z.infer<typeof ZProjectItem>;

/** The sectors an agency can be (the wizard's 機關類別 keys) and `other` (not one of them: the whole list). */
export const AGENCY_SECTORS = ["government", "cii-provider", "financial", "education", "medical", "other"] as const;
export type TAgencySector = (typeof AGENCY_SECTORS)[number];

/** An item whose verbatim text lists alternatives by sector: 「<lead> 1. <政府機關…> 2. <…> …」. */
export const ZSectorHint = z.strictObject({
  lead: text("前文"),
  parts: z.partialRecord(
    z.enum(AGENCY_SECTORS.filter((s) => s !== "other") as ["government", "cii-provider", "financial", "education", "medical"]),
    text("該類機關之部分"),
  ),
});
export type TSectorHint = z.infer<typeof ZSectorHint>;

const ZPriced = z.strictObject({ label: text("計價項目名稱"), sources: z.array(z.string()).min(1, "須註明來源") });

export const ZSupplement = z
  .strictObject({
    version: ZVersion,
    title: text("標題"),
    /** The catalogue versions (and drafts based on them) this supplement belongs to. */
    catalogueVersions: z.array(ZVersion).min(1),
    projectManagement: z.strictObject({
      source: ZSource,
      guideTypes: z.array(z.strictObject({ key: ZGuideType, name: text("委外類型名稱") })).length(GUIDE_TYPES.length),
      /** SecReq service type → the guide's outsourcing type (stated in the data, tested). */
      serviceTypes: z.partialRecord(z.enum(SERVICE_TYPE_KEYS), ZGuideType),
      items: z.array(ZProjectItem).min(1),
    }),
    pricing: z.strictObject({
      sources: z.record(z.string(), ZSource),
      /** By item slug (the part after `<type>.`), so one hint covers the item under every service type. */
      items: z.record(z.string(), ZPriced),
      /** 機關應辦事項 clauses whose work the agency buys itself (e.g. third-party testing). */
      clauses: z.record(ZClauseId, ZPriced),
    }),
    /** By item id: each sector's part of the item's verbatim text (the documents print the agency's part). */
    sectors: z.strictObject({ note: z.string(), items: z.record(z.string(), ZSectorHint) }),
    /** What each item implies after the award (lib/contracts): by item slug, 專案管理需求 項次 and clause id. */
    deliverables: ZDeliverables.optional(),
  })
  .superRefine((s, ctx) => {
    s.projectManagement.items.forEach((item, i) => {
      if (item.no !== i + 1) ctx.addIssue({ code: "custom", path: ["projectManagement", "items", i, "no"], message: `項次應為 ${i + 1}` });
    });
    for (const key of SERVICE_TYPE_KEYS)
      if (!s.projectManagement.serviceTypes[key])
        ctx.addIssue({ code: "custom", path: ["projectManagement", "serviceTypes", key], message: `服務類型「${key}」未對應委外類型` });
    const known = new Set(Object.keys(s.pricing.sources));
    for (const [where, hints] of [
      ["items", s.pricing.items],
      ["clauses", s.pricing.clauses],
    ] as const)
      for (const [id, hint] of Object.entries(hints))
        for (const source of hint.sources)
          if (!known.has(source)) ctx.addIssue({ code: "custom", path: ["pricing", where, id, "sources"], message: `未知的來源「${source}」` });
    const d = s.deliverables;
    if (d)
      for (const where of ["items", "projectManagement", "clauses"] as const)
        for (const [id, hints] of Object.entries(d[where]))
          hints.forEach((h, i) => {
            if (!d.sources[h.basis.source])
              ctx.addIssue({ code: "custom", path: ["deliverables", where, id, i, "basis", "source"], message: `未知的來源「${h.basis.source}」` });
          });
    if (d)
      for (const no of Object.keys(d.projectManagement))
        if (!s.projectManagement.items.some((i) => String(i.no) === no))
          ctx.addIssue({ code: "custom", path: ["deliverables", "projectManagement", no], message: `沒有項次 ${no} 之專案管理需求` });
  });
export type TSupplement = z.infer<typeof ZSupplement>;
