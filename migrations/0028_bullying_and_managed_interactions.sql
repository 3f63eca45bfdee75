-- Countering bullying (issue 14; docs/user-guide.md, "Relationships and bullying"): a concern that a
-- child is being bullied, from the first word (who, by whom, where, when, the forms it took, how it
-- came to light, what the child said) to its outcome, each stage of the response with when and how
-- the child was told and what they said.
CREATE TABLE bullying_concerns (
    id BIGSERIAL PRIMARY KEY,
    home_id BIGINT NOT NULL REFERENCES homes(id),
    child_id BIGINT NOT NULL REFERENCES children(id),  -- the child thought to be bullied
    by_whom TEXT NOT NULL,                  -- JSON list of bullied_by() keys
    by_described TEXT NOT NULL DEFAULT '',  -- the group or the adult, as far as anyone knows
    occurred_at TEXT NOT NULL,
    place TEXT NOT NULL,
    forms TEXT NOT NULL,                    -- JSON list of bullying_forms() keys
    characteristic TEXT NOT NULL DEFAULT '',
    came_to_light TEXT NOT NULL,
    raised_by TEXT NOT NULL DEFAULT '',     -- the visitor or professional who raised it
    child_words TEXT NOT NULL,
    owner_id BIGINT NOT NULL REFERENCES people(id),  -- the manager or senior who owns the response
    safety_plan TEXT NOT NULL,
    child_wants TEXT NOT NULL DEFAULT '',
    child_part TEXT NOT NULL DEFAULT '',
    reported_back_to TEXT NOT NULL DEFAULT '',
    reported_back_how TEXT NOT NULL DEFAULT '',
    reported_back_what TEXT NOT NULL DEFAULT '',
    reported_back_at TEXT,
    review_on TEXT,
    closed_at TEXT,
    created_at TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES people(id),
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX bullying_concerns_by_home ON bullying_concerns (home_id, occurred_at, id);
CREATE INDEX bullying_concerns_by_child ON bullying_concerns (child_id, occurred_at, id);

-- The children of the home thought to have bullied.
CREATE TABLE bullying_concern_children (
    concern_id BIGINT NOT NULL REFERENCES bullying_concerns(id),
    child_id BIGINT NOT NULL REFERENCES children(id),
    PRIMARY KEY (concern_id, child_id)
);
CREATE INDEX bullying_concern_children_by_child ON bullying_concern_children (child_id, concern_id);

-- Each stage of the response: recorded, investigated, meeting, outcome, review. A stage whose
-- child_told_on is empty owes the child being told.
CREATE TABLE bullying_stages (
    id BIGSERIAL PRIMARY KEY,
    concern_id BIGINT NOT NULL REFERENCES bullying_concerns(id),
    stage TEXT NOT NULL,
    happened_at TEXT NOT NULL,
    what TEXT NOT NULL,
    who_came TEXT NOT NULL DEFAULT '',       -- a meeting
    restorative TEXT NOT NULL DEFAULT '',    -- an outcome: what the other child came to see
    safeguarding TEXT NOT NULL DEFAULT '',   -- an investigation: '', reg40 or cp_referral
    safeguarding_reference TEXT NOT NULL DEFAULT '',
    child_told_on TEXT,
    child_told_how TEXT NOT NULL DEFAULT '',
    child_said TEXT NOT NULL DEFAULT '',
    not_told_why TEXT NOT NULL DEFAULT '',
    told_recorded_by BIGINT REFERENCES people(id),
    recorded_at TEXT NOT NULL,
    recorded_by BIGINT NOT NULL REFERENCES people(id)
);
CREATE INDEX bullying_stages_by_concern ON bullying_stages (concern_id, id);

-- Managed interactions: two children who must not be alone together, or are kept apart in named
-- places or at named times; why, on what it rests, who agreed it, and its review.
CREATE TABLE managed_interactions (
    id BIGSERIAL PRIMARY KEY,
    home_id BIGINT NOT NULL REFERENCES homes(id),
    child_id BIGINT NOT NULL REFERENCES children(id),
    other_child_id BIGINT NOT NULL REFERENCES children(id),
    kind TEXT NOT NULL,                      -- not_alone, apart
    where_when TEXT NOT NULL DEFAULT '',     -- the places or times they are kept apart
    why TEXT NOT NULL,
    source TEXT NOT NULL,                    -- risk_assessment, bullying_response
    concern_id BIGINT REFERENCES bullying_concerns(id),
    agreed_by TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    review_on TEXT NOT NULL,
    ended_on TEXT,
    created_at TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES people(id),
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX managed_interactions_by_child ON managed_interactions (child_id, ended_on);
CREATE INDEX managed_interactions_by_other_child ON managed_interactions (other_child_id, ended_on);
CREATE INDEX managed_interactions_by_home ON managed_interactions (home_id, ended_on);

CREATE TABLE managed_interaction_reviews (
    id BIGSERIAL PRIMARY KEY,
    interaction_id BIGINT NOT NULL REFERENCES managed_interactions(id),
    ended INTEGER NOT NULL,
    decision TEXT NOT NULL,
    next_review_on TEXT,
    reviewed_at TEXT NOT NULL,
    reviewed_by BIGINT NOT NULL REFERENCES people(id)
);
CREATE INDEX managed_interaction_reviews_by_interaction ON managed_interaction_reviews (interaction_id, id);
