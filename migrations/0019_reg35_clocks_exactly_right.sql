-- Reg 35's clocks run from the moment the measure was used (issue 12). The incident says when the
-- hold or restriction began, so its 24-hour record clock runs from then, not from when the
-- incident began; null when no measure was used, and for incidents written before it was asked.
ALTER TABLE incidents ADD COLUMN measure_began_at TEXT;

-- Every conversation with someone who used a measure (Reg 35(3)(b)): those the staff sign-off
-- names, and any held after it with someone it did not. The page shows who is not yet spoken to.
CREATE TABLE measure_staff_conversations (
    id BIGSERIAL PRIMARY KEY,
    measure_id BIGINT NOT NULL REFERENCES measures(id),
    person_id BIGINT NOT NULL REFERENCES people(id),
    spoke_on TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    at_sign_off INTEGER NOT NULL DEFAULT 0,
    recorded_by BIGINT NOT NULL REFERENCES people(id),
    recorded_at TEXT NOT NULL,
    UNIQUE (measure_id, person_id)
);

INSERT INTO measure_staff_conversations (measure_id, person_id, spoke_on, note, at_sign_off,
                                         recorded_by, recorded_at)
SELECT measure_id, spoke_to, spoke_on, note, 1, signed_by, signed_at
FROM measure_reviews WHERE stage = 'staff' AND spoke_to IS NOT NULL;
