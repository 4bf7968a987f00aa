-- The audit trail is append-only: nothing, not even the app, may rewrite it.
-- The PostgreSQL twin of prisma/migrations/*_audit_append_only; same SECREQ_AUDIT_APPEND_ONLY marker.

CREATE FUNCTION "secreq_audit_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'SECREQ_AUDIT_APPEND_ONLY: audit entries cannot be deleted' USING ERRCODE = 'P0001';
  END IF;
  RAISE EXCEPTION 'SECREQ_AUDIT_APPEND_ONLY: audit entries cannot be changed' USING ERRCODE = 'P0001';
END;
$$;

CREATE TRIGGER "AuditEntry_append_only" BEFORE UPDATE OR DELETE ON "AuditEntry"
FOR EACH ROW EXECUTE FUNCTION "secreq_audit_append_only"();

-- TRUNCATE skips row triggers; refuse it too.
CREATE TRIGGER "AuditEntry_no_truncate" BEFORE TRUNCATE ON "AuditEntry"
FOR EACH STATEMENT EXECUTE FUNCTION "secreq_audit_append_only"();
