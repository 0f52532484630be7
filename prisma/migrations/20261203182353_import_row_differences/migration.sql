-- AlterTable
ALTER TABLE "ImportRow" ADD COLUMN     "differences" JSONB NOT NULL DEFAULT '[]';
