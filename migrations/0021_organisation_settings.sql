-- Values the law leaves to the home (issue 12; docs/administrator-guide.md, "Settings"): each one an
-- organisation changes is kept here with who changed it and when; a value not here is its default.
-- Every change is in the audit trail with the value before and after.
CREATE TABLE organisation_settings (
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    key TEXT NOT NULL,
    value INTEGER NOT NULL,
    changed_by BIGINT NOT NULL REFERENCES people(id),
    changed_at TEXT NOT NULL,
    PRIMARY KEY (organisation_id, key)
);
