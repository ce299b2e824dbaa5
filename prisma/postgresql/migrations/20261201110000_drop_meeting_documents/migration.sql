-- Issue 16: the meeting-wide Yjs document kind (`meeting:<id>`) is removed. No page
-- used it, yet it accepted and stored writes with no audit entry, and retention never
-- anonymised it: whatever was typed there (possibly health information) could be read
-- by nobody through the app and was kept for ever. Nothing can open it any more, so
-- its stored state and log are deleted rather than kept unreachable.
DELETE FROM "YDocUpdate" WHERE "docName" LIKE 'meeting:%';
DELETE FROM "YDocState" WHERE "name" LIKE 'meeting:%';
