-- The friendships that matter to a child, inside and outside the home (issue 14; docs/user-guide.md,
-- "Relationships and bullying"): who, what it means to them, its influence with what staff noticed,
-- and the plan; an exploitative or damaging one rests on the child's risk assessment. Each review
-- is kept beside it, never written over it.
CREATE TABLE friendships (
    id BIGSERIAL PRIMARY KEY,
    home_id BIGINT NOT NULL REFERENCES homes(id),
    child_id BIGINT NOT NULL REFERENCES children(id),
    other_child_id BIGINT REFERENCES children(id),  -- a child of the home; otherwise with_name
    with_name TEXT NOT NULL DEFAULT '',
    who_they_are TEXT NOT NULL DEFAULT '',          -- someone outside: a school friend, online
    what_it_means TEXT NOT NULL DEFAULT '',         -- in the child's words
    created_at TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES people(id)
);
CREATE INDEX friendships_by_child ON friendships (child_id, id);

-- The friendship as it stands at each look at it, the first included: its influence and the plan.
CREATE TABLE friendship_reviews (
    id BIGSERIAL PRIMARY KEY,
    friendship_id BIGINT NOT NULL REFERENCES friendships(id),
    influence TEXT NOT NULL,        -- positive, worry, exploitative, damaging
    noticed TEXT NOT NULL DEFAULT '',
    plan TEXT NOT NULL,             -- encourage, keep_in_touch, visits, limit, ended
    plan_detail TEXT NOT NULL DEFAULT '',
    risk_plan_id BIGINT,            -- the child's risk assessment it rests on
    reviewed_at TEXT NOT NULL,
    reviewed_by BIGINT NOT NULL REFERENCES people(id)
);
CREATE INDEX friendship_reviews_by_friendship ON friendship_reviews (friendship_id, id);
