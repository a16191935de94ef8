-- CreateTable
CREATE TABLE "HouseholdDuty" (
    "id" SERIAL NOT NULL,
    "householdId" INTEGER NOT NULL,
    "purpose" TEXT NOT NULL,
    "periodStart" TEXT NOT NULL,
    "periodEnd" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "required" INTEGER NOT NULL DEFAULT 1,
    "completed" INTEGER NOT NULL DEFAULT 0,
    "state" TEXT NOT NULL DEFAULT 'open',
    "doneAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HouseholdDuty_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HouseholdInvite" (
    "id" SERIAL NOT NULL,
    "householdId" INTEGER NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HouseholdInvite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HouseholdNotice" (
    "id" SERIAL NOT NULL,
    "regionId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "fileId" TEXT,
    "fileName" TEXT,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HouseholdNotice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "HouseholdDuty_state_dueAt_idx" ON "HouseholdDuty"("state", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "HouseholdDuty_householdId_purpose_periodStart_key" ON "HouseholdDuty"("householdId", "purpose", "periodStart");

-- CreateIndex
CREATE UNIQUE INDEX "HouseholdInvite_tokenHash_key" ON "HouseholdInvite"("tokenHash");

-- CreateIndex
CREATE INDEX "HouseholdInvite_householdId_idx" ON "HouseholdInvite"("householdId");

-- CreateIndex
CREATE INDEX "HouseholdNotice_regionId_createdAt_idx" ON "HouseholdNotice"("regionId", "createdAt");

-- AddForeignKey
ALTER TABLE "HouseholdDuty" ADD CONSTRAINT "HouseholdDuty_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HouseholdInvite" ADD CONSTRAINT "HouseholdInvite_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HouseholdNotice" ADD CONSTRAINT "HouseholdNotice_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE CASCADE ON UPDATE CASCADE;

