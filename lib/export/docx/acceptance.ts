import type { TExportModel } from "../model/types";
import { SIZE, TEXT_WIDTH } from "./styles";
import { cell, cellText, fixedTable } from "./table";
import { para } from "./text";
import { recordDocx } from "./record";
import { assessmentSection, type TAssessmentDoc } from "./self-assessment";

export const ACCEPTANCE_TITLE = "資安驗收檢核表";

export type TAcceptanceRow = {
  title: string;
  owner: string;
  dueOn: string;
  status: string;
  files: { name: string; sha256: string }[];
  reviewer: string;
};

export type TAcceptanceInput = {
  /** The pinned revision's document model (header, footer, names); its status is replaced by `final`. */
  model: TExportModel;
  contract: { contractNumber: string; vendorName: string; vendorTaxId: string; startOn: string; endOn: string };
  milestone: { name: string; dueOn: string; signedOffBy: string | null; signedOffOn: string | null };
  rows: TAcceptanceRow[];
  /** Signed off by the CISO: no draft watermark. */
  final: boolean;
  /** The contract's vendor self-assessments as reviewed (each row's answer, review status, open nonconformities). */
  assessments?: TAssessmentDoc[];
};

/** 資安驗收檢核表 for one milestone: every obligation due by then, its evidence (names and SHA-256), status, reviewer. */
export async function renderAcceptanceDocx(input: TAcceptanceInput): Promise<Buffer> {
  const model: TExportModel = { ...input.model, status: input.final ? "final" : "draft" };
  const { contract: c, milestone: m } = input;
  // 期限 holds a whole YYYY-MM-DD and 辦理者 its three characters on one line; 佐證檔案 takes the rest.
  const w = [
    Math.round(TEXT_WIDTH * 0.24),
    Math.round(TEXT_WIDTH * 0.1),
    Math.round(TEXT_WIDTH * 0.15),
    Math.round(TEXT_WIDTH * 0.1),
    0,
    Math.round(TEXT_WIDTH * 0.1),
  ];
  w[4] = TEXT_WIDTH - w.reduce((a, b) => a + b, 0);
  const rows = input.rows.map((r) => ({
    cells: [
      cell([cellText(r.title)], w[0]!),
      cell([cellText(r.owner, { align: "center" })], w[1]!),
      cell([cellText(r.dueOn, { align: "center" })], w[2]!),
      cell([cellText(r.status, { align: "center" })], w[3]!),
      cell(r.files.length ? r.files.map((f) => cellText(`${f.name}（SHA-256：${f.sha256}）`, { size: SIZE.small })) : [cellText("（無）")], w[4]!),
      cell([cellText(r.reviewer || "—", { align: "center" })], w[5]!),
    ],
  }));
  return recordDocx(model, `${model.meta.caseName} ${ACCEPTANCE_TITLE} ${m.name}`, ACCEPTANCE_TITLE, [
    para(ACCEPTANCE_TITLE, { run: { size: SIZE.title, bold: true } }),
    para(`契約編號：${c.contractNumber}　廠商：${c.vendorName}（統一編號 ${c.vendorTaxId}）`),
    para(`契約期間：${c.startOn}～${c.endOn}　驗收階段：${m.name}（${m.dueOn}）`),
    para(m.signedOffBy && m.signedOffOn ? `資安長 ${m.signedOffBy} 於 ${m.signedOffOn} 簽核。` : "本驗收階段尚未經資安長簽核，本表為草稿。"),
    para(`列出驗收日以前到期之履約義務共 ${input.rows.length} 項，佐證檔案以 SHA-256 雜湊值識別。`),
    fixedTable(w, ["履約義務", "辦理者", "期限", "狀態", "佐證檔案", "審查人"], rows),
    ...(input.assessments?.length
      ? [
          para("廠商資安自評", { run: { size: SIZE.heading, bold: true }, spacing: { before: 240 }, keepNext: true }),
          ...input.assessments.flatMap((a) => assessmentSection(a, true)),
        ]
      : []),
  ]);
}
