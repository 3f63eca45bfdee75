-- Reg 40 notifications as records of their own (issue 12; docs/user-guide.md, "Serious events"):
-- a serious event about a child (or about the home, for a referral of staff), when it became known,
-- and for each person the regulation says must be told, who told them, when, how and their
-- reference. An incident can raise one; it is not the only door. Its clock is met when the last
-- required recipient was told.
CREATE TABLE serious_events (
    id BIGSERIAL PRIMARY KEY,
    home_id BIGINT NOT NULL REFERENCES homes(id),
    child_id BIGINT REFERENCES children(id),
    incident_id BIGINT REFERENCES incidents(id),
    event TEXT NOT NULL,
    outcome_of BIGINT REFERENCES serious_events(id),  -- a child protection enquiry's outcome
    what_happened TEXT NOT NULL,
    became_known_at TEXT NOT NULL,
    withdrawn_reason TEXT NOT NULL DEFAULT '',  -- its incident no longer records the event
    created_at TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES people(id),
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX serious_events_by_home ON serious_events (home_id, became_known_at, id);
CREATE INDEX serious_events_by_child ON serious_events (child_id, became_known_at, id);
CREATE INDEX serious_events_by_incident ON serious_events (incident_id);

-- Who must be told (required = 1) and anyone else who was; told_at is null until they are.
CREATE TABLE serious_event_recipients (
    id BIGSERIAL PRIMARY KEY,
    serious_event_id BIGINT NOT NULL REFERENCES serious_events(id),
    recipient TEXT NOT NULL,
    required INTEGER NOT NULL DEFAULT 0,
    named TEXT NOT NULL DEFAULT '',
    method TEXT NOT NULL DEFAULT '',
    reference TEXT NOT NULL DEFAULT '',
    told_at TEXT,
    told_by BIGINT REFERENCES people(id),
    recorded_by BIGINT REFERENCES people(id),
    recorded_at TEXT,
    UNIQUE (serious_event_id, recipient)
);

-- The local authority in whose area the home is: told of some events unless it is also the
-- child's placing authority (Reg 40(1)(d); Reg 34(2)).
ALTER TABLE homes ADD COLUMN local_authority TEXT NOT NULL DEFAULT '';

-- Each serious event an incident recorded becomes one record per child it was about, known from
-- when the incident began.
INSERT INTO serious_events (home_id, child_id, incident_id, event, what_happened, became_known_at,
                            created_at, created_by, version)
SELECT i.home_id, l.child_id, i.id, k.event, i.behaviour, i.occurred_at, i.created_at,
       i.created_by, 1
FROM incidents i
JOIN incident_children l ON l.incident_id = i.id
JOIN (SELECT 'death' AS event UNION ALL SELECT 'child_sexual_exploitation'
      UNION ALL SELECT 'police_serious_incident' UNION ALL SELECT 'allegation_against_staff'
      UNION ALL SELECT 'child_protection_enquiry' UNION ALL SELECT 'staff_referral') k
  ON i.notifiable LIKE '%"' || k.event || '"%'
ORDER BY i.id, l.id, k.event;

-- Ofsted and the placing authority, as the incident's notifications told them.
INSERT INTO serious_event_recipients (serious_event_id, recipient, required, named, method,
                                      reference, told_at, told_by, recorded_by, recorded_at)
SELECT e.id, 'ofsted', 1, COALESCE(n.named, ''), COALESCE(n.method, ''), COALESCE(n.reference, ''),
       n.notified_at, n.recorded_by, n.recorded_by, n.recorded_at
FROM serious_events e
LEFT JOIN incident_notifications n ON n.id = (
    SELECT MIN(x.id) FROM incident_notifications x
    WHERE x.incident_id = e.incident_id AND x.recipient = 'ofsted');

INSERT INTO serious_event_recipients (serious_event_id, recipient, required, named, method,
                                      reference, told_at, told_by, recorded_by, recorded_at)
SELECT e.id, 'placing_authority', 1, COALESCE(n.named, ''), COALESCE(n.method, ''),
       COALESCE(n.reference, ''), n.notified_at, n.recorded_by, n.recorded_by, n.recorded_at
FROM serious_events e
LEFT JOIN incident_notifications n ON n.id = (
    SELECT MIN(x.id) FROM incident_notifications x
    WHERE x.incident_id = e.incident_id AND x.recipient = 'placing_authority'
      AND x.child_id = e.child_id);

-- The incident's one clock becomes each event's own, at the same times and as met or not; the
-- incident's is closed, saying where it went.
INSERT INTO deadlines (home_id, child_id, kind, title, source_type, source_id, link, owner_role,
                       owner_id, started_at, due_at, state, met_at, met_by, met_note,
                       closed_reason, escalated_at, created_by, version)
SELECT d.home_id, e.child_id, d.kind, d.title, 'serious_event', e.id,
       '/children/' || e.child_id || '/serious-events/' || e.id, d.owner_role, d.owner_id,
       d.started_at, d.due_at, d.state, d.met_at, d.met_by, d.met_note, d.closed_reason,
       d.escalated_at, d.created_by, 1
FROM deadlines d JOIN serious_events e ON e.incident_id = d.source_id
WHERE d.kind = 'reg40_notification' AND d.source_type = 'incident';

UPDATE deadlines SET state = 'closed',
    closed_reason = 'Kept now as each child''s serious event record, with its own clock'
WHERE kind = 'reg40_notification' AND source_type = 'incident' AND state = 'open';
