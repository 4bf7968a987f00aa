-- A published catalogue version is immutable: contracts were written against it.
-- Written by hand (the schema engine does not model triggers); the PostgreSQL twin uses the same rules.

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
