-- CreateTable
CREATE TABLE "DecisionSplit" (
    "caseId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "splitBy" TEXT NOT NULL,
    "splitAt" DATETIME NOT NULL,

    PRIMARY KEY ("caseId", "key"),
    CONSTRAINT "DecisionSplit_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReasonPreset" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "agencyId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReasonPreset_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Decision" (
    "caseId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "choice" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "reference" TEXT NOT NULL DEFAULT '',
    "decidedBy" TEXT NOT NULL,
    "decidedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "origin" TEXT NOT NULL DEFAULT 'manual',

    PRIMARY KEY ("caseId", "itemId"),
    CONSTRAINT "Decision_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Decision" ("caseId", "choice", "decidedAt", "decidedBy", "itemId", "reason", "reference") SELECT "caseId", "choice", "decidedAt", "decidedBy", "itemId", "reason", "reference" FROM "Decision";
DROP TABLE "Decision";
ALTER TABLE "new_Decision" RENAME TO "Decision";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ReasonPreset_agencyId_position_idx" ON "ReasonPreset"("agencyId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ReasonPreset_agencyId_text_key" ON "ReasonPreset"("agencyId", "text");
