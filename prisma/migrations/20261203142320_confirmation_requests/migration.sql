-- CreateEnum
CREATE TYPE "ConfirmationAnswer" AS ENUM ('confirmed', 'changed');

-- CreateEnum
CREATE TYPE "MailSuppressionReason" AS ENUM ('unsubscribed', 'bounced');

-- AlterTable
ALTER TABLE "ChangeSet" ADD COLUMN     "fromOrganisation" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "ConfirmationRequest" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "requestedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),
    "failedAt" TIMESTAMP(3),
    "failure" TEXT,
    "answeredAt" TIMESTAMP(3),
    "answer" "ConfirmationAnswer",

    CONSTRAINT "ConfirmationRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MailSuppression" (
    "email" TEXT NOT NULL,
    "reason" "MailSuppressionReason" NOT NULL,
    "detail" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MailSuppression_pkey" PRIMARY KEY ("email")
);

-- CreateIndex
CREATE INDEX "ConfirmationRequest_organisationId_createdAt_idx" ON "ConfirmationRequest"("organisationId", "createdAt");

-- AddForeignKey
ALTER TABLE "ConfirmationRequest" ADD CONSTRAINT "ConfirmationRequest_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConfirmationRequest" ADD CONSTRAINT "ConfirmationRequest_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
