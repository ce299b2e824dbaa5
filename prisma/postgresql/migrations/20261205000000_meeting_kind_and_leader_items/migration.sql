-- AlterTable
ALTER TABLE "MeetingSeries" ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'saksmote';

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'saksmote';

-- AlterTable
ALTER TABLE "AgendaItem" ADD COLUMN     "leaderCaseId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "AgendaItem_meetingId_leaderCaseId_key" ON "AgendaItem"("meetingId", "leaderCaseId");

-- AddForeignKey
ALTER TABLE "AgendaItem" ADD CONSTRAINT "AgendaItem_leaderCaseId_fkey" FOREIGN KEY ("leaderCaseId") REFERENCES "LeaderCase"("id") ON DELETE SET NULL ON UPDATE CASCADE;
