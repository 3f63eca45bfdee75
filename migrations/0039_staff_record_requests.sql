-- A member of staff asks for a correction of their own staff record (issue 15): which detail, what
-- it should say and why. The registered manager accepts it (the record is corrected with the request
-- as its reason, every earlier version kept) or declines it saying why, once; a clock (kind
-- "staff_correction_request") runs to the answer.
CREATE TABLE staff_record_requests (
    id BIGSERIAL PRIMARY KEY,
    person_id BIGINT NOT NULL REFERENCES people(id),
    home_id BIGINT NOT NULL REFERENCES homes(id),
    field TEXT NOT NULL,
    asked TEXT NOT NULL,
    why TEXT NOT NULL,
    asked_at TEXT NOT NULL,
    answer TEXT,
    answer_note TEXT,
    answered_by BIGINT REFERENCES people(id),
    answered_at TEXT
);
CREATE INDEX staff_record_requests_by_person ON staff_record_requests(person_id, id);
