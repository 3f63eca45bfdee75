-- The chronology: one timeline per child of everything recorded about them, by every capability.
-- It is an index over the records, not the records: each capability keeps its own record with its
-- amendments, and tells the chronology (chronology::record, chronology::revise) what to show.
CREATE TABLE chronology (
    id BIGSERIAL PRIMARY KEY,
    child_id BIGINT NOT NULL REFERENCES children(id),
    home_id BIGINT NOT NULL REFERENCES homes(id),
    occurred_at TEXT NOT NULL,
    kind TEXT NOT NULL,
    source_type TEXT NOT NULL,
    source_id BIGINT NOT NULL,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    link TEXT NOT NULL,
    significant INTEGER NOT NULL DEFAULT 0,
    for_handover INTEGER NOT NULL DEFAULT 0,
    amended INTEGER NOT NULL DEFAULT 0,
    author_id BIGINT REFERENCES people(id),
    author_name TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    UNIQUE (source_type, source_id, child_id)
);
-- Newest first for one child, with or without a kind, or significant events only: keyset pages.
CREATE INDEX chronology_by_child ON chronology (child_id, occurred_at, id);
CREATE INDEX chronology_by_child_kind ON chronology (child_id, kind, occurred_at, id);
CREATE INDEX chronology_significant ON chronology (child_id, significant, occurred_at, id);
-- What a home recorded since the last handover.
CREATE INDEX chronology_by_home ON chronology (home_id, recorded_at, id);

-- Full-text search over the chronology: the one place the stores differ.
-- store: sqlite
CREATE VIRTUAL TABLE chronology_search USING fts5(
    title, summary, content='chronology', content_rowid='id', tokenize='porter unicode61'
);
CREATE TRIGGER chronology_search_insert AFTER INSERT ON chronology BEGIN
    INSERT INTO chronology_search (rowid, title, summary) VALUES (new.id, new.title, new.summary);
END;
CREATE TRIGGER chronology_search_update AFTER UPDATE OF title, summary ON chronology BEGIN
    INSERT INTO chronology_search (chronology_search, rowid, title, summary)
    VALUES ('delete', old.id, old.title, old.summary);
    INSERT INTO chronology_search (rowid, title, summary) VALUES (new.id, new.title, new.summary);
END;
-- store: postgresql
ALTER TABLE chronology ADD COLUMN search tsvector
    GENERATED ALWAYS AS (to_tsvector('english', title || ' ' || summary)) STORED;
CREATE INDEX chronology_search ON chronology USING GIN (search);
-- store: all

-- Deadlines: every clock that the law or the policy starts. A capability starts one with what it is
-- about and what meets it; meeting it records who and when; an open one past its time is escalated
-- to the home's registered manager once, and the escalation is in the audit trail.
CREATE TABLE deadlines (
    id BIGSERIAL PRIMARY KEY,
    home_id BIGINT NOT NULL REFERENCES homes(id),
    child_id BIGINT REFERENCES children(id),
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    source_type TEXT NOT NULL,
    source_id BIGINT NOT NULL,
    link TEXT NOT NULL,
    owner_role TEXT NOT NULL,
    owner_id BIGINT REFERENCES people(id),
    started_at TEXT NOT NULL,
    due_at TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'open',
    met_at TEXT,
    met_by BIGINT REFERENCES people(id),
    met_note TEXT NOT NULL DEFAULT '',
    closed_reason TEXT NOT NULL DEFAULT '',
    escalated_at TEXT,
    created_by BIGINT REFERENCES people(id),
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX deadlines_by_home ON deadlines (home_id, state, due_at);
CREATE INDEX deadlines_by_source ON deadlines (source_type, source_id, kind, state);
CREATE INDEX deadlines_to_escalate ON deadlines (state, escalated_at, due_at);
CREATE INDEX deadlines_by_child ON deadlines (child_id, state, due_at);
