-- The agency profile (機關資料) and the platform operator's switch; plain ADD COLUMNs, so the table is not redefined.
ALTER TABLE "Agency" ADD COLUMN "active" BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE "Agency" ADD COLUMN "agencyKind" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Agency" ADD COLUMN "ciProvider" BOOLEAN;
ALTER TABLE "Agency" ADD COLUMN "sector" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Agency" ADD COLUMN "responsibilityLevel" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Agency" ADD COLUMN "levelBasis" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Agency" ADD COLUMN "levelDate" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Agency" ADD COLUMN "levelDocument" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Agency" ADD COLUMN "mailServer" BOOLEAN;
ALTER TABLE "Agency" ADD COLUMN "cisoName" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Agency" ADD COLUMN "cisoTitle" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Agency" ADD COLUMN "profileVersion" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Case" ADD COLUMN "agencySnapshot" TEXT;

-- Existing cases keep what the officer typed on the old agency step: it becomes the case's snapshot
-- (lib/agency/snapshot.ts reads it; the old sector "cii-provider" means a CI provider).
UPDATE "Case" SET "agencySnapshot" = json_object(
  'agencyName', COALESCE(json_extract("answers", '$.agency.agencyName'), ''),
  'officerName', COALESCE(json_extract("answers", '$.agency.officerName'), ''),
  'agencyKind', 'public',
  'ciProvider', json(CASE WHEN json_extract("answers", '$.agency.sector') = 'cii-provider' THEN 'true' ELSE 'false' END),
  'sector', COALESCE(json_extract("answers", '$.agency.sector'), ''),
  'responsibilityLevel', COALESCE(json_extract("answers", '$.agency.responsibilityLevel'), ''),
  'mailServer', COALESCE(json_extract("answers", '$.agency.mailServer'), '')
) WHERE json_valid("answers");
