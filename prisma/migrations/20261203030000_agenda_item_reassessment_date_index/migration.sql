-- CreateIndex
CREATE INDEX "AgendaItem_reassessmentDate_idx" ON "AgendaItem"("reassessmentDate");

