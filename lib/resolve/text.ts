import type { TMark, TReliability } from "../catalogue/schema";
import type { TCaseFact } from "../catalogue/schema/obligations";

/** Shared zh-TW wording, so that every rule cites its basis the same way. */

export const MARK_LABEL: Record<TMark, string> = {
  "●": "建議辦理（標配）",
  "◎": "經機關評估個案有必要辦理時（選配）",
  "▲": "依委託機關資通安全責任等級辦理",
  "-": "不適用",
};

/** Appended to a reason so the officer sees how far its basis can be trusted (regulations.md §0). */
export const RELIABILITY_NOTE: Record<TReliability, string> = {
  P: "〔依據：法規原文〕",
  O: "〔依據：主管機關網頁 FAQ〕",
  S: "〔依據為第三方整理，待與官方附表核對〕",
  U: "（本項依據尚待查證，僅供參考）",
};

/** How a fact reads when the case does not meet it. */
export const FACT_UNMET: Record<TCaseFact, string> = {
  personalData: "本案未涉及個人資料",
  coreSystem: "本案系統非核心資通系統",
  cii: "本案未涉及關鍵資訊基礎設施",
  externalService: "本案未涉及重要對外服務",
  mobileApp: "本案未包含行動應用程式",
  mailServer: "機關未自行維運郵件伺服器",
};

export const THIRD_PARTY_ARTICLE =
  "資通安全管理法施行細則第7條第1項第4款（115-01-05 修正；原110-08-23版第4條第1項第5款）";
export const CORE_SYSTEM_ARTICLE = "資通安全管理法施行細則第10條第2項（115-01-05）";

/** "2023-09-25" → "112-09-25" (民國紀年, as the sources write dates). */
export function rocDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-");
  return `${Number(year) - 1911}-${month}-${day}`;
}

export function formatNtd(value: number): string {
  return `新臺幣${value.toLocaleString("en-US")}元`;
}
