-- The training programme and each person's training (issue 15). Hearth's default courses are in
-- src/team/training_programme.cpp; an organisation's changes to them, and its own courses, are rows
-- here, keyed as the defaults are. Each completed course is one line, never changed: a refresher is
-- a new line. The accredited physical intervention certificates kept since 0009 become lines of the
-- course "physical_intervention", with the scheme as their provider.
CREATE TABLE training_courses (
    id BIGSERIAL PRIMARY KEY,
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    course_key TEXT NOT NULL,
    name TEXT NOT NULL,
    roles TEXT NOT NULL,
    within_days INTEGER NOT NULL,
    valid_months INTEGER,
    retired INTEGER NOT NULL DEFAULT 0,
    changed_by BIGINT NOT NULL REFERENCES people(id),
    changed_at TEXT NOT NULL,
    UNIQUE (organisation_id, course_key)
);

CREATE TABLE training_records (
    id BIGSERIAL PRIMARY KEY,
    person_id BIGINT NOT NULL REFERENCES people(id),
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    course_key TEXT NOT NULL,
    completed_on TEXT NOT NULL,
    provider TEXT NOT NULL,
    certificate TEXT NOT NULL,
    expires_on TEXT,
    recorded_by BIGINT NOT NULL REFERENCES people(id),
    recorded_at TEXT NOT NULL
);
CREATE INDEX training_records_by_person ON training_records(person_id, course_key, completed_on);
CREATE INDEX training_records_by_organisation ON training_records(organisation_id, course_key);

INSERT INTO training_records (person_id, organisation_id, course_key, completed_on, provider,
                              certificate, expires_on, recorded_by, recorded_at)
SELECT person_id, organisation_id, 'physical_intervention', awarded_on, course, '', expires_on,
       recorded_by, recorded_at
FROM intervention_certificates ORDER BY id;

DROP TABLE intervention_certificates;
