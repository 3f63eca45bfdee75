-- Each child in a bullying concern may have an advocate and may complain (issue 14; Reg 7 and
-- Reg 39; docs/user-guide.md, "Relationships and bullying"). Each row is about one child.
CREATE TABLE bullying_advocates (
    id BIGSERIAL PRIMARY KEY,
    concern_id BIGINT NOT NULL REFERENCES bullying_concerns(id),
    child_id BIGINT NOT NULL REFERENCES children(id),
    offered_on TEXT NOT NULL,
    answer TEXT NOT NULL,                  -- advocate_answers(): taken_up, declined, thinking
    advocate_name TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL,
    recorded_by BIGINT NOT NULL REFERENCES people(id)
);
CREATE INDEX bullying_advocates_by_concern ON bullying_advocates (concern_id, offered_on);

CREATE TABLE bullying_complaints (
    id BIGSERIAL PRIMARY KEY,
    concern_id BIGINT NOT NULL REFERENCES bullying_concerns(id),
    child_id BIGINT NOT NULL REFERENCES children(id),
    made_on TEXT NOT NULL,
    complaint TEXT NOT NULL,               -- in the child's words
    about TEXT NOT NULL,
    looked_into_by TEXT NOT NULL,          -- never the person complained about (Reg 39)
    action TEXT NOT NULL DEFAULT '',
    outcome TEXT NOT NULL DEFAULT '',
    outcome_on TEXT,                       -- null until it has an outcome
    outcome_recorded_by BIGINT REFERENCES people(id),
    recorded_at TEXT NOT NULL,
    recorded_by BIGINT NOT NULL REFERENCES people(id)
);
CREATE INDEX bullying_complaints_by_concern ON bullying_complaints (concern_id, made_on);
