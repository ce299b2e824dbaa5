-- AlterTable
ALTER TABLE "Case" ADD COLUMN "anonymisedAt" DATETIME;

-- The audit log is append-only: nobody, through the app or beside it, edits or deletes an entry.
CREATE TRIGGER "AuditEvent_no_update" BEFORE UPDATE ON "AuditEvent"
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER "AuditEvent_no_delete" BEFORE DELETE ON "AuditEvent"
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
