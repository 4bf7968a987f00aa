import { randomUUID } from "node:crypto";
import type { TObligation } from "../types";

/** The engine's obligations as rows: one per due date (an event-triggered one has none: one row, no date). */
export function obligationRows(contractId: string, agencyId: string, list: readonly TObligation[]) {
  return list.flatMap((o) =>
    (o.due.length ? o.due : [null]).map((dueOn) => ({
      id: randomUUID(),
      contractId,
      agencyId,
      key: `${o.key}@${dueOn ?? "event"}`,
      itemId: o.itemId ?? null,
      pmItemId: o.pmItemId ?? null,
      clauseId: o.clauseId ?? null,
      title: o.title,
      owner: o.owner,
      kind: o.kind,
      basis: o.basis,
      dueOn,
    })),
  );
}
