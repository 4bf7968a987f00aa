import { HeadingLevel, Paragraph } from "docx";
import type { TExportModel } from "../model/types";
import type { Lists } from "./numbering";
import { at, labelAt, type TList } from "./outline";
import { SIZE } from "./styles";
import { numbered, plain, run } from "./text";

export const PENDING_TITLE = "附錄　待決定事項（草稿專用，定稿不列）";

/**
 * 附錄 待決定事項: what a draft still leaves open (undecided optional items, unplaced ▲ items, a blank
 * risk level). Listed so that nothing is silently included or dropped; never in a final document.
 */
export function pendingSection(model: TExportModel, lists: Lists): Paragraph[] {
  if (model.status !== "draft" || model.pending.length === 0) return [];
  // A list of its own, counting from （一）.
  const list: TList = { ref: "outline", instance: lists.fresh() };
  return [
    // A heading for the navigation pane, without a number: it is not part of the requirements.
    new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [run(PENDING_TITLE)] }),
    plain(labelAt(list, 1), [run("下列事項尚待機關決定；除另有註明外，均未列入本文件之需求。", { size: SIZE.table, color: "404040" })]),
    ...model.pending.map((line) =>
      numbered(at(list, 1), `${line.serviceTypeName}：${line.text}`, {
        after: [run(`——${line.question}`, { size: SIZE.table, color: "C00000" })],
      }),
    ),
  ];
}
