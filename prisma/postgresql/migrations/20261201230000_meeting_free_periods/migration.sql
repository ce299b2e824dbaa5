-- CreateTable
CREATE TABLE "MeetingFreePeriod" (
    "id" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "fromDate" TEXT NOT NULL,
    "toDate" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeetingFreePeriod_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MeetingFreePeriod_unitId_toDate_idx" ON "MeetingFreePeriod"("unitId", "toDate");

-- AddForeignKey
ALTER TABLE "MeetingFreePeriod" ADD CONSTRAINT "MeetingFreePeriod_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

