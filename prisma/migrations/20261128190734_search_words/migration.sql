-- CreateTable
CREATE TABLE "SearchWord" (
    "word" TEXT NOT NULL,

    CONSTRAINT "SearchWord_pkey" PRIMARY KEY ("word")
);


-- The words of a name (with its acronym): unaccented, lower-case, split on anything that is not
-- a letter or a digit. Called by every writer of a name (lib/data), in its transaction.
CREATE OR REPLACE FUNCTION prova_add_search_words(text) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "SearchWord" (word)
  SELECT DISTINCT w FROM regexp_split_to_table(f_unaccent(lower($1)), '[^[:alnum:]]+') AS w WHERE w <> ''
  ON CONFLICT DO NOTHING
$$;

-- Every word of every organisation at once (after bulk loads: the seed, db:generate-demo).
CREATE OR REPLACE FUNCTION prova_backfill_search_words() RETURNS void LANGUAGE sql AS $$
  INSERT INTO "SearchWord" (word)
  SELECT DISTINCT w FROM "Organisation" o, regexp_split_to_table(f_unaccent(lower(o.name || ' ' || COALESCE(o.acronym, ''))), '[^[:alnum:]]+') AS w WHERE w <> ''
  ON CONFLICT DO NOTHING
$$;

SELECT prova_backfill_search_words();

-- The index after the words: built whole, rather than filled through GIN's pending list, which
-- the planner would price (and a search would scan) until the next VACUUM.
CREATE INDEX "SearchWord_word_idx" ON "SearchWord" USING GIN ("word" gin_trgm_ops);

-- Statistics at once: without them the planner reads the whole dictionary instead of its index.
ANALYZE "SearchWord";
