import type { TMark, TReliability } from "../catalogue/schema";
import type { TCellFact } from "../catalogue/schema/obligations";

/** Shared zh-TW wording, so that every rule cites its basis the same way. */

export const MARK_LABEL: Record<TMark, string> = {
  "●": "建議辦理（標配）",
  "◎": "經機關評估個案有必要辦理時（選配）",
  "▲": "依委託機關資通安全責任等級辦理",
  "-": "不適用",
};

/**
 * The badge an officer, a CISO and the documents see for a basis: a plain label and one plain sentence.
 * Where the label came from (files, research notes) is for the catalogue's stewards, on the matrix page.
 */
export const RELIABILITY_BADGE: Record<TReliability, { label: string; sentence: string }> = {
  P: { label: "法規原文", sentence: "依據為法規或官方附表的原文。" },
  O: { label: "主管機關說明", sentence: "依據為主管機關公開的說明（如常見問答），不是法規原文。" },
  S: { label: "第三方整理", sentence: "依據為第三方整理的法規摘要，可能與官方公布的內容有出入。" },
  U: { label: "待查證", sentence: "尚無可靠依據判斷本項是否應辦，由機關決定。" },
};
export const VERIFIED_BADGE = { label: "已核對官方附表", sentence: "目錄管理者已將本項與官方公布的附表逐項核對。" } as const;

/** Appended to a reason so the officer sees how far its basis can be trusted. */
export const RELIABILITY_NOTE: Record<TReliability, string> = {
  P: `〔依據：${RELIABILITY_BADGE.P.label}〕`,
  O: `〔依據：${RELIABILITY_BADGE.O.label}〕`,
  S: `〔依據：${RELIABILITY_BADGE.S.label}〕`,
  U: `〔依據：${RELIABILITY_BADGE.U.label}，由機關決定〕`,
};

/** How a fact reads when the case does not meet it. */
export const FACT_UNMET: Record<TCellFact, string> = {
  personalData: "本案未涉及個人資料",
  coreSystem: "本案系統非核心資通系統",
  cii: "本案未涉及關鍵資訊基礎設施",
  externalService: "本案未涉及重要對外服務",
  mobileApp: "本案未包含行動應用程式",
  mailServer: "機關未自行維運郵件伺服器",
  ciProvider: "機關非關鍵基礎設施提供者",
};

export const THIRD_PARTY_ARTICLE = "資通安全管理法施行細則第7條第1項第4款（115-01-05 修正；原110-08-23版第4條第1項第5款）";
export const CORE_SYSTEM_ARTICLE = "資通安全管理法施行細則第10條第2項（115-01-05）";

/** "2023-09-25" → "112-09-25" (民國紀年, as the sources write dates). */
export function rocDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-");
  return `${Number(year) - 1911}-${month}-${day}`;
}

export function formatNtd(value: number): string {
  return `新臺幣${value.toLocaleString("en-US")}元`;
}
