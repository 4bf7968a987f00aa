-- AlterTable
ALTER TABLE "AuditEntry" ADD COLUMN     "hash" TEXT,
ADD COLUMN     "seq" INTEGER;

-- CreateTable
CREATE TABLE "AuditChainHead" (
    "id" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditChainHead_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AuditEntry_seq_key" ON "AuditEntry"("seq");

-- Hand-written, the twin of prisma/migrations/*_audit_chain. PostgreSQL has no REPLACE, but refuse an
-- insert colliding with an entry all the same (ON CONFLICT … DO UPDATE already meets the UPDATE trigger).
CREATE FUNCTION "secreq_audit_no_replace"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "AuditEntry" WHERE "id" = NEW."id" OR ("seq" IS NOT NULL AND "seq" = NEW."seq")) THEN
    RAISE EXCEPTION 'SECREQ_AUDIT_APPEND_ONLY: audit entries cannot be replaced' USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "AuditEntry_no_replace" BEFORE INSERT ON "AuditEntry"
FOR EACH ROW EXECUTE FUNCTION "secreq_audit_no_replace"();

-- An entry is written once; the one exception is giving an entry made before the chain existed its place
-- in the chain (seq and hash, once, nothing else changed).
CREATE OR REPLACE FUNCTION "secreq_audit_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'SECREQ_AUDIT_APPEND_ONLY: audit entries cannot be deleted' USING ERRCODE = 'P0001';
  END IF;
  IF TG_OP = 'UPDATE' AND OLD."seq" IS NULL AND OLD."hash" IS NULL AND NEW."seq" IS NOT NULL AND NEW."hash" IS NOT NULL
     AND ROW(NEW."id", NEW."agencyId", NEW."actorId", NEW."actorName", NEW."action", NEW."targetType", NEW."targetId", NEW."before", NEW."after", NEW."at") IS NOT DISTINCT FROM ROW(OLD."id", OLD."agencyId", OLD."actorId", OLD."actorName", OLD."action", OLD."targetType", OLD."targetId", OLD."before", OLD."after", OLD."at") THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'SECREQ_AUDIT_APPEND_ONLY: audit entries cannot be changed' USING ERRCODE = 'P0001';
END;
$$;

-- The chain starts empty; entries written before this migration are chained, in order, at the first start:
-- lib/audit/chain.ts carryForward (the same code on both databases).
INSERT INTO "AuditChainHead" ("id", "seq", "hash") VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE FUNCTION "secreq_audit_head_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW."seq" >= OLD."seq" AND NEW."id" = OLD."id" THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'SECREQ_AUDIT_APPEND_ONLY: the audit chain head only moves forward' USING ERRCODE = 'P0001';
END;
$$;

CREATE TRIGGER "AuditChainHead_guard" BEFORE UPDATE OR DELETE ON "AuditChainHead"
FOR EACH ROW EXECUTE FUNCTION "secreq_audit_head_guard"();

CREATE TRIGGER "AuditChainHead_no_truncate" BEFORE TRUNCATE ON "AuditChainHead"
FOR EACH STATEMENT EXECUTE FUNCTION "secreq_audit_head_guard"();
