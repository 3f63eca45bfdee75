-- A second factor (issue 11; docs/decisions/0005-sign-in-and-sessions.md, second factor): a
-- time-based one-time code (RFC 6238) from an authenticator app, with recovery codes for a lost
-- phone. Required for people who see more than one home, for anyone an administrator requires it
-- of, and for everyone when the second_factor setting says so.
CREATE TABLE second_factors (
    person_id BIGINT PRIMARY KEY REFERENCES people(id),
    secret TEXT NOT NULL,          -- sealed with a key kept outside the database: "key id:hex"
    confirmed_at TEXT,             -- null while being set up: it is not asked for until confirmed
    last_step BIGINT NOT NULL,     -- the time step of the last code accepted: no code works twice
    created_at TEXT NOT NULL
);

-- Ten single-use codes, kept as SHA-256 hashes; a new set replaces the old.
CREATE TABLE recovery_codes (
    id BIGSERIAL PRIMARY KEY,
    person_id BIGINT NOT NULL REFERENCES people(id),
    code_hash TEXT NOT NULL,
    used_at TEXT
);
CREATE INDEX recovery_codes_by_person ON recovery_codes (person_id);

-- An administrator can require a second factor of anyone (1), whatever their roles.
ALTER TABLE people ADD COLUMN second_factor_required INTEGER NOT NULL DEFAULT 0;

-- A session is made when the password is right; while this is 1 it reaches nothing but the page
-- that asks for the code, and sign-out.
ALTER TABLE sessions ADD COLUMN awaiting_second_factor INTEGER NOT NULL DEFAULT 0;
