-- Stored organisation documents carry their format, schemaVersion (lib/change-sets/stored-document.ts).
-- Revisions written in bulk by this function now say so too: version 2, the same fields as version 1.
-- Rows written before keep no schemaVersion and are read as version 1. One statement, no semicolons
-- inside: the migration runner splits scripts on them.
CREATE OR REPLACE FUNCTION prova_backfill_revisions() RETURNS bigint LANGUAGE sql AS $$
  WITH inserted AS (
    INSERT INTO "Revision" ("id", "organisationId", "version", "snapshot", "createdAt")
    SELECT gen_random_uuid(), o."id", o."version", jsonb_build_object(
      'schemaVersion', 2,
      'slug', o."slug",
      'name', o."name",
      'acronym', o."acronym",
      'kind', upper(o."kind"::text),
      'description', o."description",
      'website', o."website",
      'countries', COALESCE((SELECT jsonb_agg(oc."countryCode" ORDER BY oc."position") FROM "OrganisationCountry" oc WHERE oc."organisationId" = o."id"), '[]'::jsonb),
      'contacts', COALESCE((SELECT jsonb_agg(jsonb_build_object('id', c."id", 'type', upper(c."type"::text), 'label', c."label", 'value', c."value", 'rawValue', c."rawValue") ORDER BY c."position") FROM "Contact" c WHERE c."organisationId" = o."id"), '[]'::jsonb),
      'archived', o."status" = 'archived'
    ), now()
    FROM "Organisation" o
    WHERE NOT EXISTS (SELECT 1 FROM "Revision" r WHERE r."organisationId" = o."id" AND r."version" = o."version")
    RETURNING 1
  )
  SELECT count(*) FROM inserted
$$;
