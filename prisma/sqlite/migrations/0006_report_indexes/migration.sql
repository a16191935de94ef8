-- CreateIndex
CREATE INDEX "Assignment_unitId_state_assignedAt_dueAt_doneAt_closedAt_idx" ON "Assignment"("unitId", "state", "assignedAt", "dueAt", "doneAt", "closedAt");

