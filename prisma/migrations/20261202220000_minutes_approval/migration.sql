-- CreateTable
CREATE TABLE "MinutesComment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MinutesComment_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MinutesComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Unit" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "calendarTokenHash" TEXT,
    "minutesApprovalDays" INTEGER NOT NULL DEFAULT 2
);
INSERT INTO "new_Unit" ("calendarTokenHash", "createdAt", "id", "name") SELECT "calendarTokenHash", "createdAt", "id", "name" FROM "Unit";
DROP TABLE "Unit";
ALTER TABLE "new_Unit" RENAME TO "Unit";
CREATE UNIQUE INDEX "Unit_calendarTokenHash_key" ON "Unit"("calendarTokenHash");
CREATE TABLE "new_Meeting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "unitId" TEXT NOT NULL,
    "seriesId" TEXT,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "submissionDeadline" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'planned',
    "chairId" TEXT,
    "referentId" TEXT,
    "location" TEXT,
    "seriesSlot" DATETIME,
    "currentItemId" TEXT,
    "openedAt" DATETIME,
    "closedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "minutesStatus" TEXT,
    "minutesDraftUntil" TEXT,
    "minutesApprovedAt" DATETIME,
    "minutesApprovedById" TEXT,
    "minutesRemindedAt" DATETIME,
    CONSTRAINT "Meeting_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Meeting_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "MeetingSeries" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Meeting_chairId_fkey" FOREIGN KEY ("chairId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Meeting_referentId_fkey" FOREIGN KEY ("referentId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Meeting_minutesApprovedById_fkey" FOREIGN KEY ("minutesApprovedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Meeting" ("chairId", "closedAt", "createdAt", "currentItemId", "endsAt", "id", "location", "openedAt", "referentId", "seriesId", "seriesSlot", "startsAt", "status", "submissionDeadline", "unitId") SELECT "chairId", "closedAt", "createdAt", "currentItemId", "endsAt", "id", "location", "openedAt", "referentId", "seriesId", "seriesSlot", "startsAt", "status", "submissionDeadline", "unitId" FROM "Meeting";
DROP TABLE "Meeting";
ALTER TABLE "new_Meeting" RENAME TO "Meeting";
CREATE INDEX "Meeting_unitId_startsAt_idx" ON "Meeting"("unitId", "startsAt");
CREATE UNIQUE INDEX "Meeting_seriesId_seriesSlot_key" ON "Meeting"("seriesId", "seriesSlot");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "MinutesComment_meetingId_createdAt_idx" ON "MinutesComment"("meetingId", "createdAt");

