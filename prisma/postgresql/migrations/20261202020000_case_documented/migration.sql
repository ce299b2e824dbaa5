-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "documentedAt" TIMESTAMP(3),
ADD COLUMN     "documentedById" TEXT;

-- AlterTable
ALTER TABLE "FollowUp" ADD COLUMN     "kind" TEXT;

