-- CreateIndex
CREATE INDEX "Household_telegramUserId_idx" ON "Household"("telegramUserId");

