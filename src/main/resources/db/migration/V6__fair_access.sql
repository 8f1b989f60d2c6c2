-- Fair access (akses adil): rate limits and proof-of-work challenges, shared by every node.
-- V5, not V4: V4 is taken by the staff-login branch.

-- Bucket4j's PostgreSQL proxy manager keeps one row per limited key (action, address or hashed
-- document number). expires_at is epoch milliseconds, written by Bucket4j: a row whose bucket would
-- be full again by then is no longer needed and is deleted by the cleanup job.
CREATE TABLE rate_limit_bucket (
    id         text PRIMARY KEY,
    state      bytea,
    expires_at bigint
);
CREATE INDEX rate_limit_bucket_expires_at ON rate_limit_bucket (expires_at);

-- A proof-of-work solution is accepted once: its challenge is recorded here, and the primary key
-- makes a second node refuse the same solution. Kept until the challenge itself has expired.
CREATE TABLE used_challenge (
    challenge  text PRIMARY KEY,
    expires_at timestamptz NOT NULL
);
CREATE INDEX used_challenge_expires_at ON used_challenge (expires_at);

-- Secrets every node must share, made by the first node that needs one (challenge signing key,
-- the key that hashes document numbers in rate-limit keys).
CREATE TABLE fair_access_secret (
    name  text PRIMARY KEY,
    value text NOT NULL
);
