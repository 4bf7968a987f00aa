-- CreateTable
CREATE TABLE "CaseDocument" (
    "caseId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "bytes" BLOB NOT NULL,
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "rendererVersion" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("caseId", "kind"),
    CONSTRAINT "CaseDocument_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PmExclusion" (
    "caseId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "decidedBy" TEXT NOT NULL,
    "decidedAt" DATETIME NOT NULL,

    PRIMARY KEY ("caseId", "itemId"),
    CONSTRAINT "PmExclusion_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- A stored document is written once (at approval) and never rewritten.
CREATE TRIGGER "CaseDocument_no_update" BEFORE UPDATE ON "CaseDocument"
BEGIN SELECT RAISE(ABORT, 'SECREQ_DOCUMENT_FROZEN: stored documents cannot be changed'); END;
