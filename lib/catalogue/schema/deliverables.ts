import { z } from "zod";
import { nonEmpty as text } from "./item";
import { ZReliability } from "./primitives";

/**
 * Deliverables hints (issue 16): what an item of a bundled catalogue version, a 專案管理需求 item or a
 * clause implies once the contract is signed: a document, a test report, a certificate, an SBOM …,
 * with its timing. Data, never parsed from the item's text; each hint quotes the source that states it.
 * Lives in a supplement (data/supplements/) because published versions never change.
 */

export const DELIVERABLE_KINDS = ["document", "report", "test-report", "certificate", "sbom", "plan", "record", "training", "notice"] as const;
export const ZDeliverableKind = z.enum(DELIVERABLE_KINDS);
export type TDeliverableKind = z.infer<typeof ZDeliverableKind>;

export const DELIVERABLE_KIND_LABEL: Record<TDeliverableKind, string> = {
  document: "文件",
  report: "報告",
  "test-report": "檢測報告",
  certificate: "證書或證明",
  sbom: "軟體物料清單",
  plan: "計畫書",
  record: "紀錄",
  training: "教育訓練",
  notice: "通知",
};

/** Events an on-event obligation waits for (no date of its own until the event happens). */
export const DELIVERABLE_EVENTS = ["incident", "vulnerability", "staff-change", "agency-request", "subcontract", "termination"] as const;

const ZParameterKey = z.string().regex(/^[a-z][A-Za-z0-9]*$/, "參數代碼須為英數（如 vulnFixDays）");
const days = z.int().min(0).max(3650);

/**
 * When it is due. `parameter` names the clause parameter the number comes from (its value in the case
 * wins over `days`/`months`, which are the source's own figure).
 */
export const ZTrigger = z.discriminatedUnion("on", [
  /** 決標次日起 N 日曆天: award + N days. */
  z.strictObject({ on: z.literal("award"), days, parameter: ZParameterKey.optional() }),
  /** Start + N days. */
  z.strictObject({ on: z.literal("start"), days, parameter: ZParameterKey.optional() }),
  /** Every N months from the start, due at the end of each period, never after the contract's end. */
  z.strictObject({ on: z.literal("every"), months: z.int().min(1).max(120), parameter: ZParameterKey.optional() }),
  /** Before the system goes live: dated once the go-live is known. */
  z.strictObject({ on: z.literal("before-go-live") }),
  /** With each update (release) of the software. */
  z.strictObject({ on: z.literal("each-update") }),
  /** When something happens; `days` (or the parameter) after it, if the source says. */
  z.strictObject({
    on: z.literal("event"),
    event: z.enum(DELIVERABLE_EVENTS),
    days: days.optional(),
    parameter: ZParameterKey.optional(),
  }),
  /** At acceptance (驗收): each acceptance milestone, or the contract's end when none is given. */
  z.strictObject({ on: z.literal("acceptance") }),
  /** At the contract's end (+ N days): 服務終止之措施. */
  z.strictObject({ on: z.literal("end"), days }),
]);
export type TTrigger = z.infer<typeof ZTrigger>;

export const ZDeliverableSource = z.strictObject({
  /** A key of `deliverables.sources` ("002", "003", "004", "clauses"). */
  source: z.string().min(1),
  /** Where in it, e.g. 「2.2(6)2」. */
  section: text("來源章節"),
  /** The words that state the timing or the document, verbatim from the source. */
  quote: text("來源文字").max(500),
});

export const ZDeliverable = z.strictObject({
  kind: ZDeliverableKind,
  /** What is delivered, e.g. 「軟體物料清單及安全測試報告」. */
  title: text("交付項目").max(100),
  /** 機關應辦事項 are the agency's; everything else the vendor's. */
  owner: z.enum(["vendor", "agency"]).default("vendor"),
  trigger: ZTrigger,
  basis: ZDeliverableSource,
});
export type TDeliverable = z.infer<typeof ZDeliverable>;

export const ZDeliverables = z.strictObject({
  sources: z.record(z.string(), z.strictObject({ document: text("來源文件"), reliability: ZReliability })),
  /** By item slug (the part after `<type>.`), like the pricing hints. */
  items: z.record(z.string(), z.array(ZDeliverable).min(1)),
  /** By 專案管理需求 項次 ("1" … "26"). */
  projectManagement: z.record(z.string().regex(/^\d{1,2}$/), z.array(ZDeliverable).min(1)),
  /** By clause id of the library. */
  clauses: z.record(z.string(), z.array(ZDeliverable).min(1)),
});
export type TDeliverables = z.infer<typeof ZDeliverables>;
