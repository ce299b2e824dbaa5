-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_MeetingSeries" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "unitId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "weekdays" TEXT NOT NULL,
    "startTime" TEXT NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "deadlineDaysBefore" INTEGER NOT NULL,
    "deadlineTime" TEXT NOT NULL,
    "timezone" TEXT NOT NULL DEFAULT 'Europe/Oslo',
    "location" TEXT,
    "defaultChairId" TEXT,
    "minutesOrientering" INTEGER NOT NULL DEFAULT 5,
    "minutesDrofting" INTEGER NOT NULL DEFAULT 15,
    "minutesAvklaring" INTEGER NOT NULL DEFAULT 10,
    "kind" TEXT NOT NULL DEFAULT 'saksmote',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MeetingSeries_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_MeetingSeries" ("active", "createdAt", "deadlineDaysBefore", "deadlineTime", "defaultChairId", "durationMinutes", "id", "location", "minutesAvklaring", "minutesDrofting", "minutesOrientering", "name", "startTime", "timezone", "unitId", "weekdays") SELECT "active", "createdAt", "deadlineDaysBefore", "deadlineTime", "defaultChairId", "durationMinutes", "id", "location", "minutesAvklaring", "minutesDrofting", "minutesOrientering", "name", "startTime", "timezone", "unitId", "weekdays" FROM "MeetingSeries";
DROP TABLE "MeetingSeries";
ALTER TABLE "new_MeetingSeries" RENAME TO "MeetingSeries";
CREATE INDEX "MeetingSeries_unitId_idx" ON "MeetingSeries"("unitId");
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
    "kind" TEXT NOT NULL DEFAULT 'saksmote',
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
INSERT INTO "new_Meeting" ("chairId", "closedAt", "createdAt", "currentItemId", "endsAt", "id", "location", "minutesApprovedAt", "minutesApprovedById", "minutesDraftUntil", "minutesRemindedAt", "minutesStatus", "openedAt", "referentId", "seriesId", "seriesSlot", "startsAt", "status", "submissionDeadline", "unitId") SELECT "chairId", "closedAt", "createdAt", "currentItemId", "endsAt", "id", "location", "minutesApprovedAt", "minutesApprovedById", "minutesDraftUntil", "minutesRemindedAt", "minutesStatus", "openedAt", "referentId", "seriesId", "seriesSlot", "startsAt", "status", "submissionDeadline", "unitId" FROM "Meeting";
DROP TABLE "Meeting";
ALTER TABLE "new_Meeting" RENAME TO "Meeting";
CREATE INDEX "Meeting_unitId_startsAt_idx" ON "Meeting"("unitId", "startsAt");
CREATE UNIQUE INDEX "Meeting_seriesId_seriesSlot_key" ON "Meeting"("seriesId", "seriesSlot");
CREATE TABLE "new_AgendaItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "caseId" TEXT,
    "leaderCaseId" TEXT,
    "title" TEXT,
    "position" INTEGER NOT NULL,
    "plannedMinutes" INTEGER NOT NULL,
    "purpose" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "locked" BOOLEAN NOT NULL DEFAULT false,
    "lockedById" TEXT,
    "startedAt" DATETIME,
    "endedAt" DATETIME,
    "carriedFromItemId" TEXT,
    "notes" TEXT,
    "outcome" TEXT,
    "referredTo" TEXT,
    "conclusion" TEXT,
    "dissent" TEXT,
    "reassessmentDate" TEXT,
    "epjDocumentation" BOOLEAN NOT NULL DEFAULT false,
    "epjResponsibleId" TEXT,
    "adjustedAssessment" TEXT,
    "actingChairId" TEXT,
    "deviationReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "aList" BOOLEAN NOT NULL DEFAULT false,
    "aListConcludedAt" DATETIME,
    CONSTRAINT "AgendaItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AgendaItem_leaderCaseId_fkey" FOREIGN KEY ("leaderCaseId") REFERENCES "LeaderCase" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "AgendaItem_lockedById_fkey" FOREIGN KEY ("lockedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_AgendaItem" ("aList", "aListConcludedAt", "actingChairId", "adjustedAssessment", "carriedFromItemId", "caseId", "conclusion", "createdAt", "deviationReason", "dissent", "endedAt", "epjDocumentation", "epjResponsibleId", "id", "locked", "lockedById", "meetingId", "notes", "outcome", "plannedMinutes", "position", "purpose", "reason", "reassessmentDate", "referredTo", "startedAt", "status", "title") SELECT "aList", "aListConcludedAt", "actingChairId", "adjustedAssessment", "carriedFromItemId", "caseId", "conclusion", "createdAt", "deviationReason", "dissent", "endedAt", "epjDocumentation", "epjResponsibleId", "id", "locked", "lockedById", "meetingId", "notes", "outcome", "plannedMinutes", "position", "purpose", "reason", "reassessmentDate", "referredTo", "startedAt", "status", "title" FROM "AgendaItem";
DROP TABLE "AgendaItem";
ALTER TABLE "new_AgendaItem" RENAME TO "AgendaItem";
CREATE INDEX "AgendaItem_meetingId_position_idx" ON "AgendaItem"("meetingId", "position");
CREATE INDEX "AgendaItem_caseId_idx" ON "AgendaItem"("caseId");
CREATE INDEX "AgendaItem_reassessmentDate_idx" ON "AgendaItem"("reassessmentDate");
CREATE UNIQUE INDEX "AgendaItem_meetingId_caseId_key" ON "AgendaItem"("meetingId", "caseId");
CREATE UNIQUE INDEX "AgendaItem_meetingId_leaderCaseId_key" ON "AgendaItem"("meetingId", "leaderCaseId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

