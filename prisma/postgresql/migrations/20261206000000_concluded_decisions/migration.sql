-- CreateTable
CREATE TABLE "ConcludedDecision" (
    "itemId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "caseId" TEXT,
    "caseworkerId" TEXT,
    "meetingDate" TIMESTAMP(3) NOT NULL,
    "concludedAt" TIMESTAMP(3) NOT NULL,
    "caseType" TEXT,
    "level" TEXT,
    "outcome" TEXT NOT NULL,
    "severityLevel" TEXT,
    "benefitLevel" TEXT,
    "resourceLevel" TEXT,
    "services" TEXT NOT NULL DEFAULT '',
    "title" TEXT NOT NULL,
    "conclusion" TEXT,
    "words" TEXT NOT NULL,
    "writtenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConcludedDecision_pkey" PRIMARY KEY ("itemId")
);

-- CreateIndex
CREATE INDEX "ConcludedDecision_unitId_meetingDate_writtenAt_idx" ON "ConcludedDecision"("unitId", "meetingDate", "writtenAt");

-- CreateIndex
CREATE INDEX "ConcludedDecision_caseId_idx" ON "ConcludedDecision"("caseId");

-- CreateIndex
CREATE INDEX "ConcludedDecision_meetingId_idx" ON "ConcludedDecision"("meetingId");

