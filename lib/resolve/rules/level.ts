import { settle } from "../draft";
import {
  AGENCY_KIND_LABEL,
  CONDITIONS,
  annexLabel,
  type TCell,
  type TCellFact,
  type TConditionKey,
  type TMeasure2,
  type TObligationsTable,
} from "../../catalogue/schema/obligations";
import { citationText } from "../obligation-matrix";
import { FACT_UNMET, RELIABILITY_NOTE, VERIFIED_BADGE } from "../text";
import type { TCaseContext, TDraft, TItemBasis, TRule } from "../types";

/**
 * ▲ → by the 附表 that binds the agency (its level and whether it is a 公務機關 or a 特定非公務機關):
 * required → standard with its frequency; not required or condition unmet → optional;
 * unsettled measure, unknown cell or a cell resting on [U] → needs-decision. Never a silent guess.
 */
export const levelRule: TRule = {
  name: "level",
  apply(draft, ctx) {
    if (draft.mark !== "▲") return draft;
    const key = draft.item.hints.levelMeasure;
    const table = ctx.matrix;
    if (!key)
      return withBasis(
        settle(draft, "needs-decision", `一覽表標示 ▲ 但未指定對應之責任等級應辦事項，無法依責任等級判定，請機關決定${RELIABILITY_NOTE.U}`),
        "U",
        null,
      );
    const measure = table.measures[key];
    if (!measure)
      return withBasis(
        settle(draft, "needs-decision", `責任等級對照表（${table.version}）未收錄「${key}」，無法依責任等級判定，請機關決定${RELIABILITY_NOTE.U}`),
        "U",
        null,
      );
    if (!measure.settled) {
      const summary = measure.components.length ? `；${annexLabel(ctx.column)}各子項：${componentSummary(measure.components, table, ctx)}` : "";
      return withBasis(
        settle(
          draft,
          "needs-decision",
          `依責任等級（${who(ctx)}）：${measure.name}—${measure.reason}${summary}；請機關決定${RELIABILITY_NOTE[measure.reliability]}`,
        ),
        measure.reliability,
        null,
      );
    }
    return byCell(draft, measure.annexItem, measure.columns[ctx.column], ctx);
  },
};

const who = (ctx: TCaseContext) => (ctx.level === "D" || ctx.level === "E" ? `${ctx.level}級` : `${ctx.level}級${AGENCY_KIND_LABEL[ctx.agencyKind]}`);

function withBasis(draft: TDraft, reliability: TItemBasis["reliability"], citation: string | null, cell?: TCell): TDraft {
  const verified = cell?.verification ? { document: cell.verification.document, locator: cell.verification.locator } : null;
  return { ...draft, basis: { reliability, citation, verified } };
}

function byCell(draft: TDraft, name: string, cell: TCell, ctx: TCaseContext): TDraft {
  const citation = citationText(ctx.column, cell);
  const head = `依${citation}：`;
  const checked = cell.verification ? `；${VERIFIED_BADGE.label}：${cell.verification.document}，${cell.verification.locator}` : "";
  const trust = `${checked}${RELIABILITY_NOTE[cell.reliability]}`;
  const detail = cell.detail ? `；${cell.detail}` : "";
  const done = (next: TDraft) => withBasis(next, cell.reliability, citation, cell);
  if (cell.reliability === "U" || cell.status === "unknown")
    return done(settle(draft, "needs-decision", `${head}${name}之應辦與否尚無可靠依據，請機關決定${trust}`));
  if (cell.status === "not-required") return done(settle(draft, "optional", `${head}應辦事項未列${name}，本案得視需要選配${trust}`));
  const condition = cell.condition ? CONDITIONS[cell.condition] : null;
  if (condition && !holds(condition.requires, ctx))
    return done(settle(draft, "optional", `${head}${name}僅適用於「${condition.text}」；${unmet(condition.requires, ctx)}，本案得視需要選配${detail}${trust}`));
  const met = condition ? `；本案符合「${condition.text}」${byGrade(cell.condition!, ctx)}` : "";
  return done(settle(draft, "standard", `${head}應辦${name}（${cell.frequency ?? "依附表所定"}）${met}${detail}${trust}`, cell.frequency));
}

function holds(requires: readonly TCellFact[], ctx: TCaseContext): boolean {
  return requires.every((fact) => ctx.facts[fact]);
}

function unmet(requires: readonly TCellFact[], ctx: TCaseContext): string {
  return requires
    .filter((fact) => !ctx.facts[fact])
    .map((fact) => FACT_UNMET[fact])
    .join("、");
}

function byGrade(key: TConditionKey, ctx: TCaseContext): string {
  return ctx.coreSystemBy === "grade" && (CONDITIONS[key].requires as readonly TCellFact[]).includes("coreSystem")
    ? "（系統防護需求等級為高，視為核心資通系統）"
    : "";
}

/** For a bundle: what the agency's 附表 says of each part, so the officer can decide part by part. */
function componentSummary(keys: readonly string[], table: TObligationsTable, ctx: TCaseContext): string {
  return keys.map((key) => `${table.measures[key]?.name ?? key}—${partStatus(table.measures[key], ctx)}`).join("；");
}

function partStatus(measure: TMeasure2 | undefined, ctx: TCaseContext): string {
  if (!measure || !measure.settled) return "法規未依責任等級規定";
  const cell = measure.columns[ctx.column];
  if (cell.reliability === "U" || cell.status === "unknown") return "依據待查證";
  if (cell.status === "not-required") return "未列";
  const condition = cell.condition ? CONDITIONS[cell.condition] : null;
  if (condition && !holds(condition.requires, ctx)) return `僅適用於「${condition.text}」，本案不符`;
  return `應辦（${cell.frequency ?? "依附表所定"}）`;
}
