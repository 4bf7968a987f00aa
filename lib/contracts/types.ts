import { DomainError } from "../errors";
import type { TDeliverableKind, TTrigger } from "../catalogue/schema/deliverables";
import type { TCalendarWarning } from "./working-days";

export type { TCalendarWarning } from "./working-days";

export type TOwner = "vendor" | "agency";

/** A trigger with the number the case's clause parameters give (e.g. vulnFixDays = 10). */
export type TResolvedTrigger = TTrigger & { value?: number; unit?: "days" | "months" };

export interface TObligation {
  /** Stable within one schedule: "item:sbom:0", "pm:8:0", "clause:project-plan:0". */
  key: string;
  /** The requirement line's first checklist id (one per merged requirement) and all of its ids. */
  itemId?: string;
  itemIds?: string[];
  /** 003's 專案管理需求 項次. */
  pmItemId?: number;
  /** A clause of the library (專案工作計畫書, 開源軟體清單 …). */
  clauseId?: string;
  title: string;
  owner: TOwner;
  kind: TDeliverableKind;
  trigger: TResolvedTrigger;
  /** Dates (YYYY-MM-DD, Asia/Taipei), recurrences expanded up to the contract's end; [] for an event not yet happened. */
  due: string[];
  /** Where the obligation and its timing come from: the source, its section and words, and the parameter. */
  basis: string;
}

export interface TDeadline {
  key: "notice" | "on-site" | "initial-response" | "recovery" | "report";
  /** ISO 8601 in +08:00. */
  at: string;
  basis: string;
  warnings?: TCalendarWarning[];
}

/** Bad input to the engine (a date, a level, a parameter): `issues` name the field. */
export class ContractError extends DomainError {
  constructor(issues: { path: string; message: string }[]) {
    super("invalid", issues[0]?.message ?? "輸入有誤", issues);
    this.name = "ContractError";
  }
}
