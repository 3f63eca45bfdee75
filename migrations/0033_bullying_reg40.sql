-- An investigation of a bullying concern that finds a Reg 40 serious event raises the notification
-- as its own record (issue 14; docs/user-guide.md, "Relationships and bullying"): the stage keeps
-- which one, so the concern links to it and the notification to whom it must reach.
ALTER TABLE bullying_stages ADD COLUMN serious_event_id BIGINT REFERENCES serious_events(id);
