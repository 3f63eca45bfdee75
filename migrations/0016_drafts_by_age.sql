-- Drafts past `drafts_kept_days` are deleted whenever a draft is kept (issue 11): by their age,
-- without reading the whole table.
CREATE INDEX drafts_by_age ON drafts (created_at);
