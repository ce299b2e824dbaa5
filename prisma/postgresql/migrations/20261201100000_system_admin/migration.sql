-- AlterTable
ALTER TABLE "User" ADD COLUMN     "systemAdmin" BOOLEAN NOT NULL DEFAULT false;

