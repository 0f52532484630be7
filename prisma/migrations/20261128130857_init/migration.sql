-- CreateEnum
CREATE TYPE "Role" AS ENUM ('admin', 'editor', 'reviewer');

-- CreateEnum
CREATE TYPE "OrganisationKind" AS ENUM ('project', 'ngo', 'government_body', 'security_service', 'network', 'political_group', 'research_education', 'other');

-- CreateEnum
CREATE TYPE "OrganisationStatus" AS ENUM ('published', 'archived');

-- CreateEnum
CREATE TYPE "ContactType" AS ENUM ('email', 'phone', 'fax', 'address', 'contact_form');

-- CreateTable
CREATE TABLE "Country" (
    "code" CHAR(2) NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Country_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Organisation" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "acronym" TEXT,
    "kind" "OrganisationKind" NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "website" TEXT,
    "status" "OrganisationStatus" NOT NULL DEFAULT 'published',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "lastVerifiedAt" TIMESTAMP(3),

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrganisationCountry" (
    "organisationId" UUID NOT NULL,
    "countryCode" CHAR(2) NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "OrganisationCountry_pkey" PRIMARY KEY ("organisationId","countryCode")
);

-- CreateTable
CREATE TABLE "Contact" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "type" "ContactType" NOT NULL,
    "label" TEXT,
    "value" TEXT NOT NULL,
    "rawValue" TEXT NOT NULL,

    CONSTRAINT "Contact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "disabledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Country_name_key" ON "Country"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_slug_key" ON "Organisation"("slug");

-- CreateIndex
CREATE INDEX "Organisation_status_name_idx" ON "Organisation"("status", "name");

-- CreateIndex
CREATE INDEX "OrganisationCountry_countryCode_organisationId_idx" ON "OrganisationCountry"("countryCode", "organisationId");

-- CreateIndex
CREATE INDEX "Contact_organisationId_position_idx" ON "Contact"("organisationId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- AddForeignKey
ALTER TABLE "OrganisationCountry" ADD CONSTRAINT "OrganisationCountry_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganisationCountry" ADD CONSTRAINT "OrganisationCountry_countryCode_fkey" FOREIGN KEY ("countryCode") REFERENCES "Country"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
