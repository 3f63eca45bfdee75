-- The audit trail is appended to and never changed: the database itself refuses an UPDATE or a
-- DELETE of an entry (and, on PostgreSQL, a TRUNCATE), so no mistake in Hearth, a script or a
-- hand-typed statement can rewrite what was done (docs/decisions/0005-sign-in-and-sessions.md,
-- audit chain). Someone who can drop these triggers can still change rows; `hearth verify` is what
-- finds that. `hearth migrate-store` and `hearth backup` only insert or copy whole, so they pass.
-- Triggers are written differently by the two stores.
-- store: sqlite
CREATE TRIGGER audit_log_refuses_update BEFORE UPDATE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'audit_log entries cannot be changed: the audit trail is append-only');
END;
CREATE TRIGGER audit_log_refuses_delete BEFORE DELETE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'audit_log entries cannot be removed: the audit trail is append-only');
END;
-- store: postgresql
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log entries cannot be changed or removed (%): the audit trail is append-only', TG_OP;
END;
$$;
CREATE TRIGGER audit_log_refuses_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_refuses_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
-- store: all
