-- CreateEnum
CREATE TYPE "VerificationSource" AS ENUM ('staff', 'organisation', 'import');

-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "lastVerifiedById" UUID,
ADD COLUMN     "lastVerifiedSource" "VerificationSource";

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_lastVerifiedById_fkey" FOREIGN KEY ("lastVerifiedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The due list (lib/data/verification.ts), overdue first: published organisations in order of
-- their last verification, or creation when never verified, all of them or of one kind.
CREATE INDEX "Organisation_verification_due_idx" ON "Organisation"("status", (COALESCE("lastVerifiedAt", "createdAt")), "id");
CREATE INDEX "Organisation_verification_due_kind_idx" ON "Organisation"("status", "kind", (COALESCE("lastVerifiedAt", "createdAt")), "id");

-- Verifications recorded before the source existed were staff checks.
UPDATE "Organisation" SET "lastVerifiedSource" = 'staff' WHERE "lastVerifiedAt" IS NOT NULL AND "lastVerifiedSource" IS NULL;
