-- AlterTable
ALTER TABLE "SuggestionAttempt" ADD COLUMN     "accepted" BOOLEAN NOT NULL DEFAULT false;
