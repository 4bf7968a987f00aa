import type { TDb } from "../../db/client";

/** A version's bookkeeping for its page (lock, who made and published it); null when there is none. */
export async function getVersion(db: TDb, id: string) {
  return db.catalogueVersion.findUnique({ where: { id }, select: { lockVersion: true, publishedAt: true, publishedByName: true, createdByName: true } });
}
