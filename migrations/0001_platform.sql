-- The platform: organisation, homes, people and their roles, sign-in, and the audit chain.
-- Portable SQL: BIGSERIAL PRIMARY KEY is rewritten by the SQLite driver; times are UTC text
-- "YYYY-MM-DDTHH:MM:SS.mmmZ", whose text order is time order in both stores.

CREATE TABLE organisations (
    id BIGSERIAL PRIMARY KEY,
    name TEXT NOT NULL,
    time_zone TEXT NOT NULL DEFAULT 'Europe/London',
    created_at TEXT NOT NULL
);

CREATE TABLE homes (
    id BIGSERIAL PRIMARY KEY,
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    name TEXT NOT NULL,
    ofsted_urn TEXT,
    created_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX homes_by_organisation ON homes (organisation_id, name);

CREATE TABLE people (
    id BIGSERIAL PRIMARY KEY,
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    name TEXT NOT NULL,
    email TEXT NOT NULL UNIQUE,
    job_title TEXT,
    password_hash TEXT,
    must_change_password INTEGER NOT NULL DEFAULT 0,
    disabled_at TEXT,
    created_at TEXT NOT NULL,
    created_by BIGINT,
    updated_at TEXT NOT NULL,
    updated_by BIGINT,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX people_by_organisation ON people (organisation_id, name);

-- A role is held in one home, or across the organisation (home_id NULL). Ended, never deleted.
CREATE TABLE roles (
    id BIGSERIAL PRIMARY KEY,
    person_id BIGINT NOT NULL REFERENCES people(id),
    home_id BIGINT REFERENCES homes(id),
    role TEXT NOT NULL,
    started_at TEXT NOT NULL,
    started_by BIGINT,
    ended_at TEXT
);
CREATE INDEX roles_by_person ON roles (person_id);
CREATE INDEX roles_by_home ON roles (home_id, role);

-- Sessions live in the database so that any instance can serve any request.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    person_id BIGINT NOT NULL REFERENCES people(id),
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    ended_at TEXT,
    ip TEXT NOT NULL
);
CREATE INDEX sessions_by_person ON sessions (person_id);

CREATE TABLE sign_in_failures (
    id BIGSERIAL PRIMARY KEY,
    email TEXT NOT NULL,
    ip TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX sign_in_failures_by_email ON sign_in_failures (email, at);
CREATE INDEX sign_in_failures_by_ip ON sign_in_failures (ip, at);

CREATE TABLE api_tokens (
    id BIGSERIAL PRIMARY KEY,
    person_id BIGINT NOT NULL REFERENCES people(id),
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at TEXT
);
CREATE INDEX api_tokens_by_person ON api_tokens (person_id);

-- What someone typed when their session ran out, kept until they sign in again.
CREATE TABLE drafts (
    id BIGSERIAL PRIMARY KEY,
    person_id BIGINT NOT NULL REFERENCES people(id),
    path TEXT NOT NULL,
    form TEXT NOT NULL,
    created_at TEXT NOT NULL,
    used_at TEXT
);
CREATE INDEX drafts_by_person ON drafts (person_id, id);

-- The audit chain: each entry holds the hash of the one before. audit_head is the one row that
-- every append updates first, which serialises appends in both stores.
CREATE TABLE audit_head (
    id INTEGER PRIMARY KEY,
    last_seq BIGINT NOT NULL,
    last_hash TEXT NOT NULL
);
INSERT INTO audit_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TABLE audit_log (
    seq BIGINT PRIMARY KEY,
    at TEXT NOT NULL,
    actor_id BIGINT,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    record_type TEXT NOT NULL,
    record_id TEXT NOT NULL,
    home_id BIGINT,
    child_id BIGINT,
    ip TEXT NOT NULL,
    request_id TEXT NOT NULL,
    detail TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_log_by_home ON audit_log (home_id, seq);
CREATE INDEX audit_log_by_child ON audit_log (child_id, action, seq);
