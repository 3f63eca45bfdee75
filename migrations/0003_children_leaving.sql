-- The day a child left the home (Schedule 4's register of children). A child who has left stays in
-- the records until the retention date; pages of the home show the children living there now.
ALTER TABLE children ADD COLUMN left_on TEXT;
CREATE INDEX children_living_here ON children (home_id, left_on, last_name, first_name);
