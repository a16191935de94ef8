-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN "snoozedUntil" DATETIME;

-- CreateTable
CREATE TABLE "DutyOccurrence" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "assignmentId" INTEGER NOT NULL,
    "periodStart" TEXT NOT NULL,
    "periodEnd" TEXT NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "required" INTEGER NOT NULL DEFAULT 1,
    "completed" INTEGER NOT NULL DEFAULT 0,
    "state" TEXT NOT NULL DEFAULT 'open',
    "doneAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DutyOccurrence_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CalendarDay" (
    "date" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "name" TEXT,
    "createdById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "SendPace" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "nextAt" BIGINT NOT NULL DEFAULT 0,
    "haltedAt" DATETIME,
    "haltReason" TEXT
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_OutboxMessage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "channel" TEXT NOT NULL DEFAULT 'telegram',
    "address" TEXT NOT NULL,
    "assignmentId" INTEGER,
    "subjectType" TEXT,
    "subjectId" INTEGER,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME,
    "expiresAt" DATETIME,
    "leaseOwner" TEXT,
    "leaseExpiresAt" DATETIME,
    "lastError" TEXT,
    "providerMessageId" TEXT,
    "possibleDuplicate" BOOLEAN NOT NULL DEFAULT false,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "dedupeKey" TEXT NOT NULL,
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OutboxMessage_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_OutboxMessage" ("address", "assignmentId", "attempts", "channel", "createdAt", "dedupeKey", "dueAt", "id", "kind", "lastError", "leaseExpiresAt", "leaseOwner", "nextAttemptAt", "payload", "possibleDuplicate", "providerMessageId", "sentAt", "state", "subjectId", "subjectType") SELECT "address", "assignmentId", "attempts", "channel", "createdAt", "dedupeKey", "dueAt", "id", "kind", "lastError", "leaseExpiresAt", "leaseOwner", "nextAttemptAt", "payload", "possibleDuplicate", "providerMessageId", "sentAt", "state", "subjectId", "subjectType" FROM "OutboxMessage";
DROP TABLE "OutboxMessage";
ALTER TABLE "new_OutboxMessage" RENAME TO "OutboxMessage";
CREATE UNIQUE INDEX "OutboxMessage_dedupeKey_key" ON "OutboxMessage"("dedupeKey");
CREATE INDEX "OutboxMessage_state_dueAt_idx" ON "OutboxMessage"("state", "dueAt");
CREATE INDEX "OutboxMessage_state_nextAttemptAt_idx" ON "OutboxMessage"("state", "nextAttemptAt");
CREATE INDEX "OutboxMessage_state_leaseExpiresAt_idx" ON "OutboxMessage"("state", "leaseExpiresAt");
CREATE INDEX "OutboxMessage_assignmentId_idx" ON "OutboxMessage"("assignmentId");
CREATE INDEX "OutboxMessage_address_state_idx" ON "OutboxMessage"("address", "state");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "DutyOccurrence_state_dueAt_idx" ON "DutyOccurrence"("state", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "DutyOccurrence_assignmentId_periodStart_key" ON "DutyOccurrence"("assignmentId", "periodStart");

