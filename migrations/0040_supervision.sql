-- Supervision (issue 15; Reg 33(4)(b): staff receive practice-related supervision; seeds 000 and 001:
-- supervision that helps staff reflect on how children's behaviour affects them).
-- Who supervises a member of staff at a home, and how often: their registered manager unless a named
-- senior is set here; every so many days as the setting for their role says unless set here.
CREATE TABLE supervision_arrangements (
    id BIGSERIAL PRIMARY KEY,
    person_id BIGINT NOT NULL REFERENCES people(id),
    home_id BIGINT NOT NULL REFERENCES homes(id),
    supervisor_id BIGINT NOT NULL REFERENCES people(id),
    every_days INTEGER,
    set_by BIGINT NOT NULL REFERENCES people(id),
    set_at TEXT NOT NULL,
    UNIQUE (person_id, home_id)
);
-- One supervision: the day, both names, what was discussed under each heading, which headings are
-- confidential to the two and the registered manager (a JSON list of their keys), and each side's
-- signature. Written once by the supervisor; signed by each of the two, once; never changed.
CREATE TABLE supervisions (
    id BIGSERIAL PRIMARY KEY,
    person_id BIGINT NOT NULL REFERENCES people(id),
    home_id BIGINT NOT NULL REFERENCES homes(id),
    supervisor_id BIGINT NOT NULL REFERENCES people(id),
    held_on TEXT NOT NULL,
    children TEXT NOT NULL DEFAULT '',
    incidents TEXT NOT NULL DEFAULT '',
    practice TEXT NOT NULL DEFAULT '',
    wellbeing TEXT NOT NULL DEFAULT '',
    training TEXT NOT NULL DEFAULT '',
    policy TEXT NOT NULL DEFAULT '',
    reflection TEXT NOT NULL DEFAULT '',
    confidential TEXT NOT NULL DEFAULT '[]',
    supervisor_signed_at TEXT,
    person_signed_at TEXT,
    created_by BIGINT NOT NULL REFERENCES people(id),
    created_at TEXT NOT NULL
);
CREATE INDEX supervisions_by_person ON supervisions(person_id, held_on, id);
CREATE INDEX supervisions_by_home ON supervisions(home_id, held_on, id);
-- The incidents the member of staff was part of since their last supervision, as Hearth listed them
-- when it was written (a restraint first among them), so the record says what was before the two.
CREATE TABLE supervision_incidents (
    id BIGSERIAL PRIMARY KEY,
    supervision_id BIGINT NOT NULL REFERENCES supervisions(id),
    source_type TEXT NOT NULL,
    source_id BIGINT NOT NULL,
    occurred_at TEXT NOT NULL,
    summary TEXT NOT NULL,
    restraint INTEGER NOT NULL DEFAULT 0,
    href TEXT NOT NULL DEFAULT ''
);
CREATE INDEX supervision_incidents_by_supervision ON supervision_incidents(supervision_id, id);
-- What the two agreed to do: each with its owner and its day, a clock (kind "supervision_action").
CREATE TABLE supervision_actions (
    id BIGSERIAL PRIMARY KEY,
    supervision_id BIGINT NOT NULL REFERENCES supervisions(id),
    what TEXT NOT NULL,
    owner_id BIGINT NOT NULL REFERENCES people(id),
    due_on TEXT NOT NULL
);
CREATE INDEX supervision_actions_by_supervision ON supervision_actions(supervision_id, id);
