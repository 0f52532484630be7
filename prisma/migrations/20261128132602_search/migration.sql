-- Search: full text (unaccented, 'simple' configuration) and trigrams for typos and partial words.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- unaccent() is only STABLE (its dictionary could change), but generated columns and index
-- expressions need an IMMUTABLE function, so wrap it with the dictionary named explicitly.
CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

ALTER TABLE "Organisation" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('simple'::regconfig, f_unaccent(name || ' ' || COALESCE(acronym, ''))), 'A')
  || setweight(to_tsvector('simple'::regconfig, f_unaccent(description)), 'C')
) STORED;

CREATE INDEX "Organisation_search_idx" ON "Organisation" USING GIN ("search");

-- Word similarity (`%>`) on names, for typos ("tolerence") and partial words.
CREATE INDEX "Organisation_name_trgm_idx" ON "Organisation" USING GIN (f_unaccent(lower(name)) gin_trgm_ops);
