-- One open change set (draft, submitted, changes requested, withdrawn) per author and
-- organisation: lib/data/change-sets.ts checks it, and this index holds it when two requests race.
-- A partial index, which schema.prisma cannot declare: written by hand, and kept by later diffs.

-- Older duplicates from before the rule are closed (their author still sees them), keeping the
-- most recently changed one open.
UPDATE "ChangeSet" AS older
SET "status" = 'rejected',
    "decisionNote" = 'Closed automatically: only one open change per author and organisation is kept, and a newer one of yours is open.',
    "decidedAt" = CURRENT_TIMESTAMP,
    "updatedAt" = CURRENT_TIMESTAMP
WHERE older."status" IN ('draft', 'submitted', 'changes_requested', 'withdrawn')
  AND older."authorId" IS NOT NULL
  AND older."organisationId" IS NOT NULL
  AND EXISTS (
    SELECT 1 FROM "ChangeSet" AS newer
    WHERE newer."authorId" = older."authorId"
      AND newer."organisationId" = older."organisationId"
      AND newer."status" IN ('draft', 'submitted', 'changes_requested', 'withdrawn')
      AND (newer."updatedAt", newer."id") > (older."updatedAt", older."id")
  );

-- CreateIndex
CREATE UNIQUE INDEX "ChangeSet_one_open_per_author_key" ON "ChangeSet"("authorId", "organisationId")
WHERE "status" IN ('draft', 'submitted', 'changes_requested', 'withdrawn');
