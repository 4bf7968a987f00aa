import type { TDb } from "../../db/client";

export const CATALOGUE_ACTION_LABEL: Record<string, string> = {
  "catalogue.draft-create": "建立草稿",
  "catalogue.update-item": "修改項目",
  "catalogue.add-item": "新增項目",
  "catalogue.retire-item": "停用項目",
  "catalogue.restore-item": "恢復項目",
  "catalogue.move-item": "調整順序",
  "catalogue.set-meta": "修改標題與摘要",
  "catalogue.set-obligations": "修改責任等級應辦事項表",
  "catalogue.set-clauses": "修改一般條款庫",
  "catalogue.set-obligation-cell": "修改應辦事項表儲存格",
  "catalogue.verify-obligation-cell": "核對應辦事項表儲存格（已核對官方附表）",
  "catalogue.import": "匯入資料檔",
  "catalogue.publish": "發布",
  "catalogue.draft-delete": "刪除草稿",
};

/** Who changed a version and how, newest first (the audit trail, filtered to this version). */
export async function versionHistory(db: TDb, versionId: string, take = 100) {
  const rows = await db.auditEntry.findMany({
    where: { targetType: "catalogue", targetId: versionId },
    orderBy: { at: "desc" },
    take,
    select: { id: true, actorName: true, action: true, after: true, at: true },
  });
  return rows.map((r) => {
    let target: string | null = null;
    try {
      target = (JSON.parse(r.after ?? "null") as { target?: string } | null)?.target ?? null;
    } catch {
      target = null;
    }
    return { id: r.id, actorName: r.actorName, action: CATALOGUE_ACTION_LABEL[r.action] ?? r.action, target, at: r.at };
  });
}
