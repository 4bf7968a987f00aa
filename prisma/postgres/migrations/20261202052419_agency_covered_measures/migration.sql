-- AlterTable
ALTER TABLE "Agency" ADD COLUMN "coveredMeasures" TEXT NOT NULL DEFAULT '[]';
