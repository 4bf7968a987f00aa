-- CreateTable
CREATE TABLE "StoredFile" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "ownerType" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "uploadedByName" TEXT NOT NULL,
    "uploadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "replacedById" TEXT,

    CONSTRAINT "StoredFile_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StoredFile_ownerType_ownerId_uploadedAt_idx" ON "StoredFile"("ownerType", "ownerId", "uploadedAt");

-- CreateIndex
CREATE INDEX "StoredFile_agencyId_idx" ON "StoredFile"("agencyId");

-- The PostgreSQL twin of the SQLite triggers: stored files are never deleted or rewritten; the one change
-- allowed is naming the file that replaced one (replacedById, once).
CREATE FUNCTION "secreq_stored_file_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR TG_OP = 'TRUNCATE' THEN
    RAISE EXCEPTION 'SECREQ_FILE_IMMUTABLE: stored files cannot be deleted' USING ERRCODE = 'P0001';
  END IF;
  IF OLD."replacedById" IS NOT NULL OR NEW."replacedById" IS NULL
    OR (to_jsonb(NEW) - 'replacedById') IS DISTINCT FROM (to_jsonb(OLD) - 'replacedById') THEN
    RAISE EXCEPTION 'SECREQ_FILE_IMMUTABLE: stored files cannot be changed' USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "StoredFile_immutable" BEFORE UPDATE OR DELETE ON "StoredFile"
FOR EACH ROW EXECUTE FUNCTION "secreq_stored_file_immutable"();

CREATE TRIGGER "StoredFile_no_truncate" BEFORE TRUNCATE ON "StoredFile"
FOR EACH STATEMENT EXECUTE FUNCTION "secreq_stored_file_immutable"();
