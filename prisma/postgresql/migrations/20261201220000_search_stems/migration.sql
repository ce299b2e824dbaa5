-- AlterTable
ALTER TABLE "SearchEntry" ADD COLUMN     "bodyStems" TEXT,
ADD COLUMN     "titleStems" TEXT;

