import type { TDeliverable, TDeliverables } from "../catalogue/schema/deliverables";
import type { TSupplement } from "../catalogue/schema/supplement";
import type { TExportModel } from "../export/model/types";
import { addDays, addMonths, parseDate } from "./dates";
import { ContractError, type TObligation, type TOwner, type TResolvedTrigger } from "./types";

/**
 * The approved checklist → the contract's security obligations with their due dates. Pure.
 * What an item implies comes from the supplement's deliverables hints (data), never from its text; only
 * what the contract carries counts: the document model's included requirements (items placed 另案辦理
 * or excluded are not in it), the 專案管理需求 items written as their own clause, and the clauses
 * present, 機關應辦事項 being the agency's.
 */

export interface TScheduleInput {
  /** buildExportModel's result for the approved revision (cli: from case.json). */
  model: Pick<TExportModel, "technical" | "projectManagement" | "general" | "legal" | "agency" | "parameters">;
  supplement: Pick<TSupplement, "deliverables"> | null;
  /** YYYY-MM-DD, Asia/Taipei. */
  award: string;
  start: string;
  end: string;
  /** Acceptance milestones (驗收), YYYY-MM-DD; without any, acceptance is at the end. */
  acceptance?: readonly string[];
}

const FIELD = { award: "決標日", start: "契約開始日", end: "契約結束日" } as const;

/** The dates, checked: real dates, the end not before the start nor the award; refusals name the field. */
export function checkContractDates(input: { award: string; start: string; end: string; acceptance?: readonly string[] }): void {
  const issues: { path: string; message: string }[] = [];
  for (const key of ["award", "start", "end"] as const)
    if (typeof input[key] !== "string" || !parseDate(input[key]))
      issues.push({ path: key, message: `${FIELD[key]}須為有效日期（YYYY-MM-DD），收到「${String(input[key] ?? "")}」` });
  (input.acceptance ?? []).forEach((d, i) => {
    if (!parseDate(d)) issues.push({ path: `acceptance.${i}`, message: `驗收日須為有效日期（YYYY-MM-DD），收到「${d}」` });
  });
  if (!issues.length) {
    if (input.end < input.start) issues.push({ path: "end", message: `契約結束日（${input.end}）不得早於契約開始日（${input.start}）` });
    else if (input.end < input.award) issues.push({ path: "end", message: `契約結束日（${input.end}）不得早於決標日（${input.award}）` });
  }
  if (issues.length) throw new ContractError(issues);
}

export function scheduleObligations(input: TScheduleInput): TObligation[] {
  checkContractDates(input);
  const hints = input.supplement?.deliverables;
  if (!hints) return [];
  const params = new Map(input.model.parameters.map((p) => [p.key, p]));
  const out: TObligation[] = [];
  const add = (key: string, where: Partial<TObligation>, list: readonly TDeliverable[], owner?: TOwner) =>
    list.forEach((hint, i) => {
      const trigger = resolveTrigger(hint, params);
      out.push({
        key: `${key}:${i}`,
        ...where,
        title: hint.title,
        owner: owner ?? hint.owner,
        kind: hint.kind,
        trigger,
        due: dueDates(trigger, input),
        basis: basisText(hint, hints, params),
      });
    });

  const seenSlugs = new Set<string>();
  for (const group of input.model.technical.groups)
    for (const line of group.items)
      for (const id of line.ids) {
        const slug = id.slice(id.indexOf(".") + 1);
        const list = hints.items[slug];
        if (!list || seenSlugs.has(slug)) continue;
        seenSlugs.add(slug);
        add(`item:${slug}`, { itemId: line.id, itemIds: [...line.ids] }, list);
      }

  // An item a clause of the document already says is that clause's obligation, not a second one.
  for (const line of input.model.projectManagement?.items ?? []) {
    const list = hints.projectManagement[String(line.no)];
    if (list && line.see.length === 0) add(`pm:${line.no}`, { pmItemId: line.no }, list);
  }

  const agency = new Set(input.model.agency.map((c) => c.id));
  for (const clause of [...input.model.general, ...input.model.legal, ...input.model.agency]) {
    const list = hints.clauses[clause.id];
    if (list) add(`clause:${clause.id}`, { clauseId: clause.id }, list, agency.has(clause.id) ? "agency" : undefined);
  }
  return out;
}

type TParams = ReadonlyMap<string, { key: string; label: string; value: number; unit: string }>;

function resolveTrigger(hint: TDeliverable, params: TParams): TResolvedTrigger {
  const t = hint.trigger;
  const fromParam = "parameter" in t && t.parameter ? params.get(t.parameter)?.value : undefined;
  switch (t.on) {
    case "award":
    case "start":
    case "end":
      return { ...t, value: fromParam ?? t.days, unit: "days" };
    case "every":
      return { ...t, value: fromParam ?? t.months, unit: "months" };
    case "event": {
      const value = fromParam ?? t.days;
      return value === undefined ? { ...t } : { ...t, value, unit: "days" };
    }
    default:
      return { ...t };
  }
}

/**
 * Every N months from the start: one obligation per period, due on the period's last day, the last
 * period cut at the contract's end (a one-year contract with a yearly scan has one, due at its end).
 */
export function periodEnds(start: string, end: string, months: number): string[] {
  const due: string[] = [];
  for (let k = 1; ; k++) {
    const from = addMonths(start, (k - 1) * months);
    if (from > end) break;
    const last = addDays(addMonths(start, k * months), -1);
    due.push(last < end ? last : end);
    if (last >= end) break;
  }
  return due;
}

function dueDates(t: TResolvedTrigger, input: TScheduleInput): string[] {
  switch (t.on) {
    case "award":
      return [addDays(input.award, t.value ?? 0)];
    case "start":
      return [addDays(input.start, t.value ?? 0)];
    case "end":
      return [addDays(input.end, t.value ?? 0)];
    case "every":
      return periodEnds(input.start, input.end, t.value ?? t.months);
    case "acceptance": {
      const dates = [...new Set(input.acceptance ?? [])].filter((d) => d >= input.start && d <= input.end).sort();
      return dates.length ? dates : [input.end];
    }
    default:
      return [];
  }
}

const WHEN: Record<TResolvedTrigger["on"], (t: TResolvedTrigger) => string> = {
  award: (t) => `決標次日起 ${t.value} 日曆天內`,
  start: (t) => `契約開始日起 ${t.value} 日曆天內`,
  every: (t) => `每 ${t.value} 個月`,
  "before-go-live": () => "系統上線前",
  "each-update": () => "每次更新時",
  event: (t) => (t.value !== undefined ? `事件發生（知悉或接獲通知）之日起 ${t.value} 日曆天內` : "事件發生時"),
  acceptance: () => "驗收時",
  end: (t) => (t.value ? `契約終止後 ${t.value} 日曆天內` : "契約終止時"),
};

function basisText(hint: TDeliverable, hints: TDeliverables, params: TParams): string {
  const source = hints.sources[hint.basis.source];
  const parts = [`${WHEN[hint.trigger.on](resolveTrigger(hint, params))}`];
  parts.push(`${source?.document ?? hint.basis.source} ${hint.basis.section}「${hint.basis.quote}」〔${source?.reliability ?? "U"}〕`);
  const key = "parameter" in hint.trigger ? hint.trigger.parameter : undefined;
  const p = key ? params.get(key) : undefined;
  if (p) parts.push(`期限依條文參數「${p.label}」＝${p.value} ${p.unit}`);
  return parts.join("；");
}
