-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "snoozedUntil" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "expiresAt" TIMESTAMP(3),
ADD COLUMN     "late" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "DutyOccurrence" (
    "id" SERIAL NOT NULL,
    "assignmentId" INTEGER NOT NULL,
    "periodStart" TEXT NOT NULL,
    "periodEnd" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "required" INTEGER NOT NULL DEFAULT 1,
    "completed" INTEGER NOT NULL DEFAULT 0,
    "state" TEXT NOT NULL DEFAULT 'open',
    "doneAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DutyOccurrence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalendarDay" (
    "date" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CalendarDay_pkey" PRIMARY KEY ("date")
);

-- CreateTable
CREATE TABLE "SendPace" (
    "key" TEXT NOT NULL,
    "nextAt" BIGINT NOT NULL DEFAULT 0,
    "haltedAt" TIMESTAMP(3),
    "haltReason" TEXT,

    CONSTRAINT "SendPace_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "DutyOccurrence_state_dueAt_idx" ON "DutyOccurrence"("state", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "DutyOccurrence_assignmentId_periodStart_key" ON "DutyOccurrence"("assignmentId", "periodStart");

-- CreateIndex
CREATE INDEX "OutboxMessage_state_nextAttemptAt_idx" ON "OutboxMessage"("state", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_address_state_idx" ON "OutboxMessage"("address", "state");

-- AddForeignKey
ALTER TABLE "DutyOccurrence" ADD CONSTRAINT "DutyOccurrence_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

