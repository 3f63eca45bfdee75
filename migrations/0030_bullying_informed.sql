-- The social worker and the parents or carers of each child in a bullying concern, told of it and,
-- where needed, invited to a meeting about it (issue 14; docs/user-guide.md, "Relationships and
-- bullying"): whose, who, when, how, and what they were told. Each row is about one child.
CREATE TABLE bullying_informed (
    id BIGSERIAL PRIMARY KEY,
    concern_id BIGINT NOT NULL REFERENCES bullying_concerns(id),
    child_id BIGINT NOT NULL REFERENCES children(id),
    who TEXT NOT NULL,                     -- people_told(): social_worker, parent_or_carer, other
    name TEXT NOT NULL,
    how TEXT NOT NULL,
    told_at TEXT NOT NULL,
    invited INTEGER NOT NULL DEFAULT 0,    -- invited to a meeting about it
    what TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL,
    recorded_by BIGINT NOT NULL REFERENCES people(id)
);
CREATE INDEX bullying_informed_by_concern ON bullying_informed (concern_id, told_at);
