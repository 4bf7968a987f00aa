-- AlterTable
ALTER TABLE "AuditEntry" ADD COLUMN "hash" TEXT;
ALTER TABLE "AuditEntry" ADD COLUMN "seq" INTEGER;

-- CreateTable
CREATE TABLE "AuditChainHead" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "seq" INTEGER NOT NULL,
    "hash" TEXT NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "AuditEntry_seq_key" ON "AuditEntry"("seq");

-- Hand-written (see prisma/postgres/migrations/*_audit_chain for the PostgreSQL twin).
-- REPLACE / INSERT OR REPLACE deletes the row it collides with without firing the DELETE trigger, so an
-- insert that would collide with an entry (its id, or its place in the chain) is refused before it runs.
CREATE TRIGGER "AuditEntry_no_replace" BEFORE INSERT ON "AuditEntry"
WHEN EXISTS (SELECT 1 FROM "AuditEntry" WHERE "id" = NEW."id" OR ("seq" IS NOT NULL AND "seq" = NEW."seq"))
BEGIN SELECT RAISE(ABORT, 'SECREQ_AUDIT_APPEND_ONLY: audit entries cannot be replaced'); END;

-- An entry is written once; the one exception is giving an entry made before the chain existed its place
-- in the chain (seq and hash, once, nothing else changed).
DROP TRIGGER "AuditEntry_no_update";
CREATE TRIGGER "AuditEntry_no_update" BEFORE UPDATE ON "AuditEntry"
WHEN NOT (OLD."seq" IS NULL AND OLD."hash" IS NULL AND NEW."seq" IS NOT NULL AND NEW."hash" IS NOT NULL AND NEW."id" IS OLD."id" AND NEW."agencyId" IS OLD."agencyId" AND NEW."actorId" IS OLD."actorId" AND NEW."actorName" IS OLD."actorName" AND NEW."action" IS OLD."action" AND NEW."targetType" IS OLD."targetType" AND NEW."targetId" IS OLD."targetId" AND NEW."before" IS OLD."before" AND NEW."after" IS OLD."after" AND NEW."at" IS OLD."at")
BEGIN SELECT RAISE(ABORT, 'SECREQ_AUDIT_APPEND_ONLY: audit entries cannot be changed'); END;

-- The chain starts empty; entries written before this migration are chained, in order, at the first start
-- (SHA-256 is not available in SQLite's SQL): lib/audit/chain.ts carryForward.
INSERT INTO "AuditChainHead" ("id", "seq", "hash") VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TRIGGER "AuditChainHead_no_replace" BEFORE INSERT ON "AuditChainHead"
WHEN EXISTS (SELECT 1 FROM "AuditChainHead" WHERE "id" = NEW."id")
BEGIN SELECT RAISE(ABORT, 'SECREQ_AUDIT_APPEND_ONLY: the audit chain head cannot be replaced'); END;

CREATE TRIGGER "AuditChainHead_forward_only" BEFORE UPDATE ON "AuditChainHead"
WHEN NEW."seq" < OLD."seq" OR NEW."id" <> OLD."id"
BEGIN SELECT RAISE(ABORT, 'SECREQ_AUDIT_APPEND_ONLY: the audit chain head only moves forward'); END;

CREATE TRIGGER "AuditChainHead_no_delete" BEFORE DELETE ON "AuditChainHead"
BEGIN SELECT RAISE(ABORT, 'SECREQ_AUDIT_APPEND_ONLY: the audit chain head cannot be deleted'); END;
