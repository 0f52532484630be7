-- AlterTable
ALTER TABLE "ChangeSet" ADD COLUMN     "decisionNote" TEXT;
