-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "acceptedLate" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "childrenAffected" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "lateRequestMeetingId" TEXT,
ADD COLUMN     "level" TEXT NOT NULL DEFAULT 'individ',
ADD COLUMN     "severityLevel" TEXT,
ADD COLUMN     "submittedAt" TIMESTAMP(3),
ADD COLUMN     "urgent" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "CaseVersion" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "content" TEXT NOT NULL,
    "submittedById" TEXT NOT NULL,
    "meetingId" TEXT,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CaseVersion_caseId_version_key" ON "CaseVersion"("caseId", "version");

-- CreateIndex
CREATE INDEX "Case_createdById_status_idx" ON "Case"("createdById", "status");

-- AddForeignKey
ALTER TABLE "CaseVersion" ADD CONSTRAINT "CaseVersion_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

