-- AlterTable
ALTER TABLE "SearchEntry" ADD COLUMN "bodyStems" TEXT;
ALTER TABLE "SearchEntry" ADD COLUMN "titleStems" TEXT;


-- Full text (not in the Prisma schema): the FTS5 table now indexes the stems
-- (FTS5 has no Norwegian stemmer; the application writes them), with the same
-- weights by column (title, body). Rows from before this migration have no
-- stems yet: the server fills them at start (lib/history/restem-search-entries.ts),
-- and the 'rebuild' below then finds them through the update trigger.
DROP TRIGGER "SearchEntry_fts_insert";
DROP TRIGGER "SearchEntry_fts_delete";
DROP TRIGGER "SearchEntry_fts_update";
DROP TABLE "SearchEntryFts";

CREATE VIRTUAL TABLE "SearchEntryFts" USING fts5(
    "titleStems", "bodyStems",
    content = 'SearchEntry', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 0'
);

CREATE TRIGGER "SearchEntry_fts_insert" AFTER INSERT ON "SearchEntry" BEGIN
    INSERT INTO "SearchEntryFts" ("rowid", "titleStems", "bodyStems") VALUES (new."id", new."titleStems", new."bodyStems");
END;

CREATE TRIGGER "SearchEntry_fts_delete" AFTER DELETE ON "SearchEntry" BEGIN
    INSERT INTO "SearchEntryFts" ("SearchEntryFts", "rowid", "titleStems", "bodyStems") VALUES ('delete', old."id", old."titleStems", old."bodyStems");
END;

CREATE TRIGGER "SearchEntry_fts_update" AFTER UPDATE ON "SearchEntry" BEGIN
    INSERT INTO "SearchEntryFts" ("SearchEntryFts", "rowid", "titleStems", "bodyStems") VALUES ('delete', old."id", old."titleStems", old."bodyStems");
    INSERT INTO "SearchEntryFts" ("rowid", "titleStems", "bodyStems") VALUES (new."id", new."titleStems", new."bodyStems");
END;

INSERT INTO "SearchEntryFts" ("SearchEntryFts") VALUES ('rebuild');
