import { GRADE_LABEL, type TCatalogueFile } from "../catalogue/schema";
import type { TEngineInput } from "./input";
import { CORE_SYSTEM_ARTICLE, RELIABILITY_NOTE } from "./text";
import type { TCaseContext, TResolvedItem } from "./types";

/** Case-level findings the officer must see above the checklist. */
export function caseWarnings(catalogue: TCatalogueFile, input: TEngineInput, ctx: TCaseContext, _items: readonly TResolvedItem[]): string[] {
  const warnings: string[] = [];
  if (catalogue.status !== "published") warnings.push(`一覽表版本 ${catalogue.version} 尚未發布（草稿），解析結果僅供檢視`);
  for (const key of input.serviceTypes)
    if (!catalogue.serviceTypes.some((type) => type.key === key)) warnings.push(`一覽表版本 ${catalogue.version} 未收錄服務類型「${key}」，該類型無任何項目`);
  // Tables' note: 「如涉及關鍵資訊基礎設施CII之資料或系統建議至少符合中級」. The grade is not raised behind the officer's back.
  if (ctx.facts.cii && ctx.grade === "normal")
    warnings.push(
      `本案涉及關鍵資訊基礎設施（CII）；一覽表說明：「如涉及關鍵資訊基礎設施CII之資料或系統建議至少符合中級」。目前選擇「${GRADE_LABEL.normal}」級，建議將系統防護需求等級提高至「${GRADE_LABEL.medium}」級以上；本次仍依所選之「${GRADE_LABEL.normal}」級解析`,
    );
  if (ctx.coreSystemBy === "grade")
    warnings.push(
      `系統防護需求等級為「${GRADE_LABEL.high}」：依${CORE_SYSTEM_ARTICLE}，依附表九判定防護需求等級為高者即屬核心資通系統，本次已以核心資通系統解析${RELIABILITY_NOTE.P}`,
    );
  // No blanket warning on the ▲ table: each ▲ line carries its own badge (TResolvedItem.basis).
  return warnings;
}
