-- A calendar address (issue 13; docs/user-guide.md, "Contact"): a token that works only as the
-- `key` of one feed's address, for a calendar app that cannot send an Authorization header. It is
-- listed, ends and is revoked with the person's API tokens; a token with no path is an API token
-- and is never accepted in an address.
ALTER TABLE api_tokens ADD COLUMN only_path TEXT;
