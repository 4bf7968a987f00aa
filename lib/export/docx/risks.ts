import type { Paragraph, Table, TableOfContents } from "docx";
import type { TExportModel, TRiskLine } from "../model/types";
import { coverBlock } from "./cover";
import { Lists } from "./numbering";
import { at, headingAt, labelAt, type TList } from "./outline";
import { CHAR, SIZE, TEXT_WIDTH } from "./styles";
import { cell, cellText, fixedTable } from "./table";
import { numbered, plain, run } from "./text";

export const RISKS_TITLE = "資安風險接受紀錄";

// Accepted risks name what the agency does not do (or takes on): that is for the agency's own file, not
// for bidders, so they get their own internal document instead of a section of the RFP annex or the contract.
const PREAMBLE = "本紀錄供機關內部留存及查核，載明資安長接受之風險及承辦人不列入本案之專案管理需求；不隨招標文件公開，亦不交付廠商。";

const LABEL_WIDTH = 8 * CHAR;

function riskTable(risk: TRiskLine): Table {
  const rows: [string, string][] = [
    ["服務類型／類別", `${risk.types}／${risk.category}`],
    ["本案處理", risk.placement],
    ["一覽表備註", risk.note || "（無）"],
    ["承辦人理由", risk.reason || "（未填）"],
    ["資安長意見", risk.comment],
    ["接受者", risk.acceptedBy],
    ["接受日期", risk.acceptedOn],
    // r14 may record a review date on the acceptance; until then none is stated.
    ["複審日期", risk.reviewOn ?? "未訂"],
  ];
  return fixedTable(
    [LABEL_WIDTH, TEXT_WIDTH - LABEL_WIDTH],
    null,
    rows.map(([label, value]) => ({
      cells: [cell([cellText(label, { bold: true })], LABEL_WIDTH, { shade: true }), cell([cellText(value)], TEXT_WIDTH - LABEL_WIDTH)],
    })),
  );
}

/** 資安風險接受紀錄 (internal): 一、資安長接受之風險 二、不列入本案之專案管理需求. */
export function risksBody(model: TExportModel, lists: Lists = new Lists()): (Paragraph | Table | TableOfContents)[] {
  const list: TList = { ref: "outline", instance: lists.fresh() };
  const note = (text: string) => plain(labelAt(list, 1), [run(text)]);
  const risks: (Paragraph | Table)[] = model.risks.length
    ? [
        note("下列項目經機關資安長審查，明確接受其風險（未辦理或由機關自行承擔之要求）："),
        ...model.risks.flatMap((risk) => [numbered(at(list, 1), risk.text), riskTable(risk)]),
      ]
    : [note("本案無經資安長接受風險之項目。")];
  const excluded = model.projectManagement?.excluded ?? [];
  const pm: Paragraph[] = excluded.length
    ? [
        note("下列專案管理需求適用本案之委外類型，經承辦人評估不列入本案，招標文件及契約條款均未載列："),
        ...excluded.map((e) => numbered(at(list, 1), `${e.title}（參考內容項次 ${e.no}）`, { after: [run(`：${e.reason}`, { size: SIZE.table })] })),
      ]
    : [note("本案適用之專案管理需求均已列入。")];
  return [
    ...coverBlock(model, RISKS_TITLE, PREAMBLE),
    headingAt(list, 0, "資安長接受之風險", 1, true),
    ...risks,
    headingAt(list, 0, "不列入本案之專案管理需求", 1),
    ...pm,
  ];
}
