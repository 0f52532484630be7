-- The staff page lists the pairs of one reason newest first, the likeliest first: an index per
-- reason in that order, so a page is the first rows of one. Walking the page's order with the
-- reason as a filter read 200,000 pairs for a phone page at a million organisations (phone pairs
-- score lower than most, so they come last), and a GIN index on the reasons sorted 50,000.
-- Partial indexes, which schema.prisma cannot declare: written by hand, and kept by later diffs.

-- DropIndex
DROP INDEX "DuplicatePair_reasons_idx";

-- CreateIndex
CREATE INDEX "DuplicatePair_domain_order_idx" ON "DuplicatePair" ("foundAt", "score", "id") WHERE "reasons" @> '{domain}'::"DuplicateReason"[] AND "dismissedAt" IS NULL;

-- CreateIndex
CREATE INDEX "DuplicatePair_email_order_idx" ON "DuplicatePair" ("foundAt", "score", "id") WHERE "reasons" @> '{email}'::"DuplicateReason"[] AND "dismissedAt" IS NULL;

-- CreateIndex
CREATE INDEX "DuplicatePair_phone_order_idx" ON "DuplicatePair" ("foundAt", "score", "id") WHERE "reasons" @> '{phone}'::"DuplicateReason"[] AND "dismissedAt" IS NULL;

-- CreateIndex
CREATE INDEX "DuplicatePair_name_order_idx" ON "DuplicatePair" ("foundAt", "score", "id") WHERE "reasons" @> '{name}'::"DuplicateReason"[] AND "dismissedAt" IS NULL;
