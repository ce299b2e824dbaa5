-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN "closedAt" DATETIME;
ALTER TABLE "Meeting" ADD COLUMN "currentItemId" TEXT;
ALTER TABLE "Meeting" ADD COLUMN "openedAt" DATETIME;

-- CreateTable
CREATE TABLE "AgendaItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "caseId" TEXT,
    "title" TEXT,
    "position" INTEGER NOT NULL,
    "plannedMinutes" INTEGER NOT NULL,
    "purpose" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "locked" BOOLEAN NOT NULL DEFAULT false,
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AgendaItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FollowUp" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "agendaItemId" TEXT NOT NULL,
    "caseId" TEXT,
    "ownerId" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "dueDate" TEXT,
    "doneAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "FollowUp_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "AgendaItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Attendance" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "firstSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Attendance_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "AgendaItem_meetingId_position_idx" ON "AgendaItem"("meetingId", "position");

-- CreateIndex
CREATE INDEX "AgendaItem_caseId_idx" ON "AgendaItem"("caseId");

-- CreateIndex
CREATE INDEX "FollowUp_ownerId_doneAt_idx" ON "FollowUp"("ownerId", "doneAt");

-- CreateIndex
CREATE UNIQUE INDEX "Attendance_meetingId_userId_key" ON "Attendance"("meetingId", "userId");

