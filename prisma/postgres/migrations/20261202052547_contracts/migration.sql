-- CreateTable
CREATE TABLE "Contract" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "caseGroupId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "vendorName" TEXT NOT NULL,
    "vendorTaxId" TEXT NOT NULL,
    "contractNumber" TEXT NOT NULL,
    "awardedOn" TEXT NOT NULL,
    "signedOn" TEXT NOT NULL,
    "startOn" TEXT NOT NULL,
    "endOn" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdByName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockVersion" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Contract_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContractMilestone" (
    "id" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "dueOn" TEXT NOT NULL,
    "signedOffAt" TIMESTAMP(3),
    "signedOffById" TEXT,
    "signedOffByName" TEXT,

    CONSTRAINT "ContractMilestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Obligation" (
    "id" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "itemId" TEXT,
    "pmItemId" INTEGER,
    "clauseId" TEXT,
    "title" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "basis" TEXT NOT NULL,
    "dueOn" TEXT,
    "review" TEXT NOT NULL DEFAULT '',
    "reviewComment" TEXT NOT NULL DEFAULT '',
    "reviewedByName" TEXT NOT NULL DEFAULT '',
    "reviewedAt" TIMESTAMP(3),
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "Obligation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ObligationEvent" (
    "id" TEXT NOT NULL,
    "obligationId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "fileId" TEXT,
    "byId" TEXT NOT NULL,
    "byName" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ObligationEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Incident" (
    "id" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "knownAt" TIMESTAMP(3) NOT NULL,
    "description" TEXT NOT NULL,
    "recordedById" TEXT NOT NULL,
    "recordedByName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "met" TEXT NOT NULL DEFAULT '{}',

    CONSTRAINT "Incident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalendarFeed" (
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CalendarFeed_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE INDEX "Contract_agencyId_createdAt_idx" ON "Contract"("agencyId", "createdAt");

-- CreateIndex
CREATE INDEX "Contract_caseGroupId_idx" ON "Contract"("caseGroupId");

-- CreateIndex
CREATE INDEX "ContractMilestone_contractId_position_idx" ON "ContractMilestone"("contractId", "position");

-- CreateIndex
CREATE INDEX "Obligation_agencyId_active_dueOn_idx" ON "Obligation"("agencyId", "active", "dueOn");

-- CreateIndex
CREATE INDEX "Obligation_contractId_dueOn_idx" ON "Obligation"("contractId", "dueOn");

-- CreateIndex
CREATE UNIQUE INDEX "Obligation_contractId_key_key" ON "Obligation"("contractId", "key");

-- CreateIndex
CREATE INDEX "ObligationEvent_obligationId_at_idx" ON "ObligationEvent"("obligationId", "at");

-- CreateIndex
CREATE INDEX "Incident_contractId_knownAt_idx" ON "Incident"("contractId", "knownAt");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarFeed_tokenHash_key" ON "CalendarFeed"("tokenHash");

-- AddForeignKey
ALTER TABLE "ContractMilestone" ADD CONSTRAINT "ContractMilestone_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Obligation" ADD CONSTRAINT "Obligation_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ObligationEvent" ADD CONSTRAINT "ObligationEvent_obligationId_fkey" FOREIGN KEY ("obligationId") REFERENCES "Obligation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
