-- A child's relevant plans and risk assessments (PRODUCT.md capability 1; seeds 000, 003, 004).
-- A plan is what lasts (Aisha's safety plan); what was written is its versions, each kept as it was.
-- One plan of each kind for a child; risk assessments of "another area" are told apart by its name.
CREATE TABLE plans (
    id BIGSERIAL PRIMARY KEY,
    child_id BIGINT NOT NULL REFERENCES children(id),
    home_id BIGINT NOT NULL REFERENCES homes(id),
    kind TEXT NOT NULL,
    area_name TEXT NOT NULL DEFAULT '',
    current_version INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES people(id),
    UNIQUE (child_id, kind, area_name)
);

-- Every version of a plan, never changed after it is written: a change is a new version. The only
-- later write is the registered manager's sign-off (signed_by, signed_at), made once.
-- sections: JSON [{key, label, text}] in the order of the kind's sections, so that a version reads
-- as it was written even after the kind's sections change.
CREATE TABLE plan_versions (
    id BIGSERIAL PRIMARY KEY,
    plan_id BIGINT NOT NULL REFERENCES plans(id),
    version INTEGER NOT NULL,
    sections TEXT NOT NULL,
    risk_level TEXT NOT NULL DEFAULT '',
    effective_on TEXT NOT NULL,
    review_by TEXT NOT NULL,
    reason TEXT NOT NULL,
    child_views TEXT NOT NULL DEFAULT '',
    views_not_asked TEXT NOT NULL DEFAULT '',
    author_id BIGINT NOT NULL REFERENCES people(id),
    written_at TEXT NOT NULL,
    signed_by BIGINT REFERENCES people(id),
    signed_at TEXT,
    UNIQUE (plan_id, version)
);

-- Who a version was shared with and when: added as it happens, after the version was written.
CREATE TABLE plan_sharing (
    id BIGSERIAL PRIMARY KEY,
    plan_version_id BIGINT NOT NULL REFERENCES plan_versions(id),
    shared_with TEXT NOT NULL,
    named TEXT NOT NULL DEFAULT '',
    shared_on TEXT NOT NULL,
    recorded_by BIGINT NOT NULL REFERENCES people(id),
    recorded_at TEXT NOT NULL
);
CREATE INDEX plan_sharing_by_version ON plan_sharing (plan_version_id, shared_on);
