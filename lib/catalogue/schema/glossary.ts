import { z } from "zod";
import { nonEmpty } from "./item";
import { ZReliability } from "./primitives";

/**
 * A glossary (data/glossary/<date>.json): short zh-TW explanations of the terms an officer meets in the
 * requirements, each with where it comes from and how reliable that is. Never a legal definition the
 * sources do not give: such entries say what the catalogue means and are labelled honestly.
 */
export const ZGlossaryTerm = z.strictObject({
  /** As it is written in the requirement texts ("SOC", "資安健診"). */
  term: nonEmpty("名詞"),
  /** Other spellings found in the texts ("資安監控", "Security Operation Center"). */
  aliases: z.array(z.string().trim().min(1)).default([]),
  explanation: nonEmpty("說明").max(300, "說明最多 300 字"),
  source: nonEmpty("出處"),
  reliability: ZReliability,
});
export type TGlossaryTerm = z.infer<typeof ZGlossaryTerm>;

export const ZGlossaryFile = z
  .strictObject({
    version: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "名詞解釋版本須為 YYYY-MM-DD"),
    note: z.string().default(""),
    terms: z.array(ZGlossaryTerm).min(1, "名詞解釋至少須有一個名詞"),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.terms.forEach((t, i) => {
      for (const word of [t.term, ...t.aliases]) {
        const key = word.toLowerCase();
        if (seen.has(key)) ctx.addIssue({ code: "custom", path: ["terms", i, "term"], message: `名詞「${word}」重複` });
        seen.add(key);
      }
    });
  });
export type TGlossaryFile = z.infer<typeof ZGlossaryFile>;
