import type { Paragraph, Table } from "docx";
import type { TExportModel } from "../model/types";
import { coverBlock } from "./cover";
import { clauseList, exemptList, headingAt, listSlot, requirementList } from "./outline";
import { pendingSection } from "./pending";
import { SIZE } from "./styles";
import { plain, run, textOf } from "./text";

export const ANNEX_TITLE = "資通安全需求規範";
const PREAMBLE = "本規範為補充性質，契約有規定者，從其規定，但不得低於本規範之最低要求。";

type TSection = { title: string; body: (left: number) => Paragraph[] };

/** 資通安全需求規範 (RFP annex): 一、共通性需求 二、技術需求 三、適法性義務, then 本案免辦 and 機關應辦事項. */
export function annexBody(model: TExportModel): (Paragraph | Table)[] {
  const sections: TSection[] = [
    { title: "共通性需求", body: (left) => clauseList(model.general, left, 1, 2) },
    { title: "技術需求", body: (left) => [plain(left, [run(model.technical.intro)]), ...requirementList(model.technical.groups, left, 1, 2)] },
    { title: "適法性義務", body: (left) => clauseList(model.legal, left, 1, 2) },
  ];
  if (model.exempt.length)
    sections.push({
      title: "本案免辦項目",
      body: (left) => [plain(left, [run("下列項目依機關資通安全責任等級應辦理，經機關確認納入他案辦理，本案免辦：")]), ...exemptList(model.exempt, left, 1)],
    });
  if (model.agency.length)
    sections.push({
      title: "機關應辦事項",
      body: (left) => [
        plain(left, [run("本節為機關自行辦理之事項，非屬廠商之履約義務，列出以供機關辦理及查核。", { size: SIZE.table, color: "404040" })]),
        ...clauseList(model.agency, left, 1, 2),
      ],
    });

  const slot = listSlot(0, 0, sections.length, SIZE.heading);
  return [
    ...coverBlock(model, ANNEX_TITLE, PREAMBLE),
    ...sections.flatMap((section, i) => [headingAt(slot, 0, i + 1, section.title, 1), ...section.body(textOf(slot))]),
    ...pendingSection(model),
  ];
}
