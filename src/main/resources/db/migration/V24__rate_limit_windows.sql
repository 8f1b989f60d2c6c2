-- Rate limits counted by one statement per request (issue 16): a row per limited key (action, address
-- or hashed document number) with the start of its window and the requests counted in it, written by
-- one upsert for both of a request's keys. Bucket4j's rows (a serialised bucket per key) took up to
-- three transactions per key, each on a connection of its own: six for a booking request. Counts in
-- progress start afresh at the deployment.
DROP TABLE rate_limit_bucket;

CREATE TABLE rate_limit_window (
    key        text        PRIMARY KEY,
    started_at timestamptz NOT NULL,
    used       int         NOT NULL
);
-- The sweeper deletes the windows that have run their period.
CREATE INDEX rate_limit_window_started_at ON rate_limit_window (started_at);
