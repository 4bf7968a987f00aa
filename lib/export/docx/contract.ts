import { HeadingLevel, Paragraph, type Table } from "docx";
import type { TClauseBlock, TExportModel } from "../model/types";
import { zhNumber } from "../text/format";
import { coverBlock } from "./cover";
import { clauseBody, clauseList, exemptList, requirementList } from "./outline";
import { pendingSection } from "./pending";
import { SIZE } from "./styles";
import { plain, run } from "./text";

export const CLAUSES_TITLE = "資通安全契約條款";
const PREAMBLE = "本條款為本案契約之一部分；契約其他條款另有規定者，從其規定，但不得低於本條款之要求。";

/**
 * 契約條款: the annex's content as articles (第一條…), each with its 款 一、 and 目 （一）, as a
 * contract is written. The agency's own duties follow, marked as not being contract clauses.
 */
export function clausesBody(model: TExportModel): (Paragraph | Table)[] {
  const articles: { title: string; body: Paragraph[] }[] = [
    ...model.general.map(asArticle),
    { title: "技術需求", body: [plain(0, [run(model.technical.intro)]), ...requirementList(model.technical.groups, 0, 0, 2)] },
    ...model.legal.map(asArticle),
  ];
  if (model.exempt.length)
    articles.push({
      title: "本案免辦項目",
      body: [plain(0, [run("下列項目依機關資通安全責任等級應辦理，經機關確認納入他案辦理，本案免辦：")]), ...exemptList(model.exempt, 0, 0)],
    });

  const out: (Paragraph | Table)[] = coverBlock(model, CLAUSES_TITLE, PREAMBLE);
  articles.forEach((article, i) =>
    out.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [run(`第${zhNumber(i + 1)}條　${article.title}`)] }), ...article.body),
  );
  if (model.agency.length)
    out.push(
      new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [run("機關應辦事項（供機關辦理，非屬契約條款）")] }),
      plain(0, [run("下列事項由機關自行辦理，不列入契約條款，亦非廠商之履約義務。", { size: SIZE.table, color: "404040" })]),
      ...clauseList(model.agency, 0, 0, 2),
    );
  out.push(...pendingSection(model));
  return out;
}

function asArticle(clause: TClauseBlock): { title: string; body: Paragraph[] } {
  return { title: clause.title, body: clauseBody(clause, 0, 0) };
}
