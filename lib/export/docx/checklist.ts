import { Paragraph, type Table } from "docx";
import type { TClauseBlock, TExportModel } from "../model/types";
import { zhNumber } from "../text/format";
import { coverBlock } from "./cover";
import { pendingSection } from "./pending";
import { CHAR, TEXT_WIDTH } from "./styles";
import { blank, cell, cellText, fixedTable, type TRow } from "./table";
import { Lists } from "./numbering";
import { lineNotes } from "./outline";
import { numbered, run } from "./text";
import { cleanText } from "../text/sanitize";
import { marker, type TFormRow } from "./form";

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

/** One row to answer: its id (tags its controls), the requirement text (paragraph + sub-items), 單獨計價. */
export interface TChecklistRow extends TFormRow {
  name: string;
  text: string;
  items: string[];
  priced: boolean;
}

/**
 * The rows of 自評項目 by group, in document order: general and legal clauses one row per paragraph
 * (each is a requirement the bidder answers on its own, and a long clause in one unsplittable row would
 * leave half a page empty; sub-items stay with their paragraph), the technical lines, and 專案管理需求
 * items with their own clause (the others are rows already). Ids: `clause.<id>[.<n>]`, the line's id,
 * `pm.<no>`.
 */
export function checklistRows(model: TExportModel): { title: string; rows: TChecklistRow[] }[] {
  const make = (id: string, name: string, text: string, items: string[] = [], priced = false): TChecklistRow => ({
    id,
    name,
    text: cleanText(text),
    items: items.map(cleanText),
    priced,
    requirement: [text, ...items].map(cleanText).join("\n"),
  });
  const clauseRows = (clause: TClauseBlock) =>
    clause.paragraphs.map((p, i) =>
      clause.paragraphs.length > 1
        ? make(`clause.${clause.id}.${i + 1}`, `${clause.title}（${zhNumber(i + 1)}）`, p.text, p.items)
        : make(`clause.${clause.id}`, clause.title, p.text, p.items),
    );
  const pricedIds = new Set(model.priced.filter((p) => !p.agencyDuty).flatMap((p) => p.ids));
  const groups = [
    { title: "共通性需求", rows: model.general.flatMap(clauseRows) },
    {
      title: "技術需求",
      rows: model.technical.groups.flatMap((g) =>
        g.items.map((item) => {
          const notes = lineNotes(g.types ? { ...item, types: g.types } : item);
          const text = notes.length ? `${item.text}（${notes.join("；")}）` : item.text;
          return make(
            item.id,
            g.name,
            text,
            [],
            item.ids.some((id) => pricedIds.has(id)),
          );
        }),
      ),
    },
    { title: "適法性義務", rows: model.legal.flatMap(clauseRows) },
  ];
  const own = model.projectManagement?.items.filter((i) => i.text) ?? [];
  if (own.length) groups.push({ title: "專案管理需求", rows: own.map((item) => make(`pm.${item.no}`, item.title, item.text!)) });
  return groups;
}

/** 廠商資安自評表: every included requirement (general and legal clauses too) as a row to fill in. */
export function checklistBody(model: TExportModel, lists: Lists = new Lists()): (Paragraph | Table)[] {
  const labelWidth = 8 * CHAR;
  // A small fill-in table stays on one page (its last row alone atop the next page reads as a stray).
  const fillIn = (labels: readonly string[], minHeight: number): TRow[] =>
    labels.map((text, i) => ({
      cells: [cell([cellText(text, { bold: true })], labelWidth, { shade: true }), cell([blank()], TEXT_WIDTH - labelWidth)],
      minHeight,
      keepNext: i < labels.length - 1 || undefined,
    }));

  const rows: TRow[] = [];
  // Word numbers the group rows (一、) and the items (1. 2. … through the table): a row deleted renumbers.
  const groups = { reference: "checklistGroups", instance: lists.fresh(), level: 0 };
  const numbers = { reference: "checklistItems", instance: lists.fresh(), level: 0 };
  let index = 0;
  for (const group of checklistRows(model)) {
    rows.push({
      cells: [cell([cellText(group.title, { bold: true, numbering: groups })], TEXT_WIDTH, { shade: true, span: CHECKLIST_WIDTHS.length })],
      keepNext: true,
    });
    for (const row of group.rows) {
      const items = row.items.length ? { reference: "cellItems", instance: lists.fresh(), level: 0 } : null;
      const at = index++;
      rows.push({
        cells: [
          cell([cellText(row.name, { numbering: numbers })], CHECKLIST_WIDTHS[0]),
          cell([cellText(row.text), ...row.items.map((item) => cellText(item, { numbering: items! }))], CHECKLIST_WIDTHS[1]),
          // Content controls (lib/export/docx/form.ts) replace these markers.
          cell([cellText(marker("answer", at))], CHECKLIST_WIDTHS[2]),
          cell([cellText(marker("evidence", at))], CHECKLIST_WIDTHS[3]),
          cell([cellText(marker("note", at))], CHECKLIST_WIDTHS[4]),
          cell([row.priced ? cellText("是", { bold: true, align: "center" }) : blank()], CHECKLIST_WIDTHS[5]),
        ],
      });
    }
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
