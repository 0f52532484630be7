-- CreateIndex
CREATE INDEX "Organisation_status_lastVerifiedAt_idx" ON "Organisation"("status", "lastVerifiedAt");
