import type { Paragraph, Table } from "docx";
import type { TExportModel } from "../model/types";
import { SIZE, TEXT_WIDTH } from "./styles";
import { cell, cellText, fixedTable, type TRow } from "./table";
import { para } from "./text";
import { recordDocx } from "./record";

export const REVIEWED_ASSESSMENT_TITLE = "廠商資安自評表審查結果";

/** One nonconformity as the documents show it: why, due date and basis, and its closure. */
export type TAssessmentDocNonconformity = { reason: string; comment: string; dueOn: string; dueBasis: string; status: string; closure: string };

export type TAssessmentDocRow = {
  group: string;
  name: string;
  /** 是 / 否 / 不適用, or 「（未填）」 */
  answer: string;
  evidence: string;
  files: { name: string; sha256: string }[];
  note: string;
  /** 待審 / 接受 / 退回 */
  review: string;
  reviewComment: string;
  nonconformities: TAssessmentDocNonconformity[];
};

export type TAssessmentDoc = {
  vendorName: string;
  status: string;
  round: number;
  submittedOn: string | null;
  counts: { yes: number; no: number; na: number; returned: number; open: number };
  rows: TAssessmentDocRow[];
};

const ncLine = (n: TAssessmentDocNonconformity) =>
  `${n.reason}：期限 ${n.dueOn}（${n.dueBasis}），${n.status}${n.closure ? `；${n.closure}` : ""}${n.comment ? `；意見：${n.comment}` : ""}`;

/**
 * The reviewed self-assessment of one vendor as a section: a heading, the counts and a table. `brief`
 * (the 驗收 document) lists each row's answer, review status and open nonconformities only; the full
 * form adds 佐證資料, the evidence files with SHA-256, 說明, the comment and closed nonconformities.
 */
export function assessmentSection(a: TAssessmentDoc, brief = false): (Paragraph | Table)[] {
  const head = [
    para(`廠商代表：${a.vendorName}　狀態：${a.status}　第 ${a.round} 輪${a.submittedOn ? `（${a.submittedOn} 送出）` : ""}`, { run: { bold: true } }),
    para(`是 ${a.counts.yes} 項、否 ${a.counts.no} 項、不適用 ${a.counts.na} 項；退回 ${a.counts.returned} 項；未結案不符合事項 ${a.counts.open} 項。`),
  ];
  if (brief) {
    const w = [Math.round(TEXT_WIDTH * 0.36), Math.round(TEXT_WIDTH * 0.1), Math.round(TEXT_WIDTH * 0.1), 0];
    w[3] = TEXT_WIDTH - w.reduce((x, y) => x + y, 0);
    const rows: TRow[] = a.rows.map((r) => {
      const open = r.nonconformities.filter((n) => !n.closure);
      return {
        cells: [
          cell([cellText(r.name)], w[0]!),
          cell([cellText(r.answer, { align: "center" })], w[1]!),
          cell([cellText(r.review, { align: "center" })], w[2]!),
          cell(open.length ? open.map((n) => cellText(ncLine(n), { size: SIZE.small })) : [cellText("（無）")], w[3]!),
        ],
      };
    });
    return [...head, fixedTable(w, ["項目", "符合", "審查", "未結案不符合事項"], rows)];
  }
  const w = [Math.round(TEXT_WIDTH * 0.17), Math.round(TEXT_WIDTH * 0.08), 0, Math.round(TEXT_WIDTH * 0.17), Math.round(TEXT_WIDTH * 0.26)];
  w[2] = TEXT_WIDTH - w.reduce((x, y) => x + y, 0);
  const rows: TRow[] = [];
  let group = "";
  for (const r of a.rows) {
    if (r.group !== group) {
      group = r.group;
      rows.push({ cells: [cell([cellText(group, { bold: true })], TEXT_WIDTH, { shade: true, span: 5 })], keepNext: true });
    }
    rows.push({
      cells: [
        cell([cellText(r.name)], w[0]!),
        cell([cellText(r.answer, { align: "center" })], w[1]!),
        cell(
          [
            cellText(r.evidence ? `佐證資料：${r.evidence}` : "佐證資料：（無）"),
            ...r.files.map((f) => cellText(`${f.name}（SHA-256：${f.sha256}）`, { size: SIZE.small })),
          ],
          w[2]!,
        ),
        cell([cellText(r.note || "—")], w[3]!),
        cell(
          [
            cellText(r.review, { bold: true }),
            ...(r.reviewComment ? [cellText(`意見：${r.reviewComment}`)] : []),
            ...r.nonconformities.map((n) => cellText(`不符合事項．${ncLine(n)}`, { size: SIZE.small })),
          ],
          w[4]!,
        ),
      ],
    });
  }
  return [...head, fixedTable(w, ["項目", "符合", "佐證資料及檔案", "說明", "審查結果"], rows)];
}

/** 廠商資安自評表審查結果 (DOCX): one vendor's answers, evidence names and hashes, 說明, the agency's verdicts and nonconformities. */
export async function renderReviewedAssessmentDocx(input: {
  model: TExportModel;
  contract: string | null;
  assessment: TAssessmentDoc;
  final: boolean;
}): Promise<Buffer> {
  const model: TExportModel = { ...input.model, status: input.final ? "final" : "draft" };
  return recordDocx(model, `${model.meta.caseName} ${REVIEWED_ASSESSMENT_TITLE}`, REVIEWED_ASSESSMENT_TITLE, [
    para(REVIEWED_ASSESSMENT_TITLE, { run: { size: SIZE.title, bold: true } }),
    para(`案件：${model.meta.caseName}${input.contract ? `　契約：${input.contract}` : ""}`),
    para(input.final ? "機關已完成審查，全部項目均已接受。" : "本表為審查過程之紀錄，機關尚未全部接受；佐證檔案以 SHA-256 雜湊值識別。"),
    ...assessmentSection(input.assessment),
  ]);
}
