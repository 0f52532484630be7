-- Alphabetical listings of published organisations filtered by country and kind (search without
-- words, the country pages' filters): walked in name order from the index alone, the country
-- codes and the kind read from the index entry, never from the table (index-only scan).
-- Not declared in schema.prisma (Prisma cannot express INCLUDE or WHERE), and left alone by its diffs.
CREATE INDEX "Organisation_listing_idx" ON "Organisation" (name, id) INCLUDE ("countryCodes", kind) WHERE status = 'published';
