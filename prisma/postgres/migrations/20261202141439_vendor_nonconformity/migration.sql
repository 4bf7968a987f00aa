-- CreateTable
CREATE TABLE "Nonconformity" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "answerId" TEXT NOT NULL,
    "rowId" TEXT NOT NULL,
    "contractId" TEXT,
    "reason" TEXT NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "dueOn" TEXT NOT NULL,
    "dueBasis" TEXT NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "openedById" TEXT NOT NULL,
    "openedByName" TEXT NOT NULL,
    "closedAt" TIMESTAMP(3),
    "closedByName" TEXT,
    "closeNote" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "Nonconformity_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Nonconformity_agencyId_closedAt_idx" ON "Nonconformity"("agencyId", "closedAt");

-- CreateIndex
CREATE INDEX "Nonconformity_contractId_closedAt_idx" ON "Nonconformity"("contractId", "closedAt");

-- CreateIndex
CREATE INDEX "Nonconformity_assessmentId_rowId_idx" ON "Nonconformity"("assessmentId", "rowId");
