-- AlterTable
ALTER TABLE "AgendaItem" ADD COLUMN     "actingChairId" TEXT,
ADD COLUMN     "deviationReason" TEXT;

-- CreateTable
CREATE TABLE "Recusal" (
    "id" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Recusal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Recusal_userId_idx" ON "Recusal"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Recusal_itemId_userId_key" ON "Recusal"("itemId", "userId");

-- AddForeignKey
ALTER TABLE "Recusal" ADD CONSTRAINT "Recusal_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "AgendaItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recusal" ADD CONSTRAINT "Recusal_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
