-- The search's stems now leave Norwegian stopwords out (lib/history/norwegian-stems.ts),
-- as PostgreSQL's norwegian configuration does. Entries stemmed before are
-- stemmed again: their stems are cleared here, and the server fills them at
-- start (lib/history/restem-search-entries.ts); on SQLite the FTS5 update
-- trigger re-indexes each entry as it is filled.
UPDATE "SearchEntry" SET "titleStems" = NULL, "bodyStems" = NULL;
