-- Reflective practice sessions and team meetings (issue 15; seed 002: reflective forums, team
-- meetings, staff wellbeing). Who came, what it was about (an incident's shared learning, already
-- without names; a child, named only to those who may read that child; the policy; a theme), what
-- was learned and what is to be done. Written once by the home's seniors.
CREATE TABLE team_sessions (
    id BIGSERIAL PRIMARY KEY,
    home_id BIGINT NOT NULL REFERENCES homes(id),
    kind TEXT NOT NULL,
    held_on TEXT NOT NULL,
    about TEXT NOT NULL,
    child_id BIGINT REFERENCES children(id),
    shared_learning_id BIGINT REFERENCES staff_debriefs(id),
    topic TEXT NOT NULL DEFAULT '',
    learned TEXT NOT NULL,
    actions TEXT NOT NULL DEFAULT '',
    created_by BIGINT NOT NULL REFERENCES people(id),
    created_at TEXT NOT NULL
);
CREATE INDEX team_sessions_by_home ON team_sessions(home_id, held_on, id);
CREATE TABLE team_session_attendees (
    id BIGSERIAL PRIMARY KEY,
    session_id BIGINT NOT NULL REFERENCES team_sessions(id),
    person_id BIGINT NOT NULL REFERENCES people(id),
    UNIQUE (session_id, person_id)
);
CREATE INDEX team_session_attendees_by_person ON team_session_attendees(person_id, session_id);
