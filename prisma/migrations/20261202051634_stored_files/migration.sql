-- CreateTable
CREATE TABLE "StoredFile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "agencyId" TEXT NOT NULL,
    "ownerType" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BLOB NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "uploadedByName" TEXT NOT NULL,
    "uploadedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "replacedById" TEXT
);

-- CreateIndex
CREATE INDEX "StoredFile_ownerType_ownerId_uploadedAt_idx" ON "StoredFile"("ownerType", "ownerId", "uploadedAt");

-- CreateIndex
CREATE INDEX "StoredFile_agencyId_idx" ON "StoredFile"("agencyId");

-- Stored files are never deleted or rewritten; the one change allowed is naming the file that replaced one.
CREATE TRIGGER "StoredFile_no_delete" BEFORE DELETE ON "StoredFile"
BEGIN SELECT RAISE(ABORT, 'SECREQ_FILE_IMMUTABLE: stored files cannot be deleted'); END;

CREATE TRIGGER "StoredFile_no_update" BEFORE UPDATE ON "StoredFile"
WHEN OLD."replacedById" IS NOT NULL OR NEW."replacedById" IS NULL
  OR NEW."id" IS NOT OLD."id" OR NEW."agencyId" IS NOT OLD."agencyId" OR NEW."ownerType" IS NOT OLD."ownerType"
  OR NEW."ownerId" IS NOT OLD."ownerId" OR NEW."name" IS NOT OLD."name" OR NEW."type" IS NOT OLD."type"
  OR NEW."size" IS NOT OLD."size" OR NEW."sha256" IS NOT OLD."sha256" OR NEW."content" IS NOT OLD."content"
  OR NEW."uploadedById" IS NOT OLD."uploadedById" OR NEW."uploadedByName" IS NOT OLD."uploadedByName"
  OR NEW."uploadedAt" IS NOT OLD."uploadedAt"
BEGIN SELECT RAISE(ABORT, 'SECREQ_FILE_IMMUTABLE: stored files cannot be changed'); END;
