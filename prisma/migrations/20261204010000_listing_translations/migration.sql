-- Listings in several languages: the language an organisation's name and description are written
-- in, and their translations ("fr:description" -> text, lib/change-sets/document.ts).
ALTER TABLE "Organisation" ADD COLUMN "originalLanguage" TEXT NOT NULL DEFAULT 'en';
ALTER TABLE "Organisation" ADD COLUMN "translations" JSONB NOT NULL DEFAULT '{}';

-- The translations of one part (name or description) as one text, for the search document.
-- Immutable: a generated column may call it. One statement, no semicolons inside: the migration
-- runner splits scripts on them.
CREATE FUNCTION prova_translated_text(translations jsonb, part text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT COALESCE(string_agg(t.value, ' ' ORDER BY t.key), '') FROM jsonb_each_text(translations) AS t WHERE t.key LIKE '%:' || part $$;

-- Search finds an organisation by words from any of its languages: translated names weigh as
-- names, translated descriptions as descriptions. A generated column's expression cannot be
-- altered: drop and add it again.
DROP INDEX "Organisation_search_idx";
ALTER TABLE "Organisation" DROP COLUMN "search";
ALTER TABLE "Organisation" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('simple'::regconfig, f_unaccent(name || ' ' || COALESCE(acronym, '') || ' ' || prova_translated_text(translations, 'name'))), 'A')
  || setweight(to_tsvector('simple'::regconfig, f_unaccent(description || ' ' || prova_translated_text(translations, 'description'))), 'C')
  || array_to_tsvector("countryCodes")
) STORED;
CREATE INDEX "Organisation_search_idx" ON "Organisation" USING GIN ("search");

-- Revisions written in bulk by this function are documents of version 3 (stored-document.ts).
CREATE OR REPLACE FUNCTION prova_backfill_revisions() RETURNS bigint LANGUAGE sql AS $$
  WITH inserted AS (
    INSERT INTO "Revision" ("id", "organisationId", "version", "snapshot", "createdAt")
    SELECT gen_random_uuid(), o."id", o."version", jsonb_build_object(
      'schemaVersion', 3,
      'slug', o."slug",
      'name', o."name",
      'acronym', o."acronym",
      'kind', upper(o."kind"::text),
      'description', o."description",
      'website', o."website",
      'countries', COALESCE((SELECT jsonb_agg(oc."countryCode" ORDER BY oc."position") FROM "OrganisationCountry" oc WHERE oc."organisationId" = o."id"), '[]'::jsonb),
      'contacts', COALESCE((SELECT jsonb_agg(jsonb_build_object('id', c."id", 'type', upper(c."type"::text), 'label', c."label", 'value', c."value", 'rawValue', c."rawValue") ORDER BY c."position") FROM "Contact" c WHERE c."organisationId" = o."id"), '[]'::jsonb),
      'archived', o."status" = 'archived',
      'originalLanguage', o."originalLanguage",
      'translations', o."translations"
    ), now()
    FROM "Organisation" o
    WHERE NOT EXISTS (SELECT 1 FROM "Revision" r WHERE r."organisationId" = o."id" AND r."version" = o."version")
    RETURNING 1
  )
  SELECT count(*) FROM inserted
$$;
