-- CreateEnum
CREATE TYPE "LinkVerdict" AS ENUM ('ok', 'moved', 'broken', 'failing', 'blocked', 'refused');

-- CreateTable
CREATE TABLE "Link" (
    "url" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "verdict" "LinkVerdict",
    "verdictSince" TIMESTAMP(3),
    "status" INTEGER,
    "finalUrl" TEXT,
    "suggestedUrl" TEXT,
    "error" TEXT,
    "checkedAt" TIMESTAMP(3),
    "nextCheckAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Link_pkey" PRIMARY KEY ("url")
);

-- CreateTable
CREATE TABLE "LinkCheck" (
    "id" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "checkedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "verdict" "LinkVerdict" NOT NULL,
    "status" INTEGER,
    "finalUrl" TEXT,
    "error" TEXT,
    "ms" INTEGER NOT NULL,

    CONSTRAINT "LinkCheck_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Link_nextCheckAt_idx" ON "Link"("nextCheckAt");

-- CreateIndex
CREATE INDEX "Link_verdict_verdictSince_idx" ON "Link"("verdict", "verdictSince");

-- CreateIndex
CREATE INDEX "LinkCheck_url_checkedAt_idx" ON "LinkCheck"("url", "checkedAt");

-- CreateIndex
CREATE INDEX "Organisation_website_idx" ON "Organisation"("website");

-- AddForeignKey
ALTER TABLE "LinkCheck" ADD CONSTRAINT "LinkCheck_url_fkey" FOREIGN KEY ("url") REFERENCES "Link"("url") ON DELETE CASCADE ON UPDATE CASCADE;
