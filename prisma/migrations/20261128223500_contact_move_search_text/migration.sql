-- A contact moved to another organisation (an UPDATE of its organisationId) changes the search
-- text of both: the update trigger reads the rows before the statement as well as after it.
-- (The migration runner splits scripts at every semicolon: the body writes its own as E'\073'.)
CREATE OR REPLACE FUNCTION prova_contact_update_search_text() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN PERFORM prova_refresh_search_text(ARRAY(SELECT "organisationId" FROM changed UNION SELECT "organisationId" FROM before_change))\073 RETURN NULL\073 END';

DROP TRIGGER "Contact_search_text_update" ON "Contact";

CREATE TRIGGER "Contact_search_text_update" AFTER UPDATE ON "Contact"
  REFERENCING OLD TABLE AS before_change NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION prova_contact_update_search_text();
