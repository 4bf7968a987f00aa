-- AlterTable
ALTER TABLE "Agency" ADD COLUMN     "active" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "agencyKind" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "ciProvider" BOOLEAN,
ADD COLUMN     "cisoName" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "cisoTitle" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "levelBasis" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "levelDate" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "levelDocument" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "mailServer" BOOLEAN,
ADD COLUMN     "profileVersion" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "responsibilityLevel" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "sector" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "agencySnapshot" TEXT;

-- Existing cases keep what the officer typed on the old agency step: it becomes the case's snapshot
-- (lib/agency/snapshot.ts reads it; the old sector "cii-provider" means a CI provider).
UPDATE "Case" SET "agencySnapshot" = json_build_object(
  'agencyName', COALESCE(("answers"::jsonb)->'agency'->>'agencyName', ''),
  'officerName', COALESCE(("answers"::jsonb)->'agency'->>'officerName', ''),
  'agencyKind', 'public',
  'ciProvider', COALESCE(("answers"::jsonb)->'agency'->>'sector', '') = 'cii-provider',
  'sector', COALESCE(("answers"::jsonb)->'agency'->>'sector', ''),
  'responsibilityLevel', COALESCE(("answers"::jsonb)->'agency'->>'responsibilityLevel', ''),
  'mailServer', COALESCE(("answers"::jsonb)->'agency'->>'mailServer', '')
)::text;
