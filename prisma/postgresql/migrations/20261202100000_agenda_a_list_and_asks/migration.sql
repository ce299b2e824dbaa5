-- AlterTable
ALTER TABLE "AgendaItem" ADD COLUMN     "aList" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "aListConcludedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "MissingAsk" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "askedById" TEXT NOT NULL,
    "askedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MissingAsk_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MissingAsk_meetingId_caseId_askedAt_idx" ON "MissingAsk"("meetingId", "caseId", "askedAt");

-- AddForeignKey
ALTER TABLE "MissingAsk" ADD CONSTRAINT "MissingAsk_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MissingAsk" ADD CONSTRAINT "MissingAsk_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MissingAsk" ADD CONSTRAINT "MissingAsk_askedById_fkey" FOREIGN KEY ("askedById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
