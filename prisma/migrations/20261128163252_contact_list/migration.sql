-- CreateIndex
CREATE INDEX "Contact_value_id_idx" ON "Contact"("value", "id");
