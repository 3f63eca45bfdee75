-- The child's case record and their family list keep their versions where every other amended
-- record keeps them, in record_versions: one model of amendments and one history view
-- (docs/architecture.md, "Amending a record"). Every version moves across as it was written: the
-- same version number, record, reason, time and author. Nothing else changes: the audit trail names
-- the child and the family entry by their own ids, never a version's row, so its chain is not
-- touched.
INSERT INTO record_versions (record_type, record_id, version, record, reason, changed_at, changed_by)
SELECT 'child', child_id, version, record, reason, changed_at, changed_by
FROM child_versions ORDER BY id;

INSERT INTO record_versions (record_type, record_id, version, record, reason, changed_at, changed_by)
SELECT 'family_member', family_member_id, version, record, reason, changed_at, changed_by
FROM family_member_versions ORDER BY id;

-- A chronology line about one version (an admission, an amendment, a change to the family list)
-- named that version's row in the old table; it now names the same version's row in
-- record_versions. The new numbers are written negated first and then turned back, so no line
-- takes a number another line of the same child still holds (chronology is UNIQUE on source_type,
-- source_id and child_id, checked row by row as the UPDATE runs). A line whose version cannot be
-- found would get no number, which source_id's NOT NULL refuses: the migration stops and changes
-- nothing rather than leave a line pointing nowhere.
UPDATE chronology SET source_id = -(
    SELECT r.id FROM child_versions v
    JOIN record_versions r
        ON r.record_type = 'child' AND r.record_id = v.child_id AND r.version = v.version
    WHERE v.id = chronology.source_id
) WHERE source_type = 'child_version';

UPDATE chronology SET source_id = -(
    SELECT r.id FROM family_member_versions v
    JOIN record_versions r
        ON r.record_type = 'family_member' AND r.record_id = v.family_member_id
        AND r.version = v.version
    WHERE v.id = chronology.source_id
) WHERE source_type = 'family_member_version';

UPDATE chronology SET source_id = -source_id
WHERE source_type IN ('child_version', 'family_member_version');

DROP TABLE child_versions;
DROP TABLE family_member_versions;
