-- AlterTable: a series may meet once a month, on the first of its weekdays in each month (issue 22's leader meetings).
ALTER TABLE "MeetingSeries" ADD COLUMN     "monthly" BOOLEAN NOT NULL DEFAULT false;
