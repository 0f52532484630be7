-- CreateIndex
CREATE INDEX "Organisation_name_id_idx" ON "Organisation"("name", "id");

-- CreateIndex
CREATE INDEX "Organisation_updatedAt_id_idx" ON "Organisation"("updatedAt", "id");

-- Substring search in the admin lists (website and contact values, e.g. every contact at one
-- e-mail domain): trigram indexes on the lower-cased text, which LIKE '%…%' can use. Expression
-- indexes: the schema engine leaves them alone (see STACK.md).
CREATE INDEX "Organisation_website_trgm_idx" ON "Organisation" USING gin (lower(coalesce("website", '')) gin_trgm_ops);

CREATE INDEX "Contact_value_trgm_idx" ON "Contact" USING gin (lower("value") gin_trgm_ops);
