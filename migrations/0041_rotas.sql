-- The rota (issue 15; Schedule 4 para 7: "a record of the duty roster of persons working at the
-- home, as arranged and as actually worked"). A shift is one person's (a member of staff, or an
-- agency worker named with their agency and what it confirmed of their checks): when, what kind of
-- shift, their part in it. A shift put on before the day it starts is planned; one added on the day
-- or after is a change to the plan. What happened is recorded once: worked (with the times, if
-- they were not the planned ones), off sick, or absent. Nothing is deleted.
CREATE TABLE shifts (
    id BIGSERIAL PRIMARY KEY,
    home_id BIGINT NOT NULL REFERENCES homes(id),
    person_id BIGINT REFERENCES people(id),
    agency_worker TEXT NOT NULL DEFAULT '',
    agency TEXT NOT NULL DEFAULT '',
    agency_checks TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL,
    role TEXT NOT NULL,
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    planned INTEGER NOT NULL DEFAULT 1,
    outcome TEXT,
    worked_starts_at TEXT,
    worked_ends_at TEXT,
    outcome_note TEXT NOT NULL DEFAULT '',
    outcome_by BIGINT REFERENCES people(id),
    outcome_at TEXT,
    created_by BIGINT NOT NULL REFERENCES people(id),
    created_at TEXT NOT NULL
);
CREATE INDEX shifts_by_home ON shifts(home_id, starts_at, id);
CREATE INDEX shifts_by_person ON shifts(person_id, starts_at, id);
-- The staffing the home's statement of purpose promises for each kind of shift: how many people.
CREATE TABLE staffing_levels (
    id BIGSERIAL PRIMARY KEY,
    home_id BIGINT NOT NULL REFERENCES homes(id),
    kind TEXT NOT NULL,
    staff INTEGER NOT NULL,
    set_by BIGINT NOT NULL REFERENCES people(id),
    set_at TEXT NOT NULL,
    UNIQUE (home_id, kind)
);
