-- Reg 44 consent as two consents (issue 11): the independent person may read a child's case
-- record only when the child and the placing authority both consent (Reg 44(4)(b)). Each consent
-- and each withdrawal is a row, with who gave it and when, recorded by the registered manager;
-- children.reg44_consent is kept true exactly while both stand, so that every reader's scope is
-- decided from one column (reg44_consent.cpp writes it, nothing else does).
CREATE TABLE reg44_consents (
    id BIGSERIAL PRIMARY KEY,
    child_id BIGINT NOT NULL REFERENCES children(id),
    party TEXT NOT NULL,          -- child | placing_authority
    consents INTEGER NOT NULL,    -- 1 given, 0 withdrawn or refused
    given_by TEXT NOT NULL,       -- who, in words: "Aisha, in her key-work session"
    given_on TEXT NOT NULL,       -- the day it was given or withdrawn
    recorded_by BIGINT REFERENCES people(id),
    recorded_at TEXT NOT NULL
);
CREATE INDEX reg44_consents_by_child ON reg44_consents (child_id, party, id);

-- A consent recorded before as one tick on the case record stands as both, said to be so.
INSERT INTO reg44_consents (child_id, party, consents, given_by, given_on, recorded_by, recorded_at)
SELECT id, 'child', 1, 'Recorded as one consent on the case record before consents were kept apart',
       substr(updated_at, 1, 10), updated_by, updated_at
FROM children WHERE reg44_consent = 1;
INSERT INTO reg44_consents (child_id, party, consents, given_by, given_on, recorded_by, recorded_at)
SELECT id, 'placing_authority', 1, 'Recorded as one consent on the case record before consents were kept apart',
       substr(updated_at, 1, 10), updated_by, updated_at
FROM children WHERE reg44_consent = 1;
