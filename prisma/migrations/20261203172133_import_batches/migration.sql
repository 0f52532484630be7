-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('checking', 'checked', 'sending', 'in_review', 'deciding', 'done', 'failed');

-- AlterTable
ALTER TABLE "ChangeSet" ADD COLUMN     "importBatchId" UUID,
ADD COLUMN     "importKeys" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "ImportBatch" (
    "id" UUID NOT NULL,
    "authorId" UUID,
    "fileName" TEXT NOT NULL,
    "file" BYTEA,
    "fileSize" INTEGER NOT NULL,
    "settings" JSONB NOT NULL,
    "mapping" JSONB,
    "facts" JSONB,
    "headers" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "problems" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "summary" JSONB,
    "status" "ImportStatus" NOT NULL DEFAULT 'checking',
    "done" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER,
    "failure" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "ImportBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportRow" (
    "batchId" UUID NOT NULL,
    "row" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL,
    "organisation" TEXT,
    "organisationId" UUID,
    "changes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "duplicateOf" INTEGER,
    "errors" JSONB NOT NULL DEFAULT '[]',
    "cells" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "changeSetId" UUID,

    CONSTRAINT "ImportRow_pkey" PRIMARY KEY ("batchId","row")
);

-- CreateTable
CREATE TABLE "ImportMapping" (
    "headersKey" TEXT NOT NULL,
    "mapping" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImportMapping_pkey" PRIMARY KEY ("headersKey")
);

-- CreateIndex
CREATE INDEX "ImportBatch_createdAt_idx" ON "ImportBatch"("createdAt");

-- CreateIndex
CREATE INDEX "ImportRow_batchId_outcome_row_idx" ON "ImportRow"("batchId", "outcome", "row");

-- CreateIndex
CREATE INDEX "ChangeSet_importBatchId_status_idx" ON "ChangeSet"("importBatchId", "status");

-- CreateIndex
CREATE INDEX "ChangeSet_importKeys_idx" ON "ChangeSet" USING GIN ("importKeys");

-- AddForeignKey
ALTER TABLE "ChangeSet" ADD CONSTRAINT "ChangeSet_importBatchId_fkey" FOREIGN KEY ("importBatchId") REFERENCES "ImportBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportBatch" ADD CONSTRAINT "ImportBatch_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportRow" ADD CONSTRAINT "ImportRow_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "ImportBatch"("id") ON DELETE CASCADE ON UPDATE CASCADE;
