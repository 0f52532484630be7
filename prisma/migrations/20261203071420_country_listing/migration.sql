-- CreateTable
CREATE TABLE "CountryListing" (
    "countryCode" CHAR(2) NOT NULL,
    "name" TEXT NOT NULL,
    "organisationId" UUID NOT NULL
);

-- The published organisations of each country, in one pass, before the indexes (built whole).
INSERT INTO "CountryListing" ("countryCode", "name", "organisationId")
SELECT DISTINCT code, o."name", o."id" FROM "Organisation" o, unnest(o."countryCodes") AS code
WHERE o."status" = 'published'
ORDER BY 1, 2, 3;

ALTER TABLE "CountryListing" ADD CONSTRAINT "CountryListing_pkey" PRIMARY KEY ("countryCode","name","organisationId");

-- CreateIndex
CREATE INDEX "CountryListing_organisationId_idx" ON "CountryListing"("organisationId");

-- AddForeignKey
ALTER TABLE "CountryListing" ADD CONSTRAINT "CountryListing_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Kept by triggers, whoever writes (the approving transaction, the seed, db:generate-demo's COPY,
-- tests): once per statement, from the rows it wrote (their name, status and country codes).
-- The migration runner splits a script at every semicolon, quoted or not: the bodies write theirs
-- as E'\073'.
CREATE OR REPLACE FUNCTION prova_country_listing_insert() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN INSERT INTO "CountryListing" ("countryCode", "name", "organisationId") SELECT DISTINCT code, o."name", o."id" FROM changed o, unnest(o."countryCodes") AS code WHERE o."status" = ''published''\073 RETURN NULL\073 END';

-- Only the rows whose listing changed (name, status, countries) are written again.
CREATE OR REPLACE FUNCTION prova_country_listing_update() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN '
  'DELETE FROM "CountryListing" l USING changed n JOIN previous p ON p."id" = n."id" WHERE l."organisationId" = n."id" '
  'AND (n."name" IS DISTINCT FROM p."name" OR n."status" IS DISTINCT FROM p."status" OR n."countryCodes" IS DISTINCT FROM p."countryCodes")\073 '
  'INSERT INTO "CountryListing" ("countryCode", "name", "organisationId") SELECT DISTINCT code, n."name", n."id" FROM changed n JOIN previous p ON p."id" = n."id", unnest(n."countryCodes") AS code '
  'WHERE n."status" = ''published'' AND (n."name" IS DISTINCT FROM p."name" OR n."status" IS DISTINCT FROM p."status" OR n."countryCodes" IS DISTINCT FROM p."countryCodes")\073 '
  'RETURN NULL\073 END';

CREATE TRIGGER "Organisation_country_listing_insert" AFTER INSERT ON "Organisation"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION prova_country_listing_insert();
CREATE TRIGGER "Organisation_country_listing_update" AFTER UPDATE ON "Organisation"
  REFERENCING OLD TABLE AS previous NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION prova_country_listing_update();

-- Sitemaps: published organisations in buckets by the last two bytes of their id (random in
-- UUIDv4 and v7 alike), so an organisation stays in the same sitemap as others come and go
-- (lib/sitemap.ts). Read from the index alone.
CREATE OR REPLACE FUNCTION prova_sitemap_bucket(id uuid) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
  'SELECT get_byte(uuid_send(id), 14) * 256 + get_byte(uuid_send(id), 15)';

CREATE INDEX "Organisation_sitemap_idx" ON "Organisation" (prova_sitemap_bucket(id)) INCLUDE (slug, "updatedAt") WHERE status = 'published';
