-- The language of the page a public suggestion was sent from: its outcome is e-mailed in it.
ALTER TABLE "ChangeSet" ADD COLUMN "suggesterLanguage" TEXT;
