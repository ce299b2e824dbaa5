-- CreateTable
CREATE TABLE "MissingAsk" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "askedById" TEXT NOT NULL,
    "askedAt" DATETIME NOT NULL,
    CONSTRAINT "MissingAsk_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MissingAsk_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MissingAsk_askedById_fkey" FOREIGN KEY ("askedById") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable
ALTER TABLE "AgendaItem" ADD COLUMN "aList" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "AgendaItem" ADD COLUMN "aListConcludedAt" DATETIME;

-- CreateIndex
CREATE INDEX "MissingAsk_meetingId_caseId_askedAt_idx" ON "MissingAsk"("meetingId", "caseId", "askedAt");

