-- CreateTable
CREATE TABLE "DocumentVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "documentKind" TEXT NOT NULL,
    "caseId" TEXT,
    "itemId" TEXT,
    "kind" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "createdById" TEXT,
    "meetingId" TEXT,
    "restoredFrom" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DocumentVersion_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DocumentVersion_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "AgendaItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "DocumentVersion_caseId_createdAt_idx" ON "DocumentVersion"("caseId", "createdAt");

-- CreateIndex
CREATE INDEX "DocumentVersion_itemId_createdAt_idx" ON "DocumentVersion"("itemId", "createdAt");

