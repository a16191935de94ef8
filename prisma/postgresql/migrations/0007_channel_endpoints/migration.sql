-- CreateTable
CREATE TABLE "ChannelEndpoint" (
    "id" SERIAL NOT NULL,
    "regionId" INTEGER NOT NULL,
    "unitId" INTEGER,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "configCipher" TEXT NOT NULL,
    "hint" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "lastError" TEXT,
    "lastErrorAt" TIMESTAMP(3),
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChannelEndpoint_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ChannelEndpoint_regionId_kind_idx" ON "ChannelEndpoint"("regionId", "kind");

-- CreateIndex
CREATE INDEX "ChannelEndpoint_unitId_idx" ON "ChannelEndpoint"("unitId");

-- AddForeignKey
ALTER TABLE "ChannelEndpoint" ADD CONSTRAINT "ChannelEndpoint_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelEndpoint" ADD CONSTRAINT "ChannelEndpoint_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

