-- CreateTable
CREATE TABLE "VendorAssessment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "agencyId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "contractId" TEXT,
    "invitationId" TEXT NOT NULL,
    "vendorUserId" TEXT NOT NULL,
    "vendorName" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "round" INTEGER NOT NULL DEFAULT 0,
    "submittedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockVersion" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "VendorAnswer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "assessmentId" TEXT NOT NULL,
    "rowId" TEXT NOT NULL,
    "answer" TEXT NOT NULL DEFAULT '',
    "evidence" TEXT NOT NULL DEFAULT '',
    "note" TEXT NOT NULL DEFAULT '',
    "review" TEXT NOT NULL DEFAULT '',
    "reviewComment" TEXT NOT NULL DEFAULT '',
    "reviewedByName" TEXT NOT NULL DEFAULT '',
    "reviewedAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedByName" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "VendorAnswer_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "VendorAssessment" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "VendorAnswerFile" (
    "answerId" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,
    "attachedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "detachedAt" DATETIME,

    PRIMARY KEY ("answerId", "fileId"),
    CONSTRAINT "VendorAnswerFile_answerId_fkey" FOREIGN KEY ("answerId") REFERENCES "VendorAnswer" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "VendorAnswerEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "answerId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "snapshot" TEXT NOT NULL DEFAULT '{}',
    "comment" TEXT NOT NULL DEFAULT '',
    "byId" TEXT NOT NULL,
    "byName" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "VendorAnswerEvent_answerId_fkey" FOREIGN KEY ("answerId") REFERENCES "VendorAnswer" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "VendorAssessment_agencyId_caseId_idx" ON "VendorAssessment"("agencyId", "caseId");

-- CreateIndex
CREATE INDEX "VendorAssessment_vendorUserId_idx" ON "VendorAssessment"("vendorUserId");

-- CreateIndex
CREATE UNIQUE INDEX "VendorAssessment_caseId_vendorUserId_key" ON "VendorAssessment"("caseId", "vendorUserId");

-- CreateIndex
CREATE UNIQUE INDEX "VendorAnswer_assessmentId_rowId_key" ON "VendorAnswer"("assessmentId", "rowId");

-- CreateIndex
CREATE INDEX "VendorAnswerFile_fileId_idx" ON "VendorAnswerFile"("fileId");

-- CreateIndex
CREATE INDEX "VendorAnswerEvent_answerId_at_idx" ON "VendorAnswerEvent"("answerId", "at");

-- An answer's history is append-only: the agency's review and the vendor's rounds are read from it.
CREATE TRIGGER "VendorAnswerEvent_no_update" BEFORE UPDATE ON "VendorAnswerEvent"
BEGIN SELECT RAISE(ABORT, 'SECREQ_HISTORY_IMMUTABLE: answer history cannot be changed'); END;

CREATE TRIGGER "VendorAnswerEvent_no_delete" BEFORE DELETE ON "VendorAnswerEvent"
BEGIN SELECT RAISE(ABORT, 'SECREQ_HISTORY_IMMUTABLE: answer history cannot be deleted'); END;
