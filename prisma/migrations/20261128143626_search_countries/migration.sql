-- The search document also holds the organisation's country codes as upper-case lexemes
-- ('BE', 'FR'), which no user query can produce (websearch_to_tsquery lower-cases), so that
-- "text in a country" is one GIN scan that intersects posting lists, not a BitmapAnd of two
-- large bitmaps. A generated column's expression cannot be altered: drop and add it again.
DROP INDEX "Organisation_search_idx";
ALTER TABLE "Organisation" DROP COLUMN "search";
ALTER TABLE "Organisation" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('simple'::regconfig, f_unaccent(name || ' ' || COALESCE(acronym, ''))), 'A')
  || setweight(to_tsvector('simple'::regconfig, f_unaccent(description)), 'C')
  || array_to_tsvector("countryCodes")
) STORED;
CREATE INDEX "Organisation_search_idx" ON "Organisation" USING GIN ("search");
