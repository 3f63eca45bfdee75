-- What is agreed about a child's contact (issue 13; docs/user-guide.md, "Contact"): each
-- arrangement with someone — which forms, how often, where, supervised by whom, letterbox contact
-- under a court order — agreed by the registered manager with the social worker, with the child's
-- view; and the child's digital contact agreement, agreed by the child, their social worker and
-- the registered manager, each with the date, and reviewed by its date. A change is a new row: the
-- one it replaces is ended, never overwritten.
CREATE TABLE contact_arrangements (
    id BIGSERIAL PRIMARY KEY,
    home_id BIGINT NOT NULL REFERENCES homes(id),
    child_id BIGINT NOT NULL REFERENCES children(id),
    family_member_id BIGINT REFERENCES family_members(id),
    person TEXT NOT NULL,
    forms TEXT NOT NULL,                     -- JSON list of contact_forms() keys
    how_often TEXT NOT NULL,
    place TEXT NOT NULL DEFAULT '',
    supervision TEXT NOT NULL,
    supervised_by TEXT NOT NULL DEFAULT '',
    letterbox INTEGER NOT NULL DEFAULT 0,    -- letters through the local authority, by its agreement
    agreed_with TEXT NOT NULL,               -- the social worker
    agreed_on TEXT NOT NULL,
    child_view TEXT NOT NULL,
    less_than_wished TEXT NOT NULL DEFAULT '',
    starts_on TEXT NOT NULL,
    ended_on TEXT,
    end_reason TEXT NOT NULL DEFAULT '',
    social_worker_confirmed_at TEXT,         -- the social worker's own agreement, in Hearth
    social_worker_confirmed_by BIGINT REFERENCES people(id),
    created_at TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES people(id),
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX contact_arrangements_by_child ON contact_arrangements (child_id, ended_on, id);

CREATE TABLE digital_contact_agreements (
    id BIGSERIAL PRIMARY KEY,
    home_id BIGINT NOT NULL REFERENCES homes(id),
    child_id BIGINT NOT NULL REFERENCES children(id),
    devices TEXT NOT NULL,
    platforms TEXT NOT NULL,
    times TEXT NOT NULL,
    limits TEXT NOT NULL DEFAULT '',
    child_agreed_on TEXT NOT NULL,
    social_worker TEXT NOT NULL,
    social_worker_agreed_on TEXT NOT NULL,
    manager TEXT NOT NULL,
    manager_agreed_on TEXT NOT NULL,
    review_on TEXT NOT NULL,
    replaced_at TEXT,
    created_at TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES people(id)
);
CREATE INDEX digital_contact_agreements_by_child ON digital_contact_agreements (child_id, id);

-- The social worker's own agreement to a restriction, recorded by them in Hearth.
ALTER TABLE contact_restrictions ADD COLUMN social_worker_confirmed_at TEXT;
ALTER TABLE contact_restrictions ADD COLUMN social_worker_confirmed_by BIGINT REFERENCES people(id);
