-- The branch day (issue 18): queue numbers, counters, the call display, walk-ins and priority.
-- Every decision (the next number, the walk-in cap, who is called next) is a statement on these tables.

-- What a branch sets: how far an appointment's arrival counts ahead of walk-ins, and after how many
-- calls an officer may mark a number absent. No row: the defaults.
CREATE TABLE queue_branch_setting (
    branch_code                text PRIMARY KEY REFERENCES branch (code),
    appointment_window_minutes integer NOT NULL CHECK (appointment_window_minutes BETWEEN 0 AND 240),
    absent_after_calls         integer NOT NULL CHECK (absent_after_calls BETWEEN 1 AND 10)
);

-- Walk-ins a branch takes per transaction type and day; no row or 0: no walk-ins for that type.
CREATE TABLE queue_walk_in (
    branch_code  text    NOT NULL REFERENCES branch (code),
    service_code text    NOT NULL,
    daily_cap    integer NOT NULL CHECK (daily_cap BETWEEN 0 AND 9999),
    PRIMARY KEY (branch_code, service_code)
);

-- The letter of each transaction type's numbers (P-014 for passports); a type without a row uses
-- the first letter of its code.
CREATE TABLE queue_prefix (
    service_code text PRIMARY KEY,
    prefix       text NOT NULL UNIQUE CHECK (prefix ~ '^[A-Z]$')
);
INSERT INTO queue_prefix (service_code, prefix) VALUES
    ('BKP', 'P'), ('VPP', 'V'), ('BKE', 'E'), ('BPA', 'A'), ('RTK', 'R'), ('RPL', 'L'), ('OSP', 'S');

-- The day's sequence per branch and type, and how many of its numbers went to walk-ins: one
-- conditional upsert takes the next number (and for a walk-in, only under the cap).
CREATE TABLE queue_day_counter (
    branch_code  text    NOT NULL,
    service_code text    NOT NULL,
    day          date    NOT NULL,
    last_number  integer NOT NULL CHECK (last_number BETWEEN 1 AND 999),
    walk_ins     integer NOT NULL CHECK (walk_ins >= 0),
    PRIMARY KEY (branch_code, service_code, day)
);

-- A numbered desk serving some transaction types. An officer signs in to it; the device token's
-- SHA-256 (hex) lets the JSON API act for that officer at that counter until they sign out.
CREATE TABLE queue_counter (
    branch_code   text      NOT NULL REFERENCES branch (code),
    number        integer   NOT NULL CHECK (number BETWEEN 1 AND 99),
    service_codes text[]    NOT NULL CHECK (cardinality(service_codes) > 0),
    officer       text,
    token_hash    text UNIQUE,
    signed_in_at  timestamptz,
    PRIMARY KEY (branch_code, number),
    CHECK ((officer IS NULL) = (token_hash IS NULL) AND (officer IS NULL) = (signed_in_at IS NULL))
);

-- A queue number. order_at is the arrival, an appointment's moved earlier by the branch's window:
-- waiting numbers are called by priority, then order_at (appointments first on a tie), then id.
CREATE TABLE queue_ticket (
    id                    bigserial PRIMARY KEY,
    token                 text        NOT NULL UNIQUE,
    branch_code           text        NOT NULL,
    service_code          text        NOT NULL,
    day                   date        NOT NULL,
    prefix                text        NOT NULL,
    number                integer     NOT NULL,
    appointment_reference text UNIQUE,
    priority              text CHECK (priority IN ('ELDERLY', 'OKU', 'PREGNANT', 'CHILD_UNDER_2')),
    arrived_at            timestamptz NOT NULL,
    order_at              timestamptz NOT NULL,
    status                text        NOT NULL CHECK (status IN ('WAITING', 'CALLED', 'PARKED', 'SERVED', 'ABSENT')),
    for_counter           integer,
    counter_number        integer,
    calls                 integer     NOT NULL DEFAULT 0,
    first_called_at       timestamptz,
    called_at             timestamptz,
    called_by             text,
    finished_at           timestamptz,
    service_seconds       integer CHECK (service_seconds >= 0),
    UNIQUE (branch_code, service_code, day, number),
    CHECK (status <> 'CALLED' OR (counter_number IS NOT NULL AND called_at IS NOT NULL)),
    CHECK (status <> 'SERVED' OR service_seconds IS NOT NULL)
);
-- The waiting line of a branch's day, in calling order.
CREATE INDEX queue_ticket_waiting ON queue_ticket (branch_code, day, (priority IS NULL), order_at, id)
    WHERE status = 'WAITING';
-- A counter has at most one number open at a time (the last line behind call-next's check).
CREATE UNIQUE INDEX queue_ticket_open_at_counter ON queue_ticket (branch_code, day, counter_number)
    WHERE status = 'CALLED';
CREATE INDEX queue_ticket_day ON queue_ticket (branch_code, day, called_at);
