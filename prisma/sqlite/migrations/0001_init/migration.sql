-- CreateTable
CREATE TABLE "Region" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "code" TEXT,
    "level" TEXT NOT NULL DEFAULT 'county',
    "parentId" INTEGER,
    "timeZone" TEXT NOT NULL DEFAULT 'Asia/Shanghai',
    "quietStart" TEXT NOT NULL DEFAULT '21:00',
    "quietEnd" TEXT NOT NULL DEFAULT '08:00',
    "workingCalendar" BOOLEAN NOT NULL DEFAULT true,
    "settings" JSONB,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Region_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Region" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Unit" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "regionId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "aliases" JSONB NOT NULL DEFAULT [],
    "kind" TEXT NOT NULL DEFAULT 'department',
    "parentId" INTEGER,
    "headPersonId" INTEGER,
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Unit_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Unit_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Unit" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Unit_headPersonId_fkey" FOREIGN KEY ("headPersonId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Person" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "telegramUserId" BIGINT,
    "name" TEXT NOT NULL,
    "username" TEXT,
    "locale" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "inactiveReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "personId" INTEGER NOT NULL,
    "regionId" INTEGER NOT NULL,
    "unitId" INTEGER,
    "role" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Membership_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Membership_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Membership_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Chat" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "telegramChatId" BIGINT NOT NULL,
    "type" TEXT NOT NULL,
    "title" TEXT,
    "personId" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "inactiveReason" TEXT,
    "inactiveSince" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Chat_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Subscription" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "chatId" INTEGER NOT NULL,
    "regionId" INTEGER NOT NULL,
    "notices" BOOLEAN NOT NULL DEFAULT true,
    "reminders" BOOLEAN NOT NULL DEFAULT true,
    "digests" BOOLEAN NOT NULL DEFAULT true,
    "createdBy" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Subscription_chatId_fkey" FOREIGN KEY ("chatId") REFERENCES "Chat" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Subscription_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SubscriptionUnit" (
    "subscriptionId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,

    PRIMARY KEY ("subscriptionId", "unitId"),
    CONSTRAINT "SubscriptionUnit_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "Subscription" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SubscriptionUnit_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InviteToken" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "tokenHash" TEXT NOT NULL,
    "hint" TEXT NOT NULL,
    "regionId" INTEGER NOT NULL,
    "unitId" INTEGER,
    "role" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usesLeft" INTEGER NOT NULL,
    "createdById" INTEGER,
    "revokedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "InviteToken_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "InviteToken_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "InviteToken_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Meeting" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "regionId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "sourceText" TEXT NOT NULL,
    "cleanedText" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "metadata" JSONB NOT NULL,
    "meetingDate" DATETIME,
    "state" TEXT NOT NULL DEFAULT 'draft',
    "ingestedById" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 0,
    "publishedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Meeting_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Meeting_ingestedById_fkey" FOREIGN KEY ("ingestedById") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Directive" (
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Directive_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Directive_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Directive" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Assignment" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "directiveId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'lead',
    "state" TEXT NOT NULL DEFAULT 'assigned',
    "dueAt" DATETIME,
    "assignedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledgedAt" DATETIME,
    "startedAt" DATETIME,
    "doneAt" DATETIME,
    "closedAt" DATETIME,
    "blockedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Assignment_directiveId_fkey" FOREIGN KEY ("directiveId") REFERENCES "Directive" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Assignment_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StatusUpdate" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "assignmentId" INTEGER NOT NULL,
    "authorId" INTEGER,
    "state" TEXT,
    "note" TEXT,
    "evidence" JSONB NOT NULL DEFAULT [],
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "StatusUpdate_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StatusUpdate_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
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
    "leaseOwner" TEXT,
    "leaseExpiresAt" DATETIME,
    "lastError" TEXT,
    "providerMessageId" TEXT,
    "possibleDuplicate" BOOLEAN NOT NULL DEFAULT false,
    "dedupeKey" TEXT NOT NULL,
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OutboxMessage_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Household" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "regionId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "idNumberCipher" TEXT,
    "idNumberHash" TEXT,
    "phone" TEXT,
    "township" TEXT,
    "village" TEXT,
    "workLocation" TEXT,
    "size" INTEGER,
    "helperId" INTEGER,
    "notes" TEXT,
    "telegramUserId" BIGINT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "deactivatedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Household_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Household_helperId_fkey" FOREIGN KEY ("helperId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ContactLog" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "householdId" INTEGER NOT NULL,
    "personId" INTEGER,
    "channel" TEXT NOT NULL,
    "purpose" TEXT NOT NULL DEFAULT 'contact',
    "note" TEXT,
    "evidence" JSONB NOT NULL DEFAULT [],
    "contactedAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ContactLog_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ContactLog_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "actorId" INTEGER,
    "regionId" INTEGER,
    "action" TEXT NOT NULL,
    "subject" TEXT,
    "details" JSONB,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ProcessedUpdate" (
    "botId" BIGINT NOT NULL,
    "updateId" BIGINT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("botId", "updateId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Region_code_key" ON "Region"("code");

-- CreateIndex
CREATE INDEX "Region_parentId_idx" ON "Region"("parentId");

-- CreateIndex
CREATE INDEX "Unit_parentId_idx" ON "Unit"("parentId");

-- CreateIndex
CREATE UNIQUE INDEX "Unit_regionId_name_key" ON "Unit"("regionId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Person_telegramUserId_key" ON "Person"("telegramUserId");

-- CreateIndex
CREATE INDEX "Membership_personId_idx" ON "Membership"("personId");

-- CreateIndex
CREATE INDEX "Membership_unitId_role_idx" ON "Membership"("unitId", "role");

-- CreateIndex
CREATE INDEX "Membership_regionId_role_idx" ON "Membership"("regionId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "Chat_telegramChatId_key" ON "Chat"("telegramChatId");

-- CreateIndex
CREATE INDEX "Chat_personId_idx" ON "Chat"("personId");

-- CreateIndex
CREATE INDEX "Subscription_regionId_idx" ON "Subscription"("regionId");

-- CreateIndex
CREATE UNIQUE INDEX "Subscription_chatId_regionId_key" ON "Subscription"("chatId", "regionId");

-- CreateIndex
CREATE INDEX "SubscriptionUnit_unitId_idx" ON "SubscriptionUnit"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "InviteToken_tokenHash_key" ON "InviteToken"("tokenHash");

-- CreateIndex
CREATE INDEX "InviteToken_regionId_createdAt_idx" ON "InviteToken"("regionId", "createdAt");

-- CreateIndex
CREATE INDEX "Meeting_regionId_state_idx" ON "Meeting"("regionId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "Meeting_regionId_contentHash_key" ON "Meeting"("regionId", "contentHash");

-- CreateIndex
CREATE INDEX "Directive_meetingId_parentId_position_idx" ON "Directive"("meetingId", "parentId", "position");

-- CreateIndex
CREATE INDEX "Assignment_unitId_state_idx" ON "Assignment"("unitId", "state");

-- CreateIndex
CREATE INDEX "Assignment_state_dueAt_idx" ON "Assignment"("state", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "Assignment_directiveId_unitId_key" ON "Assignment"("directiveId", "unitId");

-- CreateIndex
CREATE INDEX "StatusUpdate_assignmentId_createdAt_idx" ON "StatusUpdate"("assignmentId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_dedupeKey_key" ON "OutboxMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "OutboxMessage_state_dueAt_idx" ON "OutboxMessage"("state", "dueAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_state_leaseExpiresAt_idx" ON "OutboxMessage"("state", "leaseExpiresAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_assignmentId_idx" ON "OutboxMessage"("assignmentId");

-- CreateIndex
CREATE INDEX "Household_regionId_township_village_idx" ON "Household"("regionId", "township", "village");

-- CreateIndex
CREATE INDEX "Household_helperId_idx" ON "Household"("helperId");

-- CreateIndex
CREATE UNIQUE INDEX "Household_regionId_idNumberHash_key" ON "Household"("regionId", "idNumberHash");

-- CreateIndex
CREATE INDEX "ContactLog_householdId_contactedAt_idx" ON "ContactLog"("householdId", "contactedAt");

-- CreateIndex
CREATE INDEX "AuditLog_regionId_createdAt_idx" ON "AuditLog"("regionId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_action_createdAt_idx" ON "AuditLog"("action", "createdAt");

-- CreateIndex
CREATE INDEX "ProcessedUpdate_createdAt_idx" ON "ProcessedUpdate"("createdAt");

