-- CreateEnum
CREATE TYPE "DuplicateReason" AS ENUM ('domain', 'email', 'phone', 'name');

-- CreateTable
CREATE TABLE "DuplicatePair" (
    "id" UUID NOT NULL,
    "organisationAId" UUID NOT NULL,
    "organisationBId" UUID NOT NULL,
    "reasons" "DuplicateReason"[],
    "domain" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "nameSimilarity" REAL,
    "score" REAL NOT NULL,
    "countryCodes" TEXT[],
    "foundAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "seenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dismissedAt" TIMESTAMP(3),
    "dismissedById" UUID,

    CONSTRAINT "DuplicatePair_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DuplicateScan" (
    "id" UUID NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "pairs" INTEGER NOT NULL,
    "added" INTEGER NOT NULL,
    "removed" INTEGER NOT NULL,

    CONSTRAINT "DuplicateScan_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DuplicatePair_organisationBId_idx" ON "DuplicatePair"("organisationBId");

-- CreateIndex
CREATE INDEX "DuplicatePair_foundAt_score_id_idx" ON "DuplicatePair"("foundAt", "score", "id");

-- CreateIndex
CREATE INDEX "DuplicatePair_reasons_idx" ON "DuplicatePair" USING GIN ("reasons");

-- CreateIndex
CREATE INDEX "DuplicatePair_countryCodes_idx" ON "DuplicatePair" USING GIN ("countryCodes");

-- CreateIndex
CREATE UNIQUE INDEX "DuplicatePair_organisationAId_organisationBId_key" ON "DuplicatePair"("organisationAId", "organisationBId");

-- CreateIndex
CREATE INDEX "DuplicateScan_finishedAt_idx" ON "DuplicateScan"("finishedAt");

-- AddForeignKey
ALTER TABLE "DuplicatePair" ADD CONSTRAINT "DuplicatePair_organisationAId_fkey" FOREIGN KEY ("organisationAId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DuplicatePair" ADD CONSTRAINT "DuplicatePair_organisationBId_fkey" FOREIGN KEY ("organisationBId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DuplicatePair" ADD CONSTRAINT "DuplicatePair_dismissedById_fkey" FOREIGN KEY ("dismissedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
