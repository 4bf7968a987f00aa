import { z } from "zod";
import { zText } from "../../validation/text";
import { ZReliability } from "./primitives";
import { nonEmpty, ZServiceType } from "./item";
import { ZObligationsFile } from "./obligations";
import { ZClauseLibrary } from "./clauses";

export const ZVersionId = z.string({ error: "缺少版本代碼" }).regex(/^\d{4}-\d{2}-\d{2}(?:-[a-z0-9]+)?$/, "版本代碼格式須為 YYYY-MM-DD 或 YYYY-MM-DD-後綴");

export const ZCatalogueFile = z
  .strictObject({
    version: ZVersionId,
    title: nonEmpty("標題"),
    issuer: nonEmpty("發布機關"),
    documentNumber: nonEmpty("發文字號"),
    issuedOn: z.iso.date("發布日期格式須為 YYYY-MM-DD"),
    status: z.enum(["draft", "published"]),
    /** Effective dates per grade, when known, with how far the fact can be trusted. */
    effective: z
      .strictObject({
        normal: z.iso.date().nullable(),
        medium: z.iso.date().nullable(),
        high: z.iso.date().nullable(),
        reliability: ZReliability,
        source: z.string().min(1),
      })
      .nullable()
      .default(null),
    legend: z.strictObject({ "●": z.string().min(1), "◎": z.string().min(1), "▲": z.string().min(1), "-": z.string().min(1) }),
    /** The version this one was drafted from, if any. */
    basedOn: ZVersionId.nullable().default(null),
    /** What changed from `basedOn`, in a sentence or two (required to publish a version that has a base). */
    changeSummary: zText().default(""),
    serviceTypes: z.array(ZServiceType).min(1),
    /** The level→measure table the ▲ items resolve through: versioned with the catalogue. */
    obligations: ZObligationsFile,
    /** The general clause library the documents are written from: versioned with the catalogue. */
    clauses: ZClauseLibrary,
  })
  .superRefine((file, ctx) => {
    const seenTypes = new Set<string>();
    const seenIds = new Set<string>();
    file.serviceTypes.forEach((type, t) => {
      if (seenTypes.has(type.key)) ctx.addIssue({ code: "custom", path: ["serviceTypes", t, "key"], message: `服務類型「${type.key}」重複` });
      seenTypes.add(type.key);
      type.items.forEach((item, i) => {
        if (seenIds.has(item.id)) ctx.addIssue({ code: "custom", path: ["serviceTypes", t, "items", i, "id"], message: `項目代碼「${item.id}」重複` });
        seenIds.add(item.id);
        if (!item.id.startsWith(`${type.key}.`))
          ctx.addIssue({
            code: "custom",
            path: ["serviceTypes", t, "items", i, "id"],
            message: `項目代碼「${item.id}」須以服務類型「${type.key}.」開頭`,
          });
      });
    });
  });
export type TCatalogueFile = z.infer<typeof ZCatalogueFile>;
