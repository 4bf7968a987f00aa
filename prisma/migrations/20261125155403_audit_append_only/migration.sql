-- The audit trail is append-only: nothing, not even the app, may rewrite it.
CREATE TRIGGER "AuditEntry_no_update" BEFORE UPDATE ON "AuditEntry"
BEGIN SELECT RAISE(ABORT, 'SECREQ_AUDIT_APPEND_ONLY: audit entries cannot be changed'); END;

CREATE TRIGGER "AuditEntry_no_delete" BEFORE DELETE ON "AuditEntry"
BEGIN SELECT RAISE(ABORT, 'SECREQ_AUDIT_APPEND_ONLY: audit entries cannot be deleted'); END;
