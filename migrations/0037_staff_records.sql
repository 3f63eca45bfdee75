-- The team (issue 15): each person's record as Schedule 4 asks it, the checks that show they are fit
-- to work with children (Reg 32 and Schedule 2), the supervised start a registered manager may
-- allow before those checks are complete, and the qualifications Reg 28 and Reg 32(4) ask for.
-- Corrections keep every earlier version in record_versions (record type "staff_record").

-- Schedule 4, "in respect of each person working at the home": name (people.name), sex, date of
-- birth, home address, qualifications and experience of work with children, full- or part-time
-- (paid or not) with average hours, whether they live at the home, and the dates they started and
-- stopped working there.
CREATE TABLE staff_records (
    person_id BIGINT PRIMARY KEY REFERENCES people(id),
    sex TEXT NOT NULL,
    date_of_birth TEXT NOT NULL,
    address TEXT NOT NULL,
    experience TEXT NOT NULL,
    works TEXT NOT NULL,
    paid INTEGER NOT NULL,
    hours_per_week INTEGER,
    lives_at_home INTEGER NOT NULL,
    started_on TEXT NOT NULL,
    ended_on TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    updated_by BIGINT NOT NULL REFERENCES people(id),
    updated_at TEXT NOT NULL
);

-- One line per check made: identity seen, the enhanced DBS certificate (and each later check of it
-- on the update service), each reference, the full employment history with its gaps explained, the
-- right to work. Never changed: a check made again is a new line.
CREATE TABLE staff_checks (
    id BIGSERIAL PRIMARY KEY,
    person_id BIGINT NOT NULL REFERENCES people(id),
    kind TEXT NOT NULL,
    what TEXT NOT NULL,
    dated TEXT NOT NULL,
    note TEXT NOT NULL,
    recorded_by BIGINT NOT NULL REFERENCES people(id),
    recorded_at TEXT NOT NULL
);
CREATE INDEX staff_checks_by_person ON staff_checks(person_id, kind);

-- Why a registered manager lets someone start under supervision before every check is recorded,
-- and the day by which the rest must be: a clock (kind "staff_checks") met when they are.
CREATE TABLE staff_supervised_starts (
    id BIGSERIAL PRIMARY KEY,
    person_id BIGINT NOT NULL REFERENCES people(id),
    home_id BIGINT NOT NULL REFERENCES homes(id),
    reason TEXT NOT NULL,
    checks_by TEXT NOT NULL,
    recorded_by BIGINT NOT NULL REFERENCES people(id),
    recorded_at TEXT NOT NULL
);
CREATE INDEX staff_supervised_starts_by_person ON staff_supervised_starts(person_id);

-- The Level 3 Diploma for residential childcare (care staff) or the Level 5 Diploma in leadership
-- (a registered manager): when they registered on it, the day it must be achieved by (a clock of
-- kind "staff_qualification"), and when it was.
CREATE TABLE staff_qualifications (
    id BIGSERIAL PRIMARY KEY,
    person_id BIGINT NOT NULL REFERENCES people(id),
    home_id BIGINT NOT NULL REFERENCES homes(id),
    qualification TEXT NOT NULL,
    registered_on TEXT NOT NULL,
    achieve_by TEXT NOT NULL,
    achieved_on TEXT,
    recorded_by BIGINT NOT NULL REFERENCES people(id),
    recorded_at TEXT NOT NULL,
    achieved_recorded_by BIGINT REFERENCES people(id),
    achieved_recorded_at TEXT
);
CREATE INDEX staff_qualifications_by_person ON staff_qualifications(person_id);

-- A role with children given to someone whose checks are not yet recorded waits for them: it is in
-- force (people sign in with it) only once this is NULL.
ALTER TABLE roles ADD COLUMN awaiting_checks_since TEXT;
