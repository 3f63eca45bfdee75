-- Behaviour support and physical intervention (PRODUCT.md capabilities 4 and 5; seeds 001, 002;
-- REGULATIONS.md: Reg 19, 20, 35, 40).
-- An incident is understood before it is judged: what came before, the behaviour described
-- plainly, what it may have been communicating, the de-escalation tried in order, what happened
-- after. Every record here is amended, never overwritten: each version is kept in record_versions
-- with who, when and why.
CREATE TABLE incidents (
    id BIGSERIAL PRIMARY KEY,
    home_id BIGINT NOT NULL REFERENCES homes(id),
    occurred_at TEXT NOT NULL,
    ended_at TEXT,
    location TEXT NOT NULL,
    setting TEXT NOT NULL DEFAULT '',
    antecedents TEXT NOT NULL,
    triggers TEXT NOT NULL DEFAULT '[]',
    behaviour TEXT NOT NULL,
    communicating TEXT NOT NULL DEFAULT '[]',
    communicating_note TEXT NOT NULL DEFAULT '',
    deescalation TEXT NOT NULL DEFAULT '[]',
    afterwards TEXT NOT NULL,
    restrictive_measure TEXT NOT NULL DEFAULT 'none',
    staff_involved TEXT NOT NULL DEFAULT '[]',
    staff_assaulted TEXT NOT NULL DEFAULT '[]',
    witnesses TEXT NOT NULL DEFAULT '',
    injuries TEXT NOT NULL DEFAULT '',
    damage TEXT NOT NULL DEFAULT '',
    police TEXT NOT NULL DEFAULT '',
    notifiable TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES people(id),
    updated_at TEXT NOT NULL,
    updated_by BIGINT NOT NULL REFERENCES people(id),
    version INTEGER NOT NULL DEFAULT 1
);
-- A home's incidents, newest first, a keyset page at a time; and its figures over a period.
CREATE INDEX incidents_by_home ON incidents(home_id, occurred_at, id);

-- The children an incident is about: one or more.
CREATE TABLE incident_children (
    id BIGSERIAL PRIMARY KEY,
    incident_id BIGINT NOT NULL REFERENCES incidents(id),
    child_id BIGINT NOT NULL REFERENCES children(id),
    UNIQUE (incident_id, child_id)
);
CREATE INDEX incident_children_by_child ON incident_children(child_id, incident_id);

-- What a child says happened, in their own words, when they are ready to say it: added after the
-- incident, as many times as they want to say more; never changed.
CREATE TABLE incident_accounts (
    id BIGSERIAL PRIMARY KEY,
    incident_id BIGINT NOT NULL REFERENCES incidents(id),
    child_id BIGINT NOT NULL REFERENCES children(id),
    given_at TEXT NOT NULL,
    words TEXT NOT NULL DEFAULT '',
    declined TEXT NOT NULL DEFAULT '',
    heard_by BIGINT NOT NULL REFERENCES people(id),
    recorded_at TEXT NOT NULL
);
CREATE INDEX incident_accounts_by_incident ON incident_accounts(incident_id, child_id, given_at);

-- Who was told about an incident, when and how: the placing authority, parents, Ofsted (Reg 40),
-- the police, the host authority. Added as it happens; never changed.
CREATE TABLE incident_notifications (
    id BIGSERIAL PRIMARY KEY,
    incident_id BIGINT NOT NULL REFERENCES incidents(id),
    child_id BIGINT REFERENCES children(id),
    recipient TEXT NOT NULL,
    named TEXT NOT NULL,
    method TEXT NOT NULL,
    notified_at TEXT NOT NULL,
    reference TEXT NOT NULL DEFAULT '',
    recorded_by BIGINT NOT NULL REFERENCES people(id),
    recorded_at TEXT NOT NULL
);
CREATE INDEX incident_notifications_by_incident ON incident_notifications(incident_id, notified_at);

-- After an incident: the child's debrief with someone they trust, each member of staff's debrief
-- and wellbeing check, and the restorative conversation or meeting. Each is written once, signed
-- by who wrote it, and never changed: what is learnt later is a further debrief or meeting.
CREATE TABLE child_debriefs (
    id BIGSERIAL PRIMARY KEY,
    incident_id BIGINT NOT NULL REFERENCES incidents(id),
    child_id BIGINT NOT NULL REFERENCES children(id),
    held_at TEXT NOT NULL,
    held_by BIGINT NOT NULL REFERENCES people(id),
    felt TEXT NOT NULL DEFAULT '',
    would_help TEXT NOT NULL DEFAULT '',
    repair TEXT NOT NULL DEFAULT '',
    child_words TEXT NOT NULL DEFAULT '',
    declined TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES people(id)
);
CREATE INDEX child_debriefs_by_incident ON child_debriefs(incident_id, child_id);

