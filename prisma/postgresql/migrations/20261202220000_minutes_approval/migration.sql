-- AlterTable
ALTER TABLE "Unit" ADD COLUMN     "minutesApprovalDays" INTEGER NOT NULL DEFAULT 2;

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "minutesApprovedAt" TIMESTAMP(3),
ADD COLUMN     "minutesApprovedById" TEXT,
ADD COLUMN     "minutesDraftUntil" TEXT,
ADD COLUMN     "minutesRemindedAt" TIMESTAMP(3),
ADD COLUMN     "minutesStatus" TEXT;

-- CreateTable
CREATE TABLE "MinutesComment" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MinutesComment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MinutesComment_meetingId_createdAt_idx" ON "MinutesComment"("meetingId", "createdAt");

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_minutesApprovedById_fkey" FOREIGN KEY ("minutesApprovedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MinutesComment" ADD CONSTRAINT "MinutesComment_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MinutesComment" ADD CONSTRAINT "MinutesComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

