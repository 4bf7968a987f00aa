import type { Paragraph, Table, TableOfContents } from "docx";
import type { TExportModel } from "../model/types";
import { coverBlock } from "./cover";
import { Lists } from "./numbering";
import { at, clauseList, exemptList, headingAt, labelAt, projectList, requirementList, type TList } from "./outline";
import { pendingSection } from "./pending";
import { SIZE } from "./styles";
import { numbered, plain, run } from "./text";
import { tableOfContents } from "./toc";

export const ANNEX_TITLE = "資通安全需求規範";
const PREAMBLE = "本規範為補充性質，契約有規定者，從其規定，但不得低於本規範之最低要求。";

type TSection = { title: string; body: (list: TList) => Paragraph[] };

/** 資通安全需求規範 (RFP annex): 一、共通性需求 二、技術需求 三、適法性義務, then 本案免辦 and 機關應辦事項. */
export function annexBody(model: TExportModel, lists: Lists = new Lists()): (Paragraph | Table | TableOfContents)[] {
  const sections: TSection[] = [
    { title: "共通性需求", body: (list) => clauseList(model.general, list, 1, 2) },
    { title: "技術需求", body: (list) => [plain(labelAt(list, 1), [run(model.technical.intro)]), ...requirementList(model.technical.groups, list, 1, 2)] },
    { title: "適法性義務", body: (list) => clauseList(model.legal, list, 1, 2) },
  ];
  const pm = model.projectManagement;
  if (pm?.items.length)
    sections.push({ title: "專案管理需求", body: (list) => [plain(labelAt(list, 1), [run(pm.intro)]), ...projectList(pm.items, list, 1, "annex")] });
  if (model.exempt.length)
    sections.push({
      title: "本案免辦項目",
      body: (list) => [
        plain(labelAt(list, 1), [run("下列項目依機關資通安全責任等級應辦理，經機關確認納入他案辦理，本案免辦：")]),
        ...exemptList(model.exempt, list, 1),
      ],
    });
  if (model.agency.length)
    sections.push({
      title: "機關應辦事項",
      body: (list) => [
        plain(labelAt(list, 1), [run("本節為機關自行辦理之事項，非屬廠商之履約義務，列出以供機關辦理及查核。", { size: SIZE.table, color: "404040" })]),
        ...clauseList(model.agency, list, 1, 2),
      ],
    });

  if (model.priced.length) sections.push({ title: "資安經費編列提示", body: (list) => pricedList(model.priced, list) });

  // One list for the whole document: deleting a section or a clause in Word renumbers all that follow.
  const list: TList = { ref: "outline", instance: lists.fresh() };
  return [
    ...coverBlock(model, ANNEX_TITLE, PREAMBLE),
    ...tableOfContents(),
    ...sections.flatMap((section, i) => [headingAt(list, 0, section.title, 1, i === 0), ...section.body(list)]),
    ...pendingSection(model, lists),
  ];
}

/**
 * 資安經費編列提示: what the bidder prices as its own line, and what the agency budgets itself. No
 * amounts (SecReq does not know prices); the sources say why.
 */
function pricedList(lines: TExportModel["priced"], list: TList): Paragraph[] {
  const sources = [...new Set(lines.flatMap((l) => l.sources))];
  return [
    plain(labelAt(list, 1), [
      run(
        "下列項目已納入本案，其費用應單獨列項編列：標示「廠商」者，投標廠商應於價格標單或成本分析中單獨列項計價，不得併入其他項目；標示「機關」者屬機關應辦事項，由機關另行編列經費辦理。",
      ),
    ]),
    ...lines.map((line) =>
      numbered(at(list, 1), line.text.includes(line.label) ? line.text : line.label.includes(line.text) ? line.label : `${line.label}：${line.text}`, {
        after: [run(line.agencyDuty ? "（機關應辦事項，由機關編列經費）" : "（廠商辦理並單獨計價）", { bold: true })],
      }),
    ),
    plain(labelAt(list, 1), [run(`參考：${sources.join("；")}。`, { size: SIZE.table, color: "404040" })]),
  ];
}
