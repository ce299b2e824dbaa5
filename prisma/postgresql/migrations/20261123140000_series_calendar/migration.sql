-- AlterTable
ALTER TABLE "Unit" ADD COLUMN "calendarTokenHash" TEXT;
ALTER TABLE "MeetingSeries" ADD COLUMN "defaultChairId" TEXT;
ALTER TABLE "MeetingSeries" ADD COLUMN "minutesOrientering" INTEGER NOT NULL DEFAULT 5;
ALTER TABLE "MeetingSeries" ADD COLUMN "minutesDrofting" INTEGER NOT NULL DEFAULT 15;
ALTER TABLE "MeetingSeries" ADD COLUMN "minutesAvklaring" INTEGER NOT NULL DEFAULT 10;
ALTER TABLE "MeetingSeries" ADD COLUMN "active" BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE "Meeting" ADD COLUMN "seriesSlot" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "link" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");
CREATE UNIQUE INDEX "Unit_calendarTokenHash_key" ON "Unit"("calendarTokenHash");
CREATE UNIQUE INDEX "Meeting_seriesId_seriesSlot_key" ON "Meeting"("seriesId", "seriesSlot");

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
