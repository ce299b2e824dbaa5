-- AlterTable
ALTER TABLE "Case" ADD COLUMN "changedAfterDocumentedAt" DATETIME;


-- Minutes closed before approval existed froze at close and were never a draft: they count as approved at
-- their close (no approver recorded), so they show as Godkjent rather than in no state at all.
UPDATE "Meeting" SET "minutesStatus" = 'approved', "minutesApprovedAt" = "closedAt"
WHERE "status" = 'closed' AND "minutesStatus" IS NULL;
