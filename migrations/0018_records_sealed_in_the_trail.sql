-- Records tied to the trail (issue 11; docs/decisions/0005-sign-in-and-sessions.md, records sealed
-- in the trail): the audit entry of a write holds the seal of the row it left, "table:id:columns:
-- SHA-256", and is signed with it, so that `hearth verify` finds a record changed or deleted in the
-- database behind Hearth's back. Entries written before carry none.
ALTER TABLE audit_log ADD COLUMN sealed_record TEXT;
