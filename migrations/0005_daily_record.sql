-- The daily record: what staff write about a child on shift (daily notes, praise and achievements,
-- key-work sessions), children's meetings, the actions agreed in them, and handovers between shifts.
-- Entries are signed by their author (Reg 36(1)(c)) and amended, never edited in place: every
-- version is kept in record_versions with who, when and why.
CREATE TABLE daily_entries (
    id BIGSERIAL PRIMARY KEY,
    child_id BIGINT NOT NULL REFERENCES children(id),
    home_id BIGINT NOT NULL REFERENCES homes(id),
    kind TEXT NOT NULL,
    category TEXT NOT NULL,
    occurred_at TEXT NOT NULL,
    topic TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL,
    child_words TEXT NOT NULL DEFAULT '',
    significant INTEGER NOT NULL DEFAULT 0,
    for_handover INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES people(id),
    updated_at TEXT NOT NULL,
    updated_by BIGINT NOT NULL REFERENCES people(id),
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX daily_entries_by_child ON daily_entries (child_id, occurred_at);

-- A meeting of the children of a home: what was talked about, what they said, what was agreed.
CREATE TABLE childrens_meetings (
    id BIGSERIAL PRIMARY KEY,
    home_id BIGINT NOT NULL REFERENCES homes(id),
    held_at TEXT NOT NULL,
    topic TEXT NOT NULL,
    discussion TEXT NOT NULL,
    children_said TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES people(id),
    updated_at TEXT NOT NULL,
    updated_by BIGINT NOT NULL REFERENCES people(id),
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX childrens_meetings_by_home ON childrens_meetings (home_id, id);

CREATE TABLE childrens_meeting_attendees (
    id BIGSERIAL PRIMARY KEY,
    meeting_id BIGINT NOT NULL REFERENCES childrens_meetings(id),
    child_id BIGINT NOT NULL REFERENCES children(id),
    UNIQUE (meeting_id, child_id)
);
CREATE INDEX childrens_meeting_attendees_by_child ON childrens_meeting_attendees (child_id);

-- Every version of an entry or meeting, the first included: what it said, who, when and why.
CREATE TABLE record_versions (
    id BIGSERIAL PRIMARY KEY,
    record_type TEXT NOT NULL,
    record_id BIGINT NOT NULL,
    version INTEGER NOT NULL,
    record TEXT NOT NULL,
    reason TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    changed_by BIGINT NOT NULL REFERENCES people(id),
    UNIQUE (record_type, record_id, version)
);

-- Actions agreed in key-work sessions and children's meetings, open until someone says they are done.
CREATE TABLE agreed_actions (
    id BIGSERIAL PRIMARY KEY,
    home_id BIGINT NOT NULL REFERENCES homes(id),
    child_id BIGINT REFERENCES children(id),
    source_type TEXT NOT NULL,
    source_id BIGINT NOT NULL,
    description TEXT NOT NULL,
    owner_id BIGINT REFERENCES people(id),
    due_on TEXT,
    state TEXT NOT NULL DEFAULT 'open',
    done_at TEXT,
    done_by BIGINT REFERENCES people(id),
    done_note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES people(id),
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX agreed_actions_by_home ON agreed_actions (home_id, state, due_on);
CREATE INDEX agreed_actions_by_source ON agreed_actions (source_type, source_id);

-- A handover between shifts: who gave it, when, and what they said beyond the records.
CREATE TABLE handovers (
    id BIGSERIAL PRIMARY KEY,
    home_id BIGINT NOT NULL REFERENCES homes(id),
    shift TEXT NOT NULL,
    covers_from TEXT NOT NULL,
    given_at TEXT NOT NULL,
    given_by BIGINT NOT NULL REFERENCES people(id),
    notes TEXT NOT NULL DEFAULT ''
);
CREATE INDEX handovers_by_home ON handovers (home_id, id);
