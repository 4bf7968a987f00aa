-- CreateTable
CREATE TABLE "VendorAssessment" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "contractId" TEXT,
    "invitationId" TEXT NOT NULL,
    "vendorUserId" TEXT NOT NULL,
    "vendorName" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "round" INTEGER NOT NULL DEFAULT 0,
    "submittedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockVersion" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "VendorAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VendorAnswer" (
    "id" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "rowId" TEXT NOT NULL,
    "answer" TEXT NOT NULL DEFAULT '',
    "evidence" TEXT NOT NULL DEFAULT '',
    "note" TEXT NOT NULL DEFAULT '',
    "review" TEXT NOT NULL DEFAULT '',
    "reviewComment" TEXT NOT NULL DEFAULT '',
    "reviewedByName" TEXT NOT NULL DEFAULT '',
    "reviewedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedByName" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "VendorAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VendorAnswerFile" (
    "answerId" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,
    "attachedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "detachedAt" TIMESTAMP(3),

    CONSTRAINT "VendorAnswerFile_pkey" PRIMARY KEY ("answerId","fileId")
);

-- CreateTable
CREATE TABLE "VendorAnswerEvent" (
    "id" TEXT NOT NULL,
    "answerId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "snapshot" TEXT NOT NULL DEFAULT '{}',
    "comment" TEXT NOT NULL DEFAULT '',
    "byId" TEXT NOT NULL,
    "byName" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VendorAnswerEvent_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "VendorAnswer" ADD CONSTRAINT "VendorAnswer_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "VendorAssessment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VendorAnswerFile" ADD CONSTRAINT "VendorAnswerFile_answerId_fkey" FOREIGN KEY ("answerId") REFERENCES "VendorAnswer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VendorAnswerEvent" ADD CONSTRAINT "VendorAnswerEvent_answerId_fkey" FOREIGN KEY ("answerId") REFERENCES "VendorAnswer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The PostgreSQL twin of the SQLite triggers: an answer's history is append-only.
CREATE FUNCTION "secreq_vendor_answer_event_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'SECREQ_HISTORY_IMMUTABLE: answer history cannot be changed' USING ERRCODE = 'P0001';
END;
$$;

CREATE TRIGGER "VendorAnswerEvent_immutable" BEFORE UPDATE OR DELETE ON "VendorAnswerEvent"
FOR EACH ROW EXECUTE FUNCTION "secreq_vendor_answer_event_immutable"();

CREATE TRIGGER "VendorAnswerEvent_no_truncate" BEFORE TRUNCATE ON "VendorAnswerEvent"
FOR EACH STATEMENT EXECUTE FUNCTION "secreq_vendor_answer_event_immutable"();
