-- CreateTable
CREATE TABLE "CaseDocument" (
    "caseId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "rendererVersion" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseDocument_pkey" PRIMARY KEY ("caseId","kind")
);

-- CreateTable
CREATE TABLE "PmExclusion" (
    "caseId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "decidedBy" TEXT NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PmExclusion_pkey" PRIMARY KEY ("caseId","itemId")
);

-- AddForeignKey
ALTER TABLE "CaseDocument" ADD CONSTRAINT "CaseDocument_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PmExclusion" ADD CONSTRAINT "PmExclusion_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A stored document is written once (at approval) and never rewritten.
CREATE OR REPLACE FUNCTION "secreq_document_frozen"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'SECREQ_DOCUMENT_FROZEN: stored documents cannot be changed' USING ERRCODE = 'P0001';
END;
$$;
CREATE TRIGGER "CaseDocument_no_update" BEFORE UPDATE ON "CaseDocument" FOR EACH ROW EXECUTE FUNCTION "secreq_document_frozen"();
