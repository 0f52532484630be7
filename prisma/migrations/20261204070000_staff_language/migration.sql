-- The language a member of staff reads the admin and their e-mail in (their account page).
ALTER TABLE "User" ADD COLUMN "language" TEXT NOT NULL DEFAULT 'en';
