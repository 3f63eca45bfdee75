-- The contact log (issue 13; docs/user-guide.md, "Contact"): each contact with family and friends,
-- planned or that happened. A planned contact later records how it went or who cancelled it and
-- why; one with someone under a restriction that covers its form says why it may go ahead.
-- Concerns about what a letter, call or message said are raised with the social worker, with the
-- time an answer is wanted, and the follow-up they agreed is recorded against them.
CREATE TABLE contacts (
    id BIGSERIAL PRIMARY KEY,
    home_id BIGINT NOT NULL REFERENCES homes(id),
    child_id BIGINT NOT NULL REFERENCES children(id),
    family_member_id BIGINT REFERENCES family_members(id),
    person TEXT NOT NULL,                    -- as named when it was recorded
    form TEXT NOT NULL,                      -- a contact_forms() key
    state TEXT NOT NULL,                     -- planned, happened, cancelled
    starts_at TEXT NOT NULL,
    place TEXT NOT NULL DEFAULT '',
    supervision TEXT NOT NULL,               -- none, staff, external
    supervised_by TEXT NOT NULL DEFAULT '',
    direction TEXT NOT NULL DEFAULT '',      -- letters and messages: to or from the child
    through_social_worker INTEGER NOT NULL DEFAULT 0,
    restriction_id BIGINT REFERENCES contact_restrictions(id),
    restriction_why TEXT NOT NULL DEFAULT '',
    school_hours_why TEXT NOT NULL DEFAULT '',
    others_considered TEXT NOT NULL DEFAULT '',
    child_words TEXT NOT NULL DEFAULT '',
    staff_view TEXT NOT NULL DEFAULT '',
    follow_up TEXT NOT NULL DEFAULT '',
    cancelled_by TEXT NOT NULL DEFAULT '',
    cancelled_why TEXT NOT NULL DEFAULT '',
    child_took_it TEXT NOT NULL DEFAULT '',
    concern TEXT NOT NULL DEFAULT '',        -- what in the content worries staff
    concern_raised_with TEXT NOT NULL DEFAULT '',
    concern_answer_by TEXT,
    concern_raised_at TEXT,
    concern_raised_by BIGINT REFERENCES people(id),
    concern_agreed TEXT NOT NULL DEFAULT '', -- the follow-up the social worker agreed
    concern_agreed_with TEXT NOT NULL DEFAULT '',
    concern_agreed_at TEXT,
    concern_agreed_by BIGINT REFERENCES people(id),
    created_at TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES people(id),
    outcome_at TEXT,
    outcome_by BIGINT REFERENCES people(id),
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX contacts_by_child ON contacts (child_id, starts_at, id);
CREATE INDEX contacts_by_home ON contacts (home_id, starts_at, id);

-- When children are at school, Monday to Friday: the home's default and a child's own, so that a
-- visit to a child at the home is planned outside them or says why not.
CREATE TABLE school_hours (
    id BIGSERIAL PRIMARY KEY,
    home_id BIGINT REFERENCES homes(id),
    child_id BIGINT REFERENCES children(id),
    in_school INTEGER NOT NULL,              -- a child not in school has no school hours
    starts TEXT NOT NULL DEFAULT '',         -- HH:MM
    ends TEXT NOT NULL DEFAULT '',
    changed_at TEXT NOT NULL,
    changed_by BIGINT NOT NULL REFERENCES people(id),
    UNIQUE (home_id),
    UNIQUE (child_id)
);
