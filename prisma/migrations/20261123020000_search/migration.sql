-- CreateTable
CREATE TABLE "SearchEntry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "itemId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "caseId" TEXT,
    "caseworkerId" TEXT,
    "meetingDate" DATETIME NOT NULL,
    "caseType" TEXT,
    "level" TEXT,
    "purpose" TEXT NOT NULL,
    "outcome" TEXT,
    "severityLevel" TEXT,
    "benefitLevel" TEXT,
    "resourceLevel" TEXT,
    "childrenAffected" BOOLEAN NOT NULL DEFAULT false,
    "personRef" TEXT,
    "services" TEXT NOT NULL DEFAULT '',
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "SearchEntry_itemId_key" ON "SearchEntry"("itemId");

-- CreateIndex
CREATE INDEX "SearchEntry_unitId_meetingDate_idx" ON "SearchEntry"("unitId", "meetingDate");

-- CreateIndex
CREATE INDEX "SearchEntry_caseId_idx" ON "SearchEntry"("caseId");

-- Full text (not in the Prisma schema): FTS5 over title and body, with
-- SearchEntry as its external content, kept in step by triggers. unicode61
-- without diacritic removal keeps æ, ø and å apart from a, o and a.
CREATE VIRTUAL TABLE "SearchEntryFts" USING fts5(
    "title", "body",
    content = 'SearchEntry', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 0'
);

CREATE TRIGGER "SearchEntry_fts_insert" AFTER INSERT ON "SearchEntry" BEGIN
    INSERT INTO "SearchEntryFts" ("rowid", "title", "body") VALUES (new."id", new."title", new."body");
END;

CREATE TRIGGER "SearchEntry_fts_delete" AFTER DELETE ON "SearchEntry" BEGIN
    INSERT INTO "SearchEntryFts" ("SearchEntryFts", "rowid", "title", "body") VALUES ('delete', old."id", old."title", old."body");
END;

CREATE TRIGGER "SearchEntry_fts_update" AFTER UPDATE ON "SearchEntry" BEGIN
    INSERT INTO "SearchEntryFts" ("SearchEntryFts", "rowid", "title", "body") VALUES ('delete', old."id", old."title", old."body");
    INSERT INTO "SearchEntryFts" ("rowid", "title", "body") VALUES (new."id", new."title", new."body");
END;
