import type { TClauseLibrary } from "../catalogue/schema/clauses";
import { parseParameterLayer, resolveParameters } from "../export/clauses/parameters";
import { addHours, parseInstant, taipeiDate, taipeiIso, TAIPEI_OFFSET } from "./dates";
import { ContractError, type TDeadline } from "./types";
import { addWorkingDays, type TWorkCalendar } from "./working-days";

/**
 * A 資安事件's deadlines from the moment the vendor learned of it, with the clause library's parameters
 * (defaults, overridable by the contract's values). Recovery: 通報應變及演練辦法 §8 I — 72 h for levels
 * 1–2 (minorRecoveryHours), 36 h for levels 3–4 (majorRecoveryHours, 施行細則 §13: 重大 = 3 and 4).
 * The clause counts on-site and response from the agency's call and recovery from the event; the vendor's
 * knowledge is the one moment recorded, so each counts from it, the basis says so.
 */

export interface TIncidentInput {
  level: number;
  /** ISO 8601 with its offset. */
  knownAt: string;
  /** Overrides of the clause parameters (the contract's values), e.g. { incidentNoticeHours: 1 }. */
  parameters?: unknown;
  /** When handling ended (ISO with offset): the report counts from it; absent, from the recovery deadline. */
  resolvedAt?: string;
  library: TClauseLibrary;
  calendar: TWorkCalendar;
}

const INCIDENT_KEYS = ["incidentNoticeHours", "onSiteHours", "initialResponseHours", "minorRecoveryHours", "majorRecoveryHours", "reportWorkingDays"] as const;

export function incidentDeadlines(input: TIncidentInput): TDeadline[] {
  const issues: { path: string; message: string }[] = [];
  if (!Number.isInteger(input.level) || input.level < 1 || input.level > 4) issues.push({ path: "level", message: "事件等級須為 1～4 之整數" });
  const known = typeof input.knownAt === "string" ? parseInstant(input.knownAt) : null;
  if (!known) issues.push({ path: "knownAt", message: "知悉時間須為含時區之 ISO 8601 時間，例如 2026-12-02T09:30:00+08:00" });
  const resolved = input.resolvedAt === undefined ? undefined : parseInstant(input.resolvedAt);
  if (resolved === null) issues.push({ path: "resolvedAt", message: "處理完畢時間須為含時區之 ISO 8601 時間" });
  const layer = parseParameterLayer(input.library, "case", input.parameters);
  issues.push(...layer.issues.map((i) => ({ path: i.path ? `parameters.${i.path}` : "parameters", message: i.message })));
  if (issues.length) throw new ContractError(issues);

  const result = resolveParameters(input.library, { case: layer.values });
  if (!result.ok) throw new ContractError(result.issues.map((i) => ({ path: `parameters.${i.path}`, message: i.message })));
  const v = result.parameters.values;
  for (const key of INCIDENT_KEYS) if (v[key] === undefined) throw new Error(`條文庫缺少參數 ${key}`);
  const label = (key: string) => input.library.parameters.find((p) => p.key === key)!.label;
  const from = result.parameters.from;
  const param = (key: (typeof INCIDENT_KEYS)[number]) => `「${label(key)}」＝${v[key]}${from[key] === "default" ? "（條文庫預設）" : "（本案參數）"}`;

  const at = known!;
  const major = input.level >= 3;
  const recoveryKey = major ? "majorRecoveryHours" : "minorRecoveryHours";
  const recovery = addHours(at, v[recoveryKey]!);
  const reportFrom = resolved ?? recovery;
  const report = addWorkingDays(taipeiDate(reportFrom), v.reportWorkingDays!, input.calendar);

  const deadlines: TDeadline[] = [
    {
      key: "notice",
      at: taipeiIso(addHours(at, v.incidentNoticeHours!)),
      basis: `廠商知悉後 ${v.incidentNoticeHours} 小時內通報機關（契約條款「資安事件通報與緊急應變處理」；${param("incidentNoticeHours")}；機關本身須於知悉後1小時內通報，通報應變及演練辦法第6條）`,
    },
    {
      key: "on-site",
      at: taipeiIso(addHours(at, v.onSiteHours!)),
      basis: `機關判斷須到場處理時，接獲通知時起 ${v.onSiteHours} 小時內到達（契約條款「資安事件通報與緊急應變處理」；${param("onSiteHours")}；本系統自廠商知悉時起算）`,
    },
    {
      key: "initial-response",
      at: taipeiIso(addHours(at, v.initialResponseHours!)),
      basis: `接獲通報時起 ${v.initialResponseHours} 小時內完成初步緊急應變處理（契約條款「資安事件通報與緊急應變處理」；${param("initialResponseHours")}；本系統自廠商知悉時起算）`,
    },
    {
      key: "recovery",
      at: taipeiIso(recovery),
      basis: `第${major ? "三、四" : "一、二"}級事件：${v[recoveryKey]} 小時內完成損害控制或復原（資通安全事件通報應變及演練辦法第8條第1項〔P〕法定上限 ${major ? 36 : 72} 小時；${param(recoveryKey)}；本系統自廠商知悉時起算）`,
    },
    {
      key: "report",
      at: `${report.date}T23:59:59${TAIPEI_OFFSET}`,
      basis: `事件處理完畢後 ${v.reportWorkingDays} 個工作天內交付處理報告（契約條款「資安事件通報與緊急應變處理」；${param("reportWorkingDays")}；${resolved ? "自處理完畢日" : "處理完畢時間未記錄，自復原期限"}起算，工作天依行政機關辦公日曆）`,
      ...(report.warnings.length ? { warnings: report.warnings } : {}),
    },
  ];
  return deadlines;
}
