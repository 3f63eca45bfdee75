-- A friendship that worries staff, exploits or damages the child is looked at again by a day set at
-- each look (issue 14; docs/user-guide.md, "Friendships"), its clock met by the next look.
ALTER TABLE friendship_reviews ADD COLUMN look_again_by TEXT;
