-- Language that cares (capability 12): each organisation's own changes to the list of phrases
-- Hearth flags, and the checks behind the provider's figure.

-- A change an organisation's manager made to its list: a phrase of its own added, a phrase
-- amended, retired or restored. Appended, never updated: the list in use is the file's defaults
-- with every change applied in order. `version` is the version of the phrase the change made, so
-- two managers changing the same phrase at once cannot both succeed.
CREATE TABLE language_changes (
    id BIGSERIAL PRIMARY KEY,
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    phrase_id BIGINT NOT NULL,
    version INTEGER NOT NULL,
    kind TEXT NOT NULL,
    phrase TEXT NOT NULL DEFAULT '',
    match_words TEXT NOT NULL DEFAULT '',
    not_when TEXT NOT NULL DEFAULT '',
    alternative TEXT NOT NULL DEFAULT '',
    why TEXT NOT NULL DEFAULT '',
    fine_when TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL,
    changed_by BIGINT REFERENCES people(id),
    changed_by_name TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    UNIQUE (organisation_id, phrase_id, version)
);

-- One row for each saved record whose words were checked (a daily note, a plan...): what was
-- flagged at its latest save. An amendment replaces its row's counts; the record stays in the
-- month it was first saved.
CREATE TABLE language_checks (
    id BIGSERIAL PRIMARY KEY,
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    home_id BIGINT NOT NULL REFERENCES homes(id),
    child_id BIGINT REFERENCES children(id),
    source_type TEXT NOT NULL,
    source_id BIGINT NOT NULL,
    month TEXT NOT NULL,
    flagged INTEGER NOT NULL,
    phrases TEXT NOT NULL,
    first_checked_at TEXT NOT NULL,
    checked_at TEXT NOT NULL,
    UNIQUE (source_type, source_id)
);

-- The figure's totals per home and month (YYYY-MM in the home's zone), kept up to date by each
-- check so that the provider's page reads a dozen rows a home, however many records there are.
-- (Every table's first column is its id: hearth migrate-store pages through tables by it.)
CREATE TABLE language_months (
    id BIGSERIAL PRIMARY KEY,
    home_id BIGINT NOT NULL REFERENCES homes(id),
    month TEXT NOT NULL,
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    entries INTEGER NOT NULL,
    entries_flagged INTEGER NOT NULL,
    flagged INTEGER NOT NULL,
    UNIQUE (home_id, month)
);
CREATE INDEX language_months_by_organisation ON language_months (organisation_id, month);

-- How often each phrase was flagged, per home and month: "what is flagged most".
CREATE TABLE language_phrase_months (
    id BIGSERIAL PRIMARY KEY,
    home_id BIGINT NOT NULL REFERENCES homes(id),
    month TEXT NOT NULL,
    phrase_id BIGINT NOT NULL,
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    phrase TEXT NOT NULL,
    flagged INTEGER NOT NULL,
    UNIQUE (home_id, month, phrase_id)
);
CREATE INDEX language_phrase_months_by_organisation
    ON language_phrase_months (organisation_id, month);
