-- CreateTable
CREATE TABLE "PendingPrompt" (
    "id" SERIAL NOT NULL,
    "telegramChatId" BIGINT NOT NULL,
    "personId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PendingPrompt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PendingPrompt_telegramChatId_personId_key" ON "PendingPrompt"("telegramChatId", "personId");

-- AddForeignKey
ALTER TABLE "PendingPrompt" ADD CONSTRAINT "PendingPrompt_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

