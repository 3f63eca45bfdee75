-- Changes of staff that matter to a child (issue 14; docs/user-guide.md, "Relationships and
-- bullying"): a member of staff they are close to leaves, moves or changes shifts; the child's view,
-- asked and recorded, how the relationship is respected, and the registered manager's response.
CREATE TABLE staff_changes (
    id BIGSERIAL PRIMARY KEY,
    home_id BIGINT NOT NULL REFERENCES homes(id),
    child_id BIGINT NOT NULL REFERENCES children(id),
    staff_name TEXT NOT NULL,
    kind TEXT NOT NULL,               -- leaving, moving_home, changing_shifts, long_absence
    happens_on TEXT NOT NULL,
    child_view TEXT NOT NULL DEFAULT '',
    view_not_asked TEXT NOT NULL DEFAULT '',
    keeping_in_touch TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES people(id),
    response TEXT NOT NULL DEFAULT '',
    responded_at TEXT,
    responded_by BIGINT REFERENCES people(id)
);
CREATE INDEX staff_changes_by_child ON staff_changes (child_id, id);
