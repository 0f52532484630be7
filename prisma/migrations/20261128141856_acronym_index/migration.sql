-- Exact name and acronym matches ("CUTA") are always ranked first, even when a query matches
-- thousands. Equality through the trigram index rechecks every name sharing the trigrams, so
-- both get a plain btree on the same unaccented, lower-case expression.
CREATE INDEX "Organisation_name_unaccent_idx" ON "Organisation" (f_unaccent(lower(name)));
CREATE INDEX "Organisation_acronym_unaccent_idx" ON "Organisation" (f_unaccent(lower(acronym)));
