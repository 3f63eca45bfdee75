-- Children in a home: the Schedule 3 basics, with every earlier version kept.
CREATE TABLE children (
    id BIGSERIAL PRIMARY KEY,
    home_id BIGINT NOT NULL REFERENCES homes(id),
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    preferred_name TEXT NOT NULL DEFAULT '',
    previous_names TEXT NOT NULL DEFAULT '',
    date_of_birth TEXT NOT NULL,
    sex TEXT NOT NULL,
    pronouns TEXT NOT NULL DEFAULT '',
    religion TEXT NOT NULL DEFAULT '',
    ethnicity TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT '',
    legal_basis TEXT NOT NULL,
    placing_authority TEXT NOT NULL,
    placing_authority_contact TEXT NOT NULL DEFAULT '',
    social_worker_name TEXT NOT NULL DEFAULT '',
    admission_date TEXT NOT NULL,
    reg44_consent INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES people(id),
    updated_at TEXT NOT NULL,
    updated_by BIGINT NOT NULL REFERENCES people(id),
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX children_by_home ON children (home_id, last_name, first_name);

-- Every version of a child's record, the first included: what it said, who, when and why.
CREATE TABLE child_versions (
    id BIGSERIAL PRIMARY KEY,
    child_id BIGINT NOT NULL REFERENCES children(id),
    version INTEGER NOT NULL,
    record TEXT NOT NULL,
    reason TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    changed_by BIGINT NOT NULL REFERENCES people(id),
    UNIQUE (child_id, version)
);

CREATE TABLE key_workers (
    id BIGSERIAL PRIMARY KEY,
    child_id BIGINT NOT NULL REFERENCES children(id),
    person_id BIGINT NOT NULL REFERENCES people(id),
    started_at TEXT NOT NULL,
    started_by BIGINT NOT NULL REFERENCES people(id),
    ended_at TEXT,
    ended_by BIGINT REFERENCES people(id)
);
CREATE INDEX key_workers_by_child ON key_workers (child_id, ended_at);

-- A social worker sees only the children allocated to them.
CREATE TABLE allocations (
    id BIGSERIAL PRIMARY KEY,
    person_id BIGINT NOT NULL REFERENCES people(id),
    child_id BIGINT NOT NULL REFERENCES children(id),
    started_at TEXT NOT NULL,
    ended_at TEXT
);
CREATE INDEX allocations_by_person ON allocations (person_id, ended_at);
CREATE INDEX allocations_by_child ON allocations (child_id);
