-- CreateTable
CREATE TABLE "ChannelEndpoint" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "regionId" INTEGER NOT NULL,
    "unitId" INTEGER,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "configCipher" TEXT NOT NULL,
    "hint" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "lastError" TEXT,
    "lastErrorAt" DATETIME,
    "createdById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ChannelEndpoint_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ChannelEndpoint_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ChannelEndpoint_regionId_kind_idx" ON "ChannelEndpoint"("regionId", "kind");

-- CreateIndex
CREATE INDEX "ChannelEndpoint_unitId_idx" ON "ChannelEndpoint"("unitId");

