-- Semak, batal, tukar: after a successful look-up the checked reference and document number are kept
-- here for a short while, keyed by an unguessable id that goes into the addresses of the pages that
-- follow. So those pages are plain GETs (Back, refresh and the language switch work, no "Confirm Form
-- Resubmission") and the document number still never appears in an address or a log.
CREATE TABLE manage_draft (
    id              uuid        PRIMARY KEY,
    reference       text        NOT NULL,
    document_number text        NOT NULL,
    expires_at      timestamptz NOT NULL
);

CREATE INDEX manage_draft_expires_at ON manage_draft (expires_at);
