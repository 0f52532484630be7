-- The importer matches a spreadsheet row to a published organisation by its website's host
-- (lib/data/imports.ts): the host of the URL, lower-case, without a leading "www.". Hand-written:
-- Prisma's schema cannot declare an expression index (later diffs leave it alone).
CREATE OR REPLACE FUNCTION website_host(url text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT regexp_replace(lower(substring(url from '^[A-Za-z][A-Za-z0-9+.-]*://([^/:?#]+)')), '^www\.', '') $$;

CREATE INDEX "Organisation_website_host_idx" ON "Organisation" (website_host(website));
