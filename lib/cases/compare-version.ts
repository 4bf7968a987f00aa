// What moving a case to another catalogue version would change for that case (issue #6). Pure.
import { diffCatalogues, type TItemChange } from "../catalogue/diff";
import type { TCatalogueFile } from "../catalogue/schema";
import type { TStatus } from "../resolve/types";
import { buildChecklist, type TChecklistItem } from "./checklist";
import type { TCaseProfile } from "../agency/snapshot";
import { decisionFits } from "./decisions";
import type { TCaseRecord, TDecisionRecord } from "./store";

export type TCaseItemChange = {
  id: string;
  /** The text as the case would read it (new version's, or the old one's for an item that disappears). */
  text: string;
  from: TStatus | null;
  to: TStatus | null;
  /** What the catalogue itself changed in this item (word diff of text and note, marks, legal basis). */
  catalogue: TItemChange["fields"] | null;
};

export type TCaseVersionComparison =
  | {
      ok: true;
      from: string;
      to: string;
      /** Items that would apply to this case and did not. */
      appear: TCaseItemChange[];
      /** Items that would no longer apply. */
      disappear: TCaseItemChange[];
      /** Items that apply in both but with another status, or whose wording, marks or legal basis changed. */
      change: TCaseItemChange[];
      /** Decisions that still fit their item and move with the case. */
      keptDecisions: (TDecisionRecord & { text: string; reviewSuggested: boolean })[];
      /** Decisions the new version no longer asks for (their item disappears or needs no decision). */
      droppedDecisions: (TDecisionRecord & { text: string })[];
      /** Items that would need the officer's (new) decision. */
      needDecision: TChecklistItem[];
    }
  | { ok: false; message: string };

const applies = (status: TStatus | null | undefined) => !!status && status !== "not-applicable";

export function compareCaseVersions(record: TCaseRecord, from: TCatalogueFile, to: TCatalogueFile, profile: TCaseProfile | null): TCaseVersionComparison {
  const before = buildChecklist(from, from.obligations, { ...record, catalogueVersionId: from.version }, profile);
  const after = buildChecklist(to, to.obligations, { ...record, catalogueVersionId: to.version }, profile);
  if (!before.ok || !after.ok) return { ok: false, message: "案件資料尚未完整，請先完成精靈各步驟再比較版本。" };

  const catalogueChanges = new Map(diffCatalogues(from, to).changed.map((c) => [c.id, c.fields]));
  const oldItems = new Map(before.items.map((i) => [i.id, i]));
  const newItems = new Map(after.items.map((i) => [i.id, i]));
  const ids = [...after.items.map((i) => i.id), ...before.items.map((i) => i.id).filter((id) => !newItems.has(id))];

  const appear: TCaseItemChange[] = [];
  const disappear: TCaseItemChange[] = [];
  const change: TCaseItemChange[] = [];
  for (const id of ids) {
    const o = oldItems.get(id);
    const n = newItems.get(id);
    const entry: TCaseItemChange = {
      id,
      text: (n ?? o)!.filledText,
      from: o?.status ?? null,
      to: n?.status ?? null,
      catalogue: catalogueChanges.get(id) ?? null,
    };
    if (!applies(o?.status) && applies(n?.status)) appear.push(entry);
    else if (applies(o?.status) && !applies(n?.status)) disappear.push(entry);
    else if (applies(n?.status) && (o!.status !== n!.status || entry.catalogue)) change.push(entry);
  }

  const keptDecisions: Extract<TCaseVersionComparison, { ok: true }>["keptDecisions"] = [];
  const droppedDecisions: Extract<TCaseVersionComparison, { ok: true }>["droppedDecisions"] = [];
  for (const d of record.decisions) {
    const n = newItems.get(d.itemId);
    if (n?.decisionKind && decisionFits(n.decisionKind, d.choice))
      keptDecisions.push({ ...d, text: n.filledText, reviewSuggested: catalogueChanges.has(d.itemId) });
    else droppedDecisions.push({ ...d, text: (n ?? oldItems.get(d.itemId))?.filledText ?? d.itemId });
  }
  // In checklist order, whatever order the database returned the decisions in.
  const order = new Map(ids.map((id, i) => [id, i]));
  const byItem = (a: { itemId: string }, b: { itemId: string }) => (order.get(a.itemId) ?? Infinity) - (order.get(b.itemId) ?? Infinity);
  keptDecisions.sort(byItem);
  droppedDecisions.sort(byItem);
  const kept = new Set(keptDecisions.map((d) => d.itemId));
  const needDecision = after.items.filter((i) => i.decisionKind && !kept.has(i.id));

  return { ok: true, from: from.version, to: to.version, appear, disappear, change, keptDecisions, droppedDecisions, needDecision };
}
