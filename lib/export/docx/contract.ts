import { HeadingLevel, Paragraph, type Table, type TableOfContents } from "docx";
import type { TClauseBlock, TExportModel } from "../model/types";
import { coverBlock } from "./cover";
import { Lists } from "./numbering";
import { clauseBody, clauseList, exemptList, projectList, requirementList, type TList } from "./outline";
import { pendingSection } from "./pending";
import { SIZE } from "./styles";
import { numbered, plain, run } from "./text";
import { tableOfContents } from "./toc";

export const CLAUSES_TITLE = "資通安全契約條款";
const PREAMBLE = "本條款為本案契約之一部分；契約其他條款另有規定者，從其規定，但不得低於本條款之要求。";

/**
 * 契約條款: the annex's content as articles (第一條…), each with its 款 一、 and 目 （一）, as a
 * contract is written — all one Word list, so deleting an article renumbers the rest. The agency's own
 * duties follow, marked as not being contract clauses, in a list of their own.
 */
export function clausesBody(model: TExportModel, lists: Lists = new Lists()): (Paragraph | Table | TableOfContents)[] {
  const list: TList = { ref: "articles", instance: lists.fresh() };
  const articles: { title: string; body: Paragraph[] }[] = [
    ...model.general.map((c) => asArticle(c, list)),
    { title: "技術需求", body: [plain(0, [run(model.technical.intro)]), ...requirementList(model.technical.groups, list, 0, 2)] },
    ...model.legal.map((c) => asArticle(c, list)),
  ];
  const pm = model.projectManagement;
  if (pm?.items.length) articles.push({ title: "專案管理需求", body: [plain(0, [run(pm.intro)]), ...projectList(pm.items, list, 0, "clauses")] });
  if (model.exempt.length)
    articles.push({
      title: "本案免辦項目",
      body: [plain(0, [run("下列項目依機關資通安全責任等級應辦理，經機關確認納入他案辦理，本案免辦：")]), ...exemptList(model.exempt, list, 0)],
    });

  const out: (Paragraph | Table | TableOfContents)[] = [...coverBlock(model, CLAUSES_TITLE, PREAMBLE), ...tableOfContents()];
  articles.forEach((article, i) =>
    out.push(
      numbered({ reference: "articles", instance: list.instance, level: 0 }, article.title, { heading: HeadingLevel.HEADING_1, pageBreakBefore: i === 0 }),
      ...article.body,
    ),
  );
  if (model.agency.length) {
    const agency: TList = { ref: "articles", instance: lists.fresh() };
    out.push(
      new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [run("機關應辦事項（供機關辦理，非屬契約條款）")] }),
      plain(0, [run("下列事項由機關自行辦理，不列入契約條款，亦非廠商之履約義務。", { size: SIZE.table, color: "404040" })]),
      ...clauseList(model.agency, agency, 0, 2),
    );
  }
  out.push(...pendingSection(model, lists));
  return out;
}

function asArticle(clause: TClauseBlock, list: TList): { title: string; body: Paragraph[] } {
  return { title: clause.title, body: clauseBody(clause, list, 0) };
}
