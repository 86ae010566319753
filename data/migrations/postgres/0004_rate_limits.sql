-- Up Migration
-- The rate limits' counts (src/web/auth/shared-counts.ts), so that every server on this database counts each
-- user's writes and each address's failed sign-ins together: two servers behind one address allow the limit once,
-- not once each. A row is one key's window; an expired one is started again by the next hit, or swept.
-- UNLOGGED: a count is worth less than the fsync each write would wait for (7 ms a hit here, 2 ms without). A
-- database that crashes forgets the counts, as a restarted server forgot its own before, and a standby has none.
CREATE UNLOGGED TABLE rate_limits (
  key text PRIMARY KEY,
  hits integer NOT NULL CHECK (hits >= 0),
  resets_at timestamptz NOT NULL
);
CREATE INDEX rate_limits_resets_at ON rate_limits (resets_at);
