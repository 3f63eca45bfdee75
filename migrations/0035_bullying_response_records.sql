-- What an outcome or a review of a bullying concern changed or used (issue 14;
-- src/relationships/response_records.hpp): new versions of a child's plans and risk assessments, and
-- consequences recorded under the Reg 19 rules. Each row is about one child of the concern and keeps
-- the record's title and address as they were when it was linked.
CREATE TABLE bullying_stage_records (
    id BIGSERIAL PRIMARY KEY,
    stage_id BIGINT NOT NULL REFERENCES bullying_stages(id),
    child_id BIGINT NOT NULL REFERENCES children(id),
    kind TEXT NOT NULL,                    -- plan_version or consequence
    record_id BIGINT NOT NULL,             -- the plan version's or the measure's id
    title TEXT NOT NULL,
    href TEXT NOT NULL,
    made_at TEXT NOT NULL
);
CREATE INDEX bullying_stage_records_by_stage ON bullying_stage_records (stage_id, id);
