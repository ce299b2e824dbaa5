-- AlterTable
ALTER TABLE "AgendaItem" ADD COLUMN "actingChairId" TEXT;
ALTER TABLE "AgendaItem" ADD COLUMN "deviationReason" TEXT;

-- CreateTable
CREATE TABLE "Recusal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "itemId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Recusal_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "AgendaItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Recusal_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Recusal_userId_idx" ON "Recusal"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Recusal_itemId_userId_key" ON "Recusal"("itemId", "userId");
