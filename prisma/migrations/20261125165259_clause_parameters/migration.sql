-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Agency" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "idleTimeoutMinutes" INTEGER NOT NULL DEFAULT 30,
    "clauseDefaults" TEXT NOT NULL DEFAULT '{}',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Agency" ("createdAt", "id", "idleTimeoutMinutes", "name") SELECT "createdAt", "id", "idleTimeoutMinutes", "name" FROM "Agency";
DROP TABLE "Agency";
ALTER TABLE "new_Agency" RENAME TO "Agency";
CREATE UNIQUE INDEX "Agency_name_key" ON "Agency"("name");
CREATE TABLE "new_Case" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "agencyId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "caseGroupId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "submittedAt" DATETIME,
    "approvedAt" DATETIME,
    "approvedById" TEXT,
    "catalogueVersionId" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "answers" TEXT NOT NULL,
    "lastSeenStatuses" TEXT,
    "clauseParameters" TEXT NOT NULL DEFAULT '{}',
    "lockVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Case_catalogueVersionId_fkey" FOREIGN KEY ("catalogueVersionId") REFERENCES "CatalogueVersion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Case_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Case_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Case" ("agencyId", "answers", "approvedAt", "approvedById", "caseGroupId", "catalogueVersionId", "createdAt", "createdById", "id", "lastSeenStatuses", "lockVersion", "revision", "status", "submittedAt", "title", "updatedAt") SELECT "agencyId", "answers", "approvedAt", "approvedById", "caseGroupId", "catalogueVersionId", "createdAt", "createdById", "id", "lastSeenStatuses", "lockVersion", "revision", "status", "submittedAt", "title", "updatedAt" FROM "Case";
DROP TABLE "Case";
ALTER TABLE "new_Case" RENAME TO "Case";
CREATE INDEX "Case_agencyId_updatedAt_idx" ON "Case"("agencyId", "updatedAt");
CREATE UNIQUE INDEX "Case_caseGroupId_revision_key" ON "Case"("caseGroupId", "revision");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
