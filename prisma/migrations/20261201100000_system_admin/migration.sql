-- AlterTable (written as ADD COLUMN: Prisma's diff would copy the whole table for it, which SQLite does not need)
ALTER TABLE "User" ADD COLUMN "systemAdmin" BOOLEAN NOT NULL DEFAULT false;
