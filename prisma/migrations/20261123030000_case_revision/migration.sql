-- AlterTable
ALTER TABLE "Case" ADD COLUMN "revisesCaseId" TEXT;

-- CreateIndex
CREATE INDEX "Case_revisesCaseId_idx" ON "Case"("revisesCaseId");
