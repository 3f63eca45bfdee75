-- Restrictions of a child's contact (issue 13; docs/user-guide.md, "Contact"): who, which forms,
-- why, on what basis, from when to when, whether the social worker agreed it beforehand, the
-- child's view; the emergency notice to the placing authority (who, how, when); and each review.
CREATE TABLE contact_restrictions (
    id BIGSERIAL PRIMARY KEY,
    home_id BIGINT NOT NULL REFERENCES homes(id),
    child_id BIGINT NOT NULL REFERENCES children(id),
    family_member_id BIGINT REFERENCES family_members(id),
    person TEXT NOT NULL,                  -- as named when it was made
    forms TEXT NOT NULL,                   -- JSON list of contact_forms() keys
    reason TEXT NOT NULL,
    why TEXT NOT NULL,
    basis TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT,
    agreed_beforehand INTEGER NOT NULL,
    agreed_with TEXT NOT NULL DEFAULT '',
    agreed_on TEXT,
    review_on TEXT NOT NULL,               -- the next review
    child_told INTEGER NOT NULL,
    child_view TEXT NOT NULL DEFAULT '',
    not_told_why TEXT NOT NULL DEFAULT '',
    notice_told TEXT NOT NULL DEFAULT '',  -- the emergency notice to the placing authority
    notice_method TEXT NOT NULL DEFAULT '',
    notice_at TEXT,
    notice_by BIGINT REFERENCES people(id),
    lifted_on TEXT,
    created_at TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES people(id),
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX contact_restrictions_by_child ON contact_restrictions (child_id, starts_on, id);
CREATE INDEX contact_restrictions_by_home ON contact_restrictions (home_id, lifted_on);

-- Each review by its date: what was decided and why, and the child's view.
CREATE TABLE contact_restriction_reviews (
    id BIGSERIAL PRIMARY KEY,
    restriction_id BIGINT NOT NULL REFERENCES contact_restrictions(id),
    lifted INTEGER NOT NULL,
    decision TEXT NOT NULL,
    child_view TEXT NOT NULL,
    next_review_on TEXT,
    reviewed_at TEXT NOT NULL,
    reviewed_by BIGINT NOT NULL REFERENCES people(id)
);
CREATE INDEX contact_restriction_reviews_by_restriction ON contact_restriction_reviews (restriction_id, id);
