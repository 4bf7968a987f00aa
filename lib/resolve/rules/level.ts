import { addReason, settle } from "../draft";
import type { TFactTest, TMeasure, TObligationCell, TObligationsFile } from "../../catalogue/schema/obligations";
import { FACT_UNMET, RELIABILITY_NOTE } from "../text";
import type { TCaseContext, TDraft, TRule } from "../types";

/**
 * ▲ → by the agency's responsibility level, from the obligations table (分級辦法 附表一～八):
 * required → standard with its frequency; not required or condition unmet → optional;
 * unsettled measure, unknown cell or a cell resting on [U] → needs-decision. Never a silent guess.
 */
export const levelRule: TRule = {
  name: "level",
  apply(draft, ctx) {
    if (draft.mark !== "▲") return draft;
    const key = draft.item.hints.levelMeasure;
    const table = ctx.obligations;
    if (!key) return settle(draft, "needs-decision", "一覽表標示 ▲ 但未指定對應之責任等級應辦事項，無法依責任等級判定，請機關決定");
    const measure = table.measures[key];
    if (!measure)
      return settle(draft, "needs-decision", `責任等級對照表（${table.version}）未收錄「${key}」，無法依責任等級判定，請機關決定`);
    if (!measure.settled) {
      const summary = measure.components.length ? `；${ctx.level}級各子項：${componentSummary(measure.components, table, ctx)}` : "";
      return settle(
        draft,
        "needs-decision",
        `依責任等級（${ctx.level}級）：${measure.name}—${measure.reason}${summary}；請機關決定${RELIABILITY_NOTE[measure.reliability]}`,
      );
    }
    return byCell(draft, measure.annexItem, measure.levels[ctx.level], ctx);
  },
};

function byCell(draft: TDraft, name: string, cell: TObligationCell, ctx: TCaseContext): TDraft {
  const head = `依責任等級（${ctx.level}級，${cell.citation}）：`;
  const note = cell.note ? `；附註：${cell.note}` : "";
  if (cell.reliability === "U" || cell.required === null) {
    const hint =
      cell.required === true ? "；記憶所及之舊版附表列為應辦" : cell.required === false ? "；記憶所及之舊版附表未列" : "";
    return settle(draft, "needs-decision", `${head}${name}之應辦與否未見可靠來源${hint}，請機關決定${RELIABILITY_NOTE.U}`);
  }
  const trust = RELIABILITY_NOTE[cell.reliability];
  if (!cell.required) return settle(draft, "optional", `${head}應辦事項未列${name}，本案得視需要選配${trust}`);
  if (cell.condition && !holds(cell.condition, ctx))
    return settle(
      draft,
      "optional",
      `${head}${name}僅適用於「${cell.condition.text}」；${unmet(cell.condition, ctx)}，本案得視需要選配${trust}`,
    );
  const met = cell.condition ? `；本案符合「${cell.condition.text}」${byGrade(cell.condition, ctx)}` : "";
  let next = settle(draft, "standard", `${head}應辦${name}（${cell.frequency ?? "依附表所定"}）${met}${note}${trust}`, cell.frequency);
  if (cell.scope && !holds(cell.scope, ctx))
    next = addReason(
      next,
      `法定範圍為機關之「${cell.scope.text}」；${unmet(cell.scope, ctx)}，請確認本項納入本案或另於他案辦理（經確認納入他案辦理者，本案免辦）`,
    );
  return next;
}

function holds(test: TFactTest, ctx: TCaseContext): boolean {
  return test.requires.every((fact) => ctx.facts[fact]);
}

function unmet(test: TFactTest, ctx: TCaseContext): string {
  return test.requires
    .filter((fact) => !ctx.facts[fact])
    .map((fact) => FACT_UNMET[fact])
    .join("、");
}

function byGrade(test: TFactTest, ctx: TCaseContext): string {
  return ctx.coreSystemBy === "grade" && test.requires.includes("coreSystem") ? "（系統防護需求等級為高，視為核心資通系統）" : "";
}

/** For a bundle: what the level says of each part, so the officer can decide part by part. */
function componentSummary(keys: readonly string[], table: TObligationsFile, ctx: TCaseContext): string {
  return keys.map((key) => `${partName(table.measures[key], key)}—${partStatus(table.measures[key], ctx)}`).join("；");
}

function partName(measure: TMeasure | undefined, key: string): string {
  return measure ? measure.name : key;
}

function partStatus(measure: TMeasure | undefined, ctx: TCaseContext): string {
  if (!measure || !measure.settled) return "法規未依責任等級規定";
  const cell = measure.levels[ctx.level];
  if (cell.reliability === "U" || cell.required === null) return "依據待查證";
  if (!cell.required) return "未列";
  if (cell.condition && !holds(cell.condition, ctx)) return `僅適用於「${cell.condition.text}」，本案不符`;
  return `應辦（${cell.frequency ?? "依附表所定"}）`;
}
