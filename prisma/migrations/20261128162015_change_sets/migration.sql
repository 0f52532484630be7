-- CreateEnum
CREATE TYPE "ChangeSetKind" AS ENUM ('create', 'update', 'archive', 'restore');

-- CreateEnum
CREATE TYPE "ChangeSetStatus" AS ENUM ('draft', 'submitted', 'approved', 'partly_approved', 'rejected', 'changes_requested', 'withdrawn');

-- CreateTable
CREATE TABLE "ChangeSet" (
    "id" UUID NOT NULL,
    "kind" "ChangeSetKind" NOT NULL,
    "status" "ChangeSetStatus" NOT NULL DEFAULT 'draft',
    "organisationId" UUID,
    "authorId" UUID,
    "baseVersion" INTEGER,
    "base" JSONB,
    "proposed" JSONB NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "revision" INTEGER NOT NULL DEFAULT 1,
    "decisions" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "decidedAt" TIMESTAMP(3),
    "decidedById" UUID,

    CONSTRAINT "ChangeSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Revision" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "changeSetId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Revision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SlugRedirect" (
    "slug" TEXT NOT NULL,
    "organisationId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SlugRedirect_pkey" PRIMARY KEY ("slug")
);

-- CreateIndex
CREATE INDEX "ChangeSet_status_submittedAt_idx" ON "ChangeSet"("status", "submittedAt");

-- CreateIndex
CREATE INDEX "ChangeSet_authorId_status_idx" ON "ChangeSet"("authorId", "status");

-- CreateIndex
CREATE INDEX "ChangeSet_organisationId_status_idx" ON "ChangeSet"("organisationId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Revision_organisationId_version_key" ON "Revision"("organisationId", "version");

-- CreateIndex
CREATE INDEX "SlugRedirect_organisationId_idx" ON "SlugRedirect"("organisationId");

-- AddForeignKey
ALTER TABLE "ChangeSet" ADD CONSTRAINT "ChangeSet_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeSet" ADD CONSTRAINT "ChangeSet_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Revision" ADD CONSTRAINT "Revision_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SlugRedirect" ADD CONSTRAINT "SlugRedirect_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- History starts complete: every organisation without a revision of its current version gets
-- one (the document shape of lib/change-sets/document.ts, enum names upper-case). A function, so
-- that bulk loads (npm run db:generate-demo) can call it too. One statement, no semicolons inside:
-- the migration runner splits scripts on them.
CREATE OR REPLACE FUNCTION prova_backfill_revisions() RETURNS bigint LANGUAGE sql AS $$
  WITH inserted AS (
    INSERT INTO "Revision" ("id", "organisationId", "version", "snapshot", "createdAt")
    SELECT gen_random_uuid(), o."id", o."version", jsonb_build_object(
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

SELECT prova_backfill_revisions();
