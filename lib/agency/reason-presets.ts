import { randomUUID } from "node:crypto";
import { z } from "zod";
import { zLine } from "../validation/text";
import type { TDb } from "../db/client";
import type { TActor } from "../auth/roles";
import { recordAudit } from "../audit";
import { DomainError } from "../errors";

/** An agency's reason presets for decisions (「本案不涉及個人資料」…), in the admin's order. */
export async function listReasonPresets(db: TDb, agencyId: string): Promise<string[]> {
  const rows = await db.reasonPreset.findMany({ where: { agencyId }, orderBy: [{ position: "asc" }, { text: "asc" }] });
  return rows.map((r) => r.text);
}

export const ZReasonPresets = z
  .array(zLine().trim().min(1, "理由範本不可空白").max(200, "每則理由範本最多 200 字"))
  .max(50, "理由範本最多 50 則")
  .refine((list) => new Set(list).size === list.length, "理由範本不可重複");

/**
 * Replaces the agency's list (one line a preset). `base` is the list as the admin's page had it: a list
 * changed meanwhile is refused with the current one (no lost updates).
 */
export async function saveReasonPresets(db: TDb, actor: TActor, input: unknown, base: string[]): Promise<string[]> {
  const parsed = ZReasonPresets.safeParse(input);
  if (!parsed.success)
    throw new DomainError(
      "invalid",
      "理由範本有誤",
      parsed.error.issues.map((i) => ({ path: ["presets", ...i.path].join("."), message: i.message })),
    );
  const texts = parsed.data;
  return db.$transaction(async (tx) => {
    const before = (await tx.reasonPreset.findMany({ where: { agencyId: actor.agencyId }, orderBy: [{ position: "asc" }, { text: "asc" }] })).map(
      (r) => r.text,
    );
    if (JSON.stringify(before) !== JSON.stringify(base))
      throw new DomainError("conflict", "另一位管理者已修改理由範本，請檢視目前的內容後再儲存", [], { current: before });
    await tx.reasonPreset.deleteMany({ where: { agencyId: actor.agencyId } });
    if (texts.length)
      await tx.reasonPreset.createMany({ data: texts.map((text, position) => ({ id: randomUUID(), agencyId: actor.agencyId, text, position })) });
    await recordAudit(tx, {
      agencyId: actor.agencyId,
      actorId: actor.id,
      actorName: actor.name,
      action: "agency.reason-presets",
      targetType: "agency",
      targetId: actor.agencyId,
      before,
      after: texts,
    });
    return texts;
  });
}
