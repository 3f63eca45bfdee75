-- Key-work sessions and children's meetings that talked about bullying (issue 14; the anti-bullying
-- guidance: every child talks about it, in key work and in the home's meetings), so the home can see
-- which children have and which have not.
ALTER TABLE daily_entries ADD COLUMN about_bullying INTEGER NOT NULL DEFAULT 0;
ALTER TABLE childrens_meetings ADD COLUMN about_bullying INTEGER NOT NULL DEFAULT 0;
-- Few entries are marked: the page asking "when did each child last talk about it" reads only them.
CREATE INDEX daily_entries_about_bullying ON daily_entries (child_id, occurred_at)
    WHERE about_bullying = 1;
