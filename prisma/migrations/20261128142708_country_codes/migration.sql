-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "countryCodes" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateIndex
CREATE INDEX "Organisation_countryCodes_idx" ON "Organisation" USING GIN ("countryCodes");

-- Backfill from the ordered join table (lib/data keeps the two in step from now on).
UPDATE "Organisation" o SET "countryCodes" = c.codes
FROM (SELECT "organisationId", array_agg("countryCode"::text ORDER BY position) AS codes FROM "OrganisationCountry" GROUP BY "organisationId") c
WHERE c."organisationId" = o.id;
