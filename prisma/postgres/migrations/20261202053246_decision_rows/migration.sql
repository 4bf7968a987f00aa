-- AlterTable
ALTER TABLE "Decision" ADD COLUMN     "origin" TEXT NOT NULL DEFAULT 'manual',
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "DecisionSplit" (
    "caseId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "splitBy" TEXT NOT NULL,
    "splitAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DecisionSplit_pkey" PRIMARY KEY ("caseId","key")
);

-- CreateTable
CREATE TABLE "ReasonPreset" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReasonPreset_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReasonPreset_agencyId_position_idx" ON "ReasonPreset"("agencyId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ReasonPreset_agencyId_text_key" ON "ReasonPreset"("agencyId", "text");

-- AddForeignKey
ALTER TABLE "DecisionSplit" ADD CONSTRAINT "DecisionSplit_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReasonPreset" ADD CONSTRAINT "ReasonPreset_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;
