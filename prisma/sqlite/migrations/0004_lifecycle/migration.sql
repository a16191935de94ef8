-- CreateTable
CREATE TABLE "Acknowledgement" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "assignmentId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Acknowledgement_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ChecklistTick" (
    "assignmentId" INTEGER NOT NULL,
    "directiveId" INTEGER NOT NULL,
    "personId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("assignmentId", "directiveId"),
    CONSTRAINT "ChecklistTick_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ExtensionRequest" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "assignmentId" INTEGER NOT NULL,
    "requestedById" INTEGER NOT NULL,
    "requestedDueAt" DATETIME NOT NULL,
    "reason" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "decidedById" INTEGER,
    "decidedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ExtensionRequest_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Directive" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "meetingId" INTEGER NOT NULL,
    "parentId" INTEGER,
    "position" INTEGER NOT NULL,
    "marker" TEXT,
    "text" TEXT NOT NULL,
    "speaker" TEXT,
    "deadline" DATETIME,
    "deadlineText" TEXT,
    "recurrence" JSONB,
    "targets" JSONB NOT NULL DEFAULT [],
    "warnings" JSONB NOT NULL DEFAULT [],
    "requiresEvidence" BOOLEAN NOT NULL DEFAULT false,
    "dropped" BOOLEAN NOT NULL DEFAULT false,
    "unitPlan" JSONB NOT NULL DEFAULT [],
    "vague" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Directive_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Directive_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Directive" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Directive" ("createdAt", "deadline", "deadlineText", "dropped", "id", "marker", "meetingId", "parentId", "position", "recurrence", "requiresEvidence", "speaker", "targets", "text", "updatedAt", "warnings") SELECT "createdAt", "deadline", "deadlineText", "dropped", "id", "marker", "meetingId", "parentId", "position", "recurrence", "requiresEvidence", "speaker", "targets", "text", "updatedAt", "warnings" FROM "Directive";
DROP TABLE "Directive";
ALTER TABLE "new_Directive" RENAME TO "Directive";
CREATE INDEX "Directive_meetingId_parentId_position_idx" ON "Directive"("meetingId", "parentId", "position");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Acknowledgement_assignmentId_personId_key" ON "Acknowledgement"("assignmentId", "personId");

-- CreateIndex
CREATE INDEX "ExtensionRequest_assignmentId_idx" ON "ExtensionRequest"("assignmentId");

-- CreateIndex
CREATE INDEX "ExtensionRequest_state_idx" ON "ExtensionRequest"("state");