CREATE TABLE staff_debriefs (
    id BIGSERIAL PRIMARY KEY,
    incident_id BIGINT NOT NULL REFERENCES incidents(id),
    home_id BIGINT NOT NULL REFERENCES homes(id),
    person_id BIGINT NOT NULL REFERENCES people(id),
    held_at TEXT NOT NULL,
    held_by BIGINT NOT NULL REFERENCES people(id),
    wellbeing TEXT NOT NULL,
    how_they_are TEXT NOT NULL DEFAULT '',
    learnt TEXT NOT NULL DEFAULT '',
    support TEXT NOT NULL DEFAULT '[]',
    support_note TEXT NOT NULL DEFAULT '',
    learning TEXT NOT NULL DEFAULT '',
    share_learning INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES people(id)
);
CREATE INDEX staff_debriefs_by_incident ON staff_debriefs(incident_id, person_id);
-- Learning shared, without names, with every home of the organisation: newest first.
CREATE INDEX staff_debriefs_shared ON staff_debriefs(share_learning, id);

CREATE TABLE restorative_follow_ups (
    id BIGSERIAL PRIMARY KEY,
    incident_id BIGINT NOT NULL REFERENCES incidents(id),
    held_at TEXT NOT NULL,
    form TEXT NOT NULL,
    taking_part TEXT NOT NULL,
    outcome TEXT NOT NULL,
    agreed TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES people(id)
);
CREATE INDEX restorative_follow_ups_by_incident ON restorative_follow_ups(incident_id, held_at);

-- Measures of control, discipline or restraint (Reg 35): one record for each child a measure was
-- used on. A physical intervention or a restriction of liberty of movement (restraint, Reg 20),
-- with its lawful purpose; or a consequence (a sanction), which Reg 19 limits.
CREATE TABLE measures (
    id BIGSERIAL PRIMARY KEY,
    incident_id BIGINT NOT NULL REFERENCES incidents(id),
    child_id BIGINT NOT NULL REFERENCES children(id),
    home_id BIGINT NOT NULL REFERENCES homes(id),
    kind TEXT NOT NULL,
    started_at TEXT NOT NULL,
    ended_at TEXT,
    duration_minutes INTEGER NOT NULL DEFAULT 0,
    details TEXT NOT NULL,
    used_by TEXT NOT NULL DEFAULT '[]',
    technique TEXT NOT NULL DEFAULT '',
    injury INTEGER NOT NULL DEFAULT 0,
    ehc_exempt INTEGER NOT NULL DEFAULT 0,
    ehc_reference TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES people(id),
    updated_at TEXT NOT NULL,
    updated_by BIGINT NOT NULL REFERENCES people(id),
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX measures_by_incident ON measures(incident_id, child_id);
CREATE INDEX measures_by_child ON measures(child_id, started_at, id);
-- A home's restraints over a period, for its figures and the Ofsted counts.
CREATE INDEX measures_by_home ON measures(home_id, kind, started_at, id);

-- The two sign-offs of a Reg 35 record: within 48 hours, the registered or an authorised person
-- has spoken to the member of staff who used the measure and signs the record as accurate; within
-- 5 days, they confirm they have spoken to the child. Each is made once, and names the version of
-- the record it signed.
CREATE TABLE measure_reviews (
    id BIGSERIAL PRIMARY KEY,
    measure_id BIGINT NOT NULL REFERENCES measures(id),
    stage TEXT NOT NULL,
    spoke_to BIGINT REFERENCES people(id),
    spoke_on TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    child_said TEXT NOT NULL DEFAULT '',
    signed_version INTEGER NOT NULL,
    signed_by BIGINT NOT NULL REFERENCES people(id),
    signed_at TEXT NOT NULL,
    UNIQUE (measure_id, stage)
);

-- The people a registered manager has authorised to make those sign-offs in their home.
CREATE TABLE reg35_authorisations (
    id BIGSERIAL PRIMARY KEY,
    home_id BIGINT NOT NULL REFERENCES homes(id),
    person_id BIGINT NOT NULL REFERENCES people(id),
    authorised_by BIGINT NOT NULL REFERENCES people(id),
    authorised_at TEXT NOT NULL,
    ended_by BIGINT REFERENCES people(id),
    ended_at TEXT
);
CREATE INDEX reg35_authorisations_by_home ON reg35_authorisations(home_id, person_id);

-- A member of staff's accredited physical intervention certificate: the one training record the
-- intervention capability needs until the workforce capability keeps the whole matrix.
CREATE TABLE intervention_certificates (
    id BIGSERIAL PRIMARY KEY,
    person_id BIGINT NOT NULL REFERENCES people(id),
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    course TEXT NOT NULL,
    awarded_on TEXT NOT NULL,
    expires_on TEXT NOT NULL,
    recorded_by BIGINT NOT NULL REFERENCES people(id),
    recorded_at TEXT NOT NULL
);
CREATE INDEX intervention_certificates_by_person ON intervention_certificates(person_id, expires_on);

-- The organisation's own accredited techniques, beside the defaults in measure_lists.cpp.
CREATE TABLE intervention_techniques (
    id BIGSERIAL PRIMARY KEY,
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    technique_key TEXT NOT NULL,
    label TEXT NOT NULL,
    retired INTEGER NOT NULL DEFAULT 0,
    changed_by BIGINT NOT NULL REFERENCES people(id),
    changed_at TEXT NOT NULL,
    UNIQUE (organisation_id, technique_key)
);

-- The warmth picture counts a home's entries of each kind over months: praise beside incidents.
CREATE INDEX chronology_by_home_kind ON chronology(home_id, kind, occurred_at);
