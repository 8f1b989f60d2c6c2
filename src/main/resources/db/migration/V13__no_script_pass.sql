-- The proof of work's no-JavaScript path: a page carries a pass accepted some seconds after it was
-- shown. One outstanding pass per subject (a client address group for the slots page, a hold for the
-- OK to book, an appointment for a move): showing the page again replaces it, and using it deletes
-- it, so pages fetched in bulk yield at most one pass that works. Kept until it expires.
CREATE TABLE no_script_pass (
    subject    text PRIMARY KEY,
    nonce      text NOT NULL,
    expires_at timestamptz NOT NULL
);
CREATE INDEX no_script_pass_expires_at ON no_script_pass (expires_at);
