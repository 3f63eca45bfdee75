-- The child's case record, complete (Reg 36, Schedule 3 and 4).

-- The rest of Schedule 3 on the child's own record: where they lived before and after, school and
-- work, the people around them, and the date of death the retention rule needs (Reg 36(2)). These
-- are amended like the other fields, so every earlier value is kept in child_versions.
ALTER TABLE children ADD COLUMN address_before TEXT NOT NULL DEFAULT '';
ALTER TABLE children ADD COLUMN address_on_leaving TEXT NOT NULL DEFAULT '';
ALTER TABLE children ADD COLUMN school TEXT NOT NULL DEFAULT '';
ALTER TABLE children ADD COLUMN designated_teacher TEXT NOT NULL DEFAULT '';
ALTER TABLE children ADD COLUMN employer TEXT NOT NULL DEFAULT '';
ALTER TABLE children ADD COLUMN social_worker_contact TEXT NOT NULL DEFAULT '';
ALTER TABLE children ADD COLUMN iro_name TEXT NOT NULL DEFAULT '';
ALTER TABLE children ADD COLUMN iro_contact TEXT NOT NULL DEFAULT '';
ALTER TABLE children ADD COLUMN independent_visitor TEXT NOT NULL DEFAULT '';
ALTER TABLE children ADD COLUMN advocate TEXT NOT NULL DEFAULT '';
ALTER TABLE children ADD COLUMN date_of_death TEXT;

-- Schedule 4's register of children: every child a home admitted, newest admissions first, a page
-- at a time, leavers included.
CREATE INDEX children_register ON children (home_id, admission_date, id);

-- Parents, and others with parental responsibility. An entry is amended (every version kept) or
-- ended when it no longer applies; it is never deleted. The contact capability builds on this list.
CREATE TABLE family_members (
    id BIGSERIAL PRIMARY KEY,
    child_id BIGINT NOT NULL REFERENCES children(id),
    name TEXT NOT NULL,
    relationship TEXT NOT NULL,
    parental_responsibility INTEGER NOT NULL,
    contact_details TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    ended_on TEXT,
    end_reason TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES people(id),
    updated_at TEXT NOT NULL,
    updated_by BIGINT NOT NULL REFERENCES people(id),
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX family_members_by_child ON family_members (child_id, id);

CREATE TABLE family_member_versions (
    id BIGSERIAL PRIMARY KEY,
    family_member_id BIGINT NOT NULL REFERENCES family_members(id),
    version INTEGER NOT NULL,
    record TEXT NOT NULL,
    reason TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    changed_by BIGINT NOT NULL REFERENCES people(id),
    UNIQUE (family_member_id, version)
);

-- Money and valuables a child deposited for safe keeping, and their return: a ledger, appended to
-- and never changed. Money is in whole pence; an item's return names the deposit it gives back.
CREATE TABLE valuables (
    id BIGSERIAL PRIMARY KEY,
    child_id BIGINT NOT NULL REFERENCES children(id),
    entry TEXT NOT NULL,
    what TEXT NOT NULL,
    description TEXT NOT NULL,
    amount_pence BIGINT,
    item_id BIGINT REFERENCES valuables(id),
    on_date TEXT NOT NULL,
    received_by TEXT NOT NULL DEFAULT '',
    returned_to TEXT NOT NULL DEFAULT '',
    returned_by TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL,
    recorded_by BIGINT NOT NULL REFERENCES people(id)
);
CREATE INDEX valuables_by_child ON valuables (child_id, id);

-- A child leaving the home: where they went, why, and when the placing authority was told. The
-- address on leaving is part of the child's record (children.address_on_leaving, versioned).
CREATE TABLE leavings (
    id BIGSERIAL PRIMARY KEY,
    child_id BIGINT NOT NULL UNIQUE REFERENCES children(id),
    home_id BIGINT NOT NULL REFERENCES homes(id),
    left_on TEXT NOT NULL,
    destination TEXT NOT NULL,
    reason TEXT NOT NULL,
    authority_informed_on TEXT NOT NULL,
    authority_informed_who TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL,
    recorded_by BIGINT NOT NULL REFERENCES people(id)
);

-- Each change of a child's key workers, with why and what the child said about it (seed 000: "the
-- registered person will respond to children's views about changes to staff"). kind: admission,
-- change, leaving.
CREATE TABLE key_worker_changes (
    id BIGSERIAL PRIMARY KEY,
    child_id BIGINT NOT NULL REFERENCES children(id),
    kind TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    changed_by BIGINT NOT NULL REFERENCES people(id),
    reason TEXT NOT NULL,
    child_view TEXT NOT NULL DEFAULT '',
    view_not_asked TEXT NOT NULL DEFAULT '',
    relationships TEXT NOT NULL DEFAULT ''
);
CREATE INDEX key_worker_changes_by_child ON key_worker_changes (child_id, id);
-- The change that started and ended each key worker. No REFERENCES: key_workers is older than
-- key_worker_changes, and `hearth migrate-store` copies tables in the order they were created.
-- Rows from before this migration have neither.
ALTER TABLE key_workers ADD COLUMN start_change_id BIGINT;
ALTER TABLE key_workers ADD COLUMN end_change_id BIGINT;
