-- AlterTable
ALTER TABLE "ChangeSet" ADD COLUMN     "public" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "suggesterAddress" TEXT,
ADD COLUMN     "suggesterEmail" TEXT,
ADD COLUMN     "suggesterName" TEXT;

-- CreateTable
CREATE TABLE "SuggestionAttempt" (
    "id" UUID NOT NULL,
    "address" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SuggestionAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SuggestionAttempt_address_createdAt_idx" ON "SuggestionAttempt"("address", "createdAt");
