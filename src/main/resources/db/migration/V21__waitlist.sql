-- The waitlist (issue 17): applicants who found the days they want full wait, in the order they
-- confirmed their e-mail address, for a place someone gives back. Every decision is a row here,
-- taken under row locks and guarded by the constraints below, so any number of nodes agree.
CREATE SEQUENCE waitlist_queue_number;

CREATE TABLE waitlist_entry (
    id              uuid PRIMARY KEY,
    branch_code     text        NOT NULL,
    service_code    text        NOT NULL,
    first_day       date        NOT NULL,
    last_day        date        NOT NULL,
    part_of_day     text        NOT NULL CHECK (part_of_day IN ('ANY', 'MORNING', 'AFTERNOON')),
    document_type   text        NOT NULL,
    document_number text        NOT NULL,
    email           text        NOT NULL,
    language        text        NOT NULL CHECK (language IN ('ms', 'en')),
    -- UNCONFIRMED until the code e-mailed is entered; WAITING in the queue; OFFERED while a place is
    -- held for it; ACCEPTED once it took its place; LEFT by the applicant; ENDED when an offer lapsed.
    state           text        NOT NULL
        CHECK (state IN ('UNCONFIRMED', 'WAITING', 'OFFERED', 'ACCEPTED', 'LEFT', 'ENDED')),
    code_hash       text,
    code_tries      int         NOT NULL DEFAULT 0,
    code_expires_at timestamptz NOT NULL,
    created_at      timestamptz NOT NULL,
    -- The order of the queue: drawn from the sequence when the address is confirmed.
    queue_number    bigint UNIQUE,
    FOREIGN KEY (branch_code, service_code) REFERENCES offering (branch_code, service_code),
    CHECK (first_day <= last_day),
    CHECK ((state = 'UNCONFIRMED') = (queue_number IS NULL))
);
-- One entry per document and transaction type while it may still get a place.
CREATE UNIQUE INDEX waitlist_entry_one_per_document ON waitlist_entry (document_type, document_number, service_code)
    WHERE state IN ('UNCONFIRMED', 'WAITING', 'OFFERED');
CREATE INDEX waitlist_entry_queue_idx ON waitlist_entry (branch_code, service_code, queue_number)
    WHERE state = 'WAITING';

-- A place given back and handed along the waitlist: it stays taken in its slot (slot.taken) from
-- the moment it was given back until it is booked through an offer or returned to the public.
CREATE TABLE waitlist_place (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slot_id       bigint      NOT NULL REFERENCES slot (id),
    branch_code   text        NOT NULL,
    service_code  text        NOT NULL,
    day           date        NOT NULL,
    start_time    time        NOT NULL,
    end_time      time        NOT NULL,
    given_back_at timestamptz NOT NULL,
    state         text        NOT NULL CHECK (state IN ('OFFERED', 'ACCEPTED', 'RETURNED')),
    settled_at    timestamptz
);
CREATE INDEX waitlist_place_branch_day_idx ON waitlist_place (branch_code, day);

CREATE TABLE waitlist_offer (
    id         uuid PRIMARY KEY,
    place_id   bigint      NOT NULL REFERENCES waitlist_place (id),
    entry_id   uuid        NOT NULL REFERENCES waitlist_entry (id),
    offered_at timestamptz NOT NULL,
    deadline   timestamptz NOT NULL,
    -- TAKEN_BACK: the branch's schedule changed and took the place away; the entry waits again.
    state      text        NOT NULL CHECK (state IN ('LIVE', 'ACCEPTED', 'LAPSED', 'WITHDRAWN', 'TAKEN_BACK')),
    -- The booking hold an accepted offer became: taking the offer again leads to the same hold.
    hold_id    uuid,
    CHECK ((state = 'ACCEPTED') = (hold_id IS NOT NULL)),
    -- An entry is never offered the same place twice.
    UNIQUE (place_id, entry_id)
);
-- One live offer per place, and an entry offered one place at a time.
CREATE UNIQUE INDEX waitlist_offer_live_place ON waitlist_offer (place_id) WHERE state = 'LIVE';
CREATE UNIQUE INDEX waitlist_offer_live_entry ON waitlist_offer (entry_id) WHERE state = 'LIVE';
CREATE INDEX waitlist_offer_due_idx ON waitlist_offer (deadline) WHERE state = 'LIVE';

-- Staff switch the waitlist off per transaction type; a type without a row has it on.
CREATE TABLE waitlist_setting (
    service_code text PRIMARY KEY REFERENCES transaction_type (code),
    enabled      boolean NOT NULL
);

-- The waitlist's e-mails (its code, an offer) are about an entry or an offer, not an appointment.
ALTER TABLE outbox_message ADD COLUMN waitlist_subject uuid;
