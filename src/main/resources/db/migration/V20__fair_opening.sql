-- Fair opening (issue 17): a waiting room in front of each daily release of a transaction type. Every
-- decision lives here, so any node serves any visitor and a node's death loses no ticket.

-- The waiting room switched on or off per transaction type by staff; no row: the configured default.
CREATE TABLE opening_switch (
    service_code text        PRIMARY KEY REFERENCES transaction_type (code),
    waiting_room boolean     NOT NULL,
    changed_at   timestamptz NOT NULL
);

-- One release: the days a transaction type's booking window adds at one opening instant. The secret is
-- drawn when the first ticket is asked for; only its SHA-256 is shown until opens_at, the secret after.
CREATE TABLE opening_release (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    service_code  text        NOT NULL REFERENCES transaction_type (code),
    opens_at      timestamptz NOT NULL,
    first_day     date        NOT NULL,
    last_day      date        NOT NULL CHECK (last_day >= first_day),
    secret        bytea       NOT NULL CHECK (length(secret) = 32),
    secret_sha256 text        NOT NULL CHECK (secret_sha256 ~ '^[0-9a-f]{64}$'),
    -- Set by the one transaction that put the tickets taken before opens_at in the drawn order.
    drawn_at      timestamptz,
    drawn_count   int         NOT NULL DEFAULT 0 CHECK (drawn_count >= 0),
    -- Tickets confirmed after the draw, each taking the next place at the back.
    late_count    int         NOT NULL DEFAULT 0 CHECK (late_count >= 0),
    UNIQUE (service_code, opens_at)
);

-- Places each branch offered on the release's days, as counted at the draw (for /statistik).
CREATE TABLE opening_release_branch (
    release_id  bigint NOT NULL REFERENCES opening_release (id),
    branch_code text   NOT NULL REFERENCES branch (code),
    places      int    NOT NULL CHECK (places >= 0),
    PRIMARY KEY (release_id, branch_code)
);

CREATE TABLE opening_ticket (
    id              uuid        PRIMARY KEY,
    release_id      bigint      NOT NULL REFERENCES opening_release (id),
    branch_code     text        NOT NULL REFERENCES branch (code),
    document_type   text        NOT NULL CHECK (document_type IN ('MYKAD', 'PASSPORT')),
    document_number text        NOT NULL,
    email           text        NOT NULL CHECK (email = lower(email)),
    language        text        NOT NULL CHECK (language IN ('ms', 'en')),
    -- SHA-256 of the browser's (or API client's) token: the pass works only with it.
    client_hash     text        NOT NULL,
    code_hash       text,
    code_deadline   timestamptz NOT NULL,
    code_tries      int         NOT NULL DEFAULT 0,
    joined_at       timestamptz NOT NULL,
    confirmed_at    timestamptz,
    -- 1-based place in the admission order: drawn ones first, then the late ones in arrival order.
    position        int         CHECK (position > 0),
    admitted_at     timestamptz,
    -- The hold the pass was spent on: a pass works once.
    hold_id         uuid,
    left_at         timestamptz,
    UNIQUE (release_id, document_type, document_number),
    UNIQUE (release_id, position),
    CHECK (position IS NULL OR confirmed_at IS NOT NULL),
    CHECK (hold_id IS NULL OR admitted_at IS NOT NULL)
);
CREATE INDEX opening_ticket_email_idx ON opening_ticket (release_id, email);
CREATE INDEX opening_ticket_draw_idx ON opening_ticket (release_id) WHERE confirmed_at IS NOT NULL AND position IS NULL;
