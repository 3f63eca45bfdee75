-- Accounts (issue 11; docs/decisions/0005-sign-in-and-sessions.md).
-- A one-time password expires: when a password was last set says when.
ALTER TABLE people ADD COLUMN password_set_at TEXT;
UPDATE people SET password_set_at = updated_at WHERE password_hash IS NOT NULL;

-- An API token has an end: the ones made before this get the default 90 days from when they were
-- made.
ALTER TABLE api_tokens ADD COLUMN expires_at TEXT;
ALTER TABLE api_tokens ADD COLUMN revoked_by BIGINT;
-- store: sqlite
UPDATE api_tokens SET expires_at = strftime('%Y-%m-%dT%H:%M:%fZ', created_at, '+90 days');
-- store: postgresql
UPDATE api_tokens SET expires_at = to_char((created_at::timestamptz + interval '90 days') AT TIME ZONE 'UTC',
                                           'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
-- store: all

-- Failed sign-ins are counted per account by a hash of the address typed, never the text itself
-- (it may be a password typed into the wrong box); those counted before held the text, and go.
DELETE FROM sign_in_failures;
ALTER TABLE sign_in_failures RENAME COLUMN email TO account_key;
