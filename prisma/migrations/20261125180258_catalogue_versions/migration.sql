-- The triggers on ServiceType and Requirement name CatalogueVersion; SQLite refuses the rename below while
-- they point at a dropped table, so they are dropped here and recreated unchanged at the end.
DROP TRIGGER "ServiceType_published_no_insert";
DROP TRIGGER "ServiceType_published_no_update";
DROP TRIGGER "ServiceType_published_no_delete";
DROP TRIGGER "Requirement_published_no_insert";
DROP TRIGGER "Requirement_published_no_update";
DROP TRIGGER "Requirement_published_no_delete";

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CatalogueVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "documentNumber" TEXT NOT NULL,
    "issuedOn" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "effective" TEXT,
    "legend" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "basedOn" TEXT,
    "changeSummary" TEXT NOT NULL DEFAULT '',
    "obligations" TEXT NOT NULL,
    "clauses" TEXT NOT NULL,
    "createdByName" TEXT NOT NULL DEFAULT '',
    "publishedAt" DATETIME,
    "publishedById" TEXT,
    "publishedByName" TEXT,
    "lockVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_CatalogueVersion" ("contentHash", "createdAt", "documentNumber", "effective", "id", "issuedOn", "issuer", "legend", "publishedAt", "status", "title") SELECT "contentHash", "createdAt", "documentNumber", "effective", "id", "issuedOn", "issuer", "legend", "publishedAt", "status", "title" FROM "CatalogueVersion";
DROP TABLE "CatalogueVersion";
ALTER TABLE "new_CatalogueVersion" RENAME TO "CatalogueVersion";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Redefining the table dropped its triggers; a published version stays immutable (see *_published_catalogue_immutable).
CREATE TRIGGER "CatalogueVersion_published_no_update" BEFORE UPDATE ON "CatalogueVersion"
WHEN OLD."status" = 'published'
BEGIN SELECT RAISE(ABORT, 'SECREQ_IMMUTABLE: published catalogue version cannot be changed'); END;

CREATE TRIGGER "CatalogueVersion_published_no_delete" BEFORE DELETE ON "CatalogueVersion"
WHEN OLD."status" = 'published'
BEGIN SELECT RAISE(ABORT, 'SECREQ_IMMUTABLE: published catalogue version cannot be changed'); END;

CREATE TRIGGER "ServiceType_published_no_insert" BEFORE INSERT ON "ServiceType"
WHEN (SELECT "status" FROM "CatalogueVersion" WHERE "id" = NEW."versionId") = 'published'
BEGIN SELECT RAISE(ABORT, 'SECREQ_IMMUTABLE: published catalogue version cannot be changed'); END;

CREATE TRIGGER "ServiceType_published_no_update" BEFORE UPDATE ON "ServiceType"
WHEN (SELECT "status" FROM "CatalogueVersion" WHERE "id" = OLD."versionId") = 'published'
  OR (SELECT "status" FROM "CatalogueVersion" WHERE "id" = NEW."versionId") = 'published'
BEGIN SELECT RAISE(ABORT, 'SECREQ_IMMUTABLE: published catalogue version cannot be changed'); END;

CREATE TRIGGER "ServiceType_published_no_delete" BEFORE DELETE ON "ServiceType"
WHEN (SELECT "status" FROM "CatalogueVersion" WHERE "id" = OLD."versionId") = 'published'
BEGIN SELECT RAISE(ABORT, 'SECREQ_IMMUTABLE: published catalogue version cannot be changed'); END;

CREATE TRIGGER "Requirement_published_no_insert" BEFORE INSERT ON "Requirement"
WHEN (SELECT "status" FROM "CatalogueVersion" WHERE "id" = NEW."versionId") = 'published'
BEGIN SELECT RAISE(ABORT, 'SECREQ_IMMUTABLE: published catalogue version cannot be changed'); END;

CREATE TRIGGER "Requirement_published_no_update" BEFORE UPDATE ON "Requirement"
WHEN (SELECT "status" FROM "CatalogueVersion" WHERE "id" = OLD."versionId") = 'published'
  OR (SELECT "status" FROM "CatalogueVersion" WHERE "id" = NEW."versionId") = 'published'
BEGIN SELECT RAISE(ABORT, 'SECREQ_IMMUTABLE: published catalogue version cannot be changed'); END;

CREATE TRIGGER "Requirement_published_no_delete" BEFORE DELETE ON "Requirement"
WHEN (SELECT "status" FROM "CatalogueVersion" WHERE "id" = OLD."versionId") = 'published'
BEGIN SELECT RAISE(ABORT, 'SECREQ_IMMUTABLE: published catalogue version cannot be changed'); END;
