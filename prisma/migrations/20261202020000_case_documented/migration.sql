-- AlterTable
ALTER TABLE "Case" ADD COLUMN "documentedAt" DATETIME;
ALTER TABLE "Case" ADD COLUMN "documentedById" TEXT;

-- AlterTable
ALTER TABLE "FollowUp" ADD COLUMN "kind" TEXT;

