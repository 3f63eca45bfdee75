-- The visitors' book of each home (Schedule 4: every visitor to the home and to children, their
-- names and the reasons; docs/user-guide.md, "Visitors' book"). A visit is signed in and out with
-- the time; who let them in; the identification seen, or why none was; what they brought in, and
-- what was done with anything on the home's list of items not allowed in; and, for a visitor the
-- social worker supplied to supervise a child's contact, which child and whose contact.
CREATE TABLE visits (
    id BIGSERIAL PRIMARY KEY,
    home_id BIGINT NOT NULL REFERENCES homes(id),
    visitor_name TEXT NOT NULL,
    organisation TEXT NOT NULL DEFAULT '',     -- their organisation, or who they are to the child
    reason TEXT NOT NULL,
    visits_home INTEGER NOT NULL,               -- 1 when they came to the home or its staff
    id_kind TEXT NOT NULL,                      -- an id_kinds() key, or not_seen
    id_other TEXT NOT NULL DEFAULT '',          -- what it was, when "other"
    id_not_seen_why TEXT NOT NULL DEFAULT '',
    items TEXT NOT NULL DEFAULT '[]',           -- JSON list of what they brought in
    items_flagged TEXT NOT NULL DEFAULT '[]',   -- JSON list of those on the home's list
    items_action TEXT NOT NULL DEFAULT '',      -- what was done with those
    let_in_by BIGINT NOT NULL REFERENCES people(id),
    supervises_child_id BIGINT REFERENCES children(id),  -- an external supervisor of contact
    supervised_contact TEXT NOT NULL DEFAULT '',         -- whose contact with the child
    supplied_by TEXT NOT NULL DEFAULT '',                -- the social worker who supplied them
    signed_in_at TEXT NOT NULL,
    signed_out_at TEXT,
    signed_out_by BIGINT REFERENCES people(id),
    created_at TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES people(id),
    version INTEGER NOT NULL DEFAULT 1
);
-- Today's book and the earlier days, newest first; who is in the building now.
CREATE INDEX visits_by_home ON visits (home_id, signed_in_at, id);
CREATE INDEX visits_in_building ON visits (home_id, signed_out_at);

-- The children each visit was to: for the child's chronology and export.
CREATE TABLE visit_children (
    visit_id BIGINT NOT NULL REFERENCES visits(id),
    child_id BIGINT NOT NULL REFERENCES children(id),
    PRIMARY KEY (visit_id, child_id)
);
CREATE INDEX visit_children_by_child ON visit_children (child_id, visit_id);

-- The list of items not allowed in that the registered manager keeps for the home: visitors must
-- not bring or leave anything identified as a risk to the children (docs/user-guide.md).
CREATE TABLE visitor_item_lists (
    id BIGSERIAL PRIMARY KEY,
    home_id BIGINT NOT NULL UNIQUE REFERENCES homes(id),
    items TEXT NOT NULL,                        -- JSON list, in the manager's order
    updated_at TEXT NOT NULL,
    updated_by BIGINT NOT NULL REFERENCES people(id),
    version INTEGER NOT NULL DEFAULT 1
);

-- How children can make calls privately: the home's phone or a dedicated mobile, which can be
-- taken to a private area (docs/administrator-guide.md, the home's details).
ALTER TABLE homes ADD COLUMN private_phone TEXT NOT NULL DEFAULT '';
ALTER TABLE homes ADD COLUMN private_phone_kind TEXT NOT NULL DEFAULT '';
