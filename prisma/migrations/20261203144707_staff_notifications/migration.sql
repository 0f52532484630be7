-- AlterTable
ALTER TABLE "User" ADD COLUMN     "notifyDecisions" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "notifyReviewDigest" BOOLEAN NOT NULL DEFAULT false;
