-- ▲ measures the agency procures agency-wide; existing agencies cover none. A plain ADD COLUMN (no table
-- rebuild): rows, foreign keys and triggers stay as they are.
ALTER TABLE "Agency" ADD COLUMN "coveredMeasures" TEXT NOT NULL DEFAULT '[]';
