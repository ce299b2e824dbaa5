-- CreateIndex
CREATE UNIQUE INDEX "AgendaItem_meetingId_caseId_key" ON "AgendaItem"("meetingId", "caseId");

