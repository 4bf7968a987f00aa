import { GRADE_LABEL } from "../../catalogue/schema";
import type { TCaseFact } from "../../catalogue/schema/obligations";
import { formatNtd, rocIsoDate } from "../text/format";
import type { TExportInput, TExportStatus } from "./types";

const FACT_LABEL: Record<TCaseFact, string> = {
  personalData: "涉及個人資料",
  coreSystem: "屬核心資通系統",
  cii: "涉及關鍵資訊基礎設施",
  externalService: "提供重要對外服務",
  mobileApp: "包含行動應用程式（App）",
  mailServer: "機關自行維運郵件伺服器",
};

/** The cover block: the case facts a reader needs before the first clause. */
export function coverFacts(
  input: TExportInput,
  names: { agencyName: string; caseName: string; caseNumber: string | null; riskLevel: string | null },
  facts: Readonly<Record<TCaseFact, boolean>>,
  coreByGrade: boolean,
  status: TExportStatus,
  generatedOn: string,
  approval: { approvedBy: string; approvedOn: string } | null,
): { label: string; value: string }[] {
  const c = input.case;
  const typeNames = c.serviceTypes.map((key) => input.catalogue.serviceTypes.find((t) => t.key === key)?.name ?? key);
  const held = (Object.keys(FACT_LABEL) as TCaseFact[])
    .filter((fact) => facts[fact])
    .map((fact) => (fact === "coreSystem" && coreByGrade ? `${FACT_LABEL.coreSystem}（防護需求等級為高）` : FACT_LABEL[fact]));
  const cat = input.catalogue;
  const rows = [
    { label: "機關名稱", value: names.agencyName },
    { label: "案件名稱", value: names.caseName },
    { label: "案號", value: names.caseNumber ?? "（未提供）" },
    { label: "系統防護需求等級", value: `${GRADE_LABEL[c.grade]}級` },
    { label: "機關資通安全責任等級", value: `${c.responsibilityLevel}級` },
    { label: "契約金額", value: formatNtd(c.contractValue) },
    { label: "服務類型", value: typeNames.join("、") },
    { label: "案件性質", value: held.length ? held.join("、") : "無特殊性質" },
  ];
  if (names.riskLevel) rows.push({ label: "可接受風險等級", value: names.riskLevel });
  rows.push(
    { label: "依據", value: `${cat.issuer}「${cat.title}」（${rocIsoDate(cat.issuedOn)} ${cat.documentNumber}；版本 ${cat.version}）` },
    { label: "產製日期", value: generatedOn },
    { label: "文件狀態", value: status === "final" ? "定稿（已核定）" : "草稿（未經核定，不得作為招標或契約文件）" },
  );
  if (approval) rows.push({ label: "核定", value: `${approval.approvedBy}，${approval.approvedOn}` });
  return rows;
}
