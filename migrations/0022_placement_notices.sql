-- Reg 41 notices (issue 12; docs/user-guide.md, "Notices of admissions and leavings"): each
-- admission and each leaving owes the local authority where the home is a written notice, without
-- delay, unless that authority placed the child. The notice is drafted from the case record and
-- fixed when it is sent (contents, as JSON); its clock is met by recording it sent.
CREATE TABLE placement_notices (
    id BIGSERIAL PRIMARY KEY,
    home_id BIGINT NOT NULL REFERENCES homes(id),
    child_id BIGINT NOT NULL REFERENCES children(id),
    occasion TEXT NOT NULL,            -- admission | leaving
    occurred_on TEXT NOT NULL,         -- the day of the admission or leaving
    local_authority TEXT NOT NULL,     -- where the home is, when the notice was owed
    contents TEXT NOT NULL DEFAULT '', -- the notice as sent; empty until then
    sent_to TEXT NOT NULL DEFAULT '',
    method TEXT NOT NULL DEFAULT '',
    reference TEXT NOT NULL DEFAULT '',
    sent_at TEXT,
    sent_by BIGINT REFERENCES people(id),
    recorded_by BIGINT REFERENCES people(id),
    recorded_at TEXT,
    withdrawn_reason TEXT NOT NULL DEFAULT '', -- the case record no longer owes it, and why
    created_at TEXT NOT NULL,
    created_by BIGINT REFERENCES people(id),
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (child_id, occasion)
);
CREATE INDEX placement_notices_by_home ON placement_notices (home_id, occurred_on, id);
