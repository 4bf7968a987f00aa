import { Paragraph, type Table } from "docx";
import type { TClauseBlock, TExportModel } from "../model/types";
import { zhNumber } from "../text/format";
import { coverBlock } from "./cover";
import { pendingSection } from "./pending";
import { CHAR, TEXT_WIDTH } from "./styles";
import { blank, cell, cellText, fixedTable, type TRow } from "./table";
import { Lists } from "./numbering";
import { lineNotes } from "./outline";
import { BREAK, numbered, run } from "./text";

export const CHECKLIST_TITLE = "廠商資安自評表";
// Twips; 要求 takes what the others leave, so the widths always add up to the text width.
const FIXED = [1400, 1500, 1100, 1000, 700] as const;
export const CHECKLIST_WIDTHS = [FIXED[0], TEXT_WIDTH - FIXED.reduce((a, b) => a + b, 0), FIXED[1], FIXED[2], FIXED[3], FIXED[4]] as const;
const HEADER = ["項目", "要求", ["符合", "是／否／不適用"], "佐證資料", "說明", ["單獨", "計價"]] as const;

const INSTRUCTIONS = [
  "投標廠商應就下表每一項目填寫自評結果，於「符合」欄勾選「是」、「否」或「不適用」。",
  "勾選「是」者，應於「佐證資料」欄列明佐證文件名稱及頁次；勾選「否」或「不適用」者，應於「說明」欄敘明理由及替代作法。",
  "各項目之內容以本案「資通安全需求規範」為準；本表列出本案廠商應符合之全部要求。",
  "「單獨計價」欄標示「是」之項目，其費用應於價格標單或成本分析中單獨列項（見「資通安全需求規範」之「資安經費編列提示」）。",
];

/** 廠商資安自評表: every included requirement (general and legal clauses too) as a row to fill in. */
export function checklistBody(model: TExportModel, lists: Lists = new Lists()): (Paragraph | Table)[] {
  const labelWidth = 8 * CHAR;
  const fillIn = (labels: readonly string[], minHeight: number): TRow[] =>
    labels.map((text) => ({
      cells: [cell([cellText(text, { bold: true })], labelWidth, { shade: true }), cell([blank()], TEXT_WIDTH - labelWidth)],
      minHeight,
    }));

  const rows: TRow[] = [];
  // Word numbers the group rows (一、) and the items (1. 2. … through the table): a row deleted renumbers.
  const groups = { reference: "checklistGroups", instance: lists.fresh(), level: 0 };
  const numbers = { reference: "checklistItems", instance: lists.fresh(), level: 0 };
  const group = (title: string) =>
    rows.push({
      cells: [cell([cellText(title, { bold: true, numbering: groups })], TEXT_WIDTH, { shade: true, span: CHECKLIST_WIDTHS.length })],
      keepNext: true,
    });
  const pricedIds = new Set(model.priced.filter((p) => !p.agencyDuty).flatMap((p) => p.ids));
  const row = (name: string, requirement: Paragraph[], priced = false) =>
    rows.push({
      cells: [
        cell([cellText(name, { numbering: numbers })], CHECKLIST_WIDTHS[0]),
        cell(requirement, CHECKLIST_WIDTHS[1]),
        cell([cellText(["□是", BREAK, "□否", BREAK, "□不適用"])], CHECKLIST_WIDTHS[2]),
        cell([blank()], CHECKLIST_WIDTHS[3]),
        cell([blank()], CHECKLIST_WIDTHS[4]),
        cell([priced ? cellText("是", { bold: true, align: "center" }) : blank()], CHECKLIST_WIDTHS[5]),
      ],
    });

  group("共通性需求");
  for (const clause of model.general) clauseRows(clause, row, lists);
  group("技術需求");
  for (const g of model.technical.groups)
    for (const item of g.items) {
      const notes = lineNotes(g.types ? { ...item, types: g.types } : item);
      row(
        g.name,
        [cellText(notes.length ? `${item.text}（${notes.join("；")}）` : item.text)],
        item.ids.some((id) => pricedIds.has(id)),
      );
    }
  group("適法性義務");
  for (const clause of model.legal) clauseRows(clause, row, lists);
  // 專案管理需求: the items with their own clause (the others are rows above already).
  const own = model.projectManagement?.items.filter((i) => i.text) ?? [];
  if (own.length) {
    group("專案管理需求");
    for (const item of own) row(item.title, [cellText(item.text!)]);
  }

  return [
    ...coverBlock(model, CHECKLIST_TITLE, null),
    heading("填表說明"),
    ...(() => {
      const at = { reference: "instructions", instance: lists.fresh(), level: 0 };
      return INSTRUCTIONS.map((line) => numbered(at, line));
    })(),
    heading("填表廠商"),
    fixedTable([labelWidth, TEXT_WIDTH - labelWidth], null, fillIn(["廠商名稱", "填表人及職稱", "填表日期"], 440)),
    heading("自評項目"),
    fixedTable(CHECKLIST_WIDTHS, HEADER, rows),
    heading("廠商簽章"),
    fixedTable([labelWidth, TEXT_WIDTH - labelWidth], null, fillIn(["廠商（蓋章）", "負責人（簽章）"], 1200)),
    ...pendingSection(model, lists),
  ];
}

function heading(text: string): Paragraph {
  return new Paragraph({ spacing: { before: 200, after: 80 }, keepNext: true, children: [run(text, { bold: true })] });
}

/**
 * A clause as one row per paragraph (each is a requirement the bidder answers on its own, and a long
 * clause in one unsplittable row would leave half a page empty); sub-items stay with their paragraph.
 */
function clauseRows(clause: TClauseBlock, row: (name: string, requirement: Paragraph[]) => void, lists: Lists): void {
  clause.paragraphs.forEach((p, i) => {
    const items = { reference: "cellItems", instance: lists.fresh(), level: 0 };
    row(clause.paragraphs.length > 1 ? `${clause.title}（${zhNumber(i + 1)}）` : clause.title, [
      cellText(p.text),
      ...p.items.map((item) => cellText(item, { numbering: items })),
    ]);
  });
}
