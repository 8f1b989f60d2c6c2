-- Catalogue: states, departments (Jabatan), branches (Bahagian/Cawangan/Unit), transaction types (Urusniaga).
CREATE TABLE state (
    code    text PRIMARY KEY CHECK (code ~ '^[A-Z]{3}$'),
    name_ms text NOT NULL,
    name_en text NOT NULL
);

CREATE TABLE department (
    code       text PRIMARY KEY CHECK (code ~ '^[A-Z0-9-]{2,40}$'),
    name_ms    text NOT NULL,
    name_en    text NOT NULL,
    state_code text NOT NULL REFERENCES state (code)
);

CREATE TABLE branch (
    code            text PRIMARY KEY CHECK (code ~ '^[A-Z0-9-]{2,40}$'),
    department_code text NOT NULL REFERENCES department (code),
    state_code      text NOT NULL REFERENCES state (code),
    name_ms         text NOT NULL,
    name_en         text NOT NULL,
    address         text NOT NULL
);
CREATE INDEX branch_department_idx ON branch (department_code);

CREATE TABLE transaction_type (
    code          text PRIMARY KEY CHECK (code ~ '^[A-Z]{2,10}$'),
    name_ms       text NOT NULL,
    name_en       text NOT NULL,
    slot_minutes  int  NOT NULL CHECK (slot_minutes BETWEEN 5 AND 240),
    -- Booking window: from today + lead_days to today + window_months calendar months.
    lead_days     int  NOT NULL DEFAULT 1 CHECK (lead_days BETWEEN 0 AND 30),
    window_months int  NOT NULL DEFAULT 3 CHECK (window_months BETWEEN 1 AND 12)
);

-- Offering: which branch offers which transaction type, with its slot length and places per slot (counters).
CREATE TABLE offering (
    branch_code  text NOT NULL REFERENCES branch (code),
    service_code text NOT NULL REFERENCES transaction_type (code),
    slot_minutes int  NOT NULL CHECK (slot_minutes BETWEEN 5 AND 240),
    capacity     int  NOT NULL CHECK (capacity BETWEEN 1 AND 100),
    PRIMARY KEY (branch_code, service_code)
);

-- Schedule: weekends per state, weekly counter hours per branch, closures by date.
CREATE TABLE state_weekend (
    state_code  text     NOT NULL REFERENCES state (code),
    day_of_week smallint NOT NULL CHECK (day_of_week BETWEEN 1 AND 7), -- ISO: 1 = Monday
    PRIMARY KEY (state_code, day_of_week)
);

CREATE TABLE opening_hours (
    branch_code text     NOT NULL REFERENCES branch (code),
    day_of_week smallint NOT NULL CHECK (day_of_week BETWEEN 1 AND 7),
    opens       time     NOT NULL,
    closes      time     NOT NULL,
    PRIMARY KEY (branch_code, day_of_week, opens),
    CHECK (opens < closes)
);

-- A closure (cuti umum, cuti peristiwa, branch closure) applies to the states listed in
-- closure_state, or to one branch.
CREATE TABLE closure (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    day         date    NOT NULL,
    kind        text    NOT NULL CHECK (kind IN ('FEDERAL', 'STATE', 'BRANCH')),
    name_ms     text    NOT NULL,
    name_en     text    NOT NULL,
    branch_code text REFERENCES branch (code),
    confirmed   boolean NOT NULL DEFAULT true,
    CHECK ((kind = 'BRANCH') = (branch_code IS NOT NULL))
);
CREATE INDEX closure_day_idx ON closure (day);

CREATE TABLE closure_state (
    closure_id bigint NOT NULL REFERENCES closure (id) ON DELETE CASCADE,
    state_code text   NOT NULL REFERENCES state (code),
    PRIMARY KEY (closure_id, state_code)
);
CREATE INDEX closure_state_state_idx ON closure_state (state_code, closure_id);

-- Slot inventory: one row per slot that has ever been taken. Places are taken and given back only
-- by atomic conditional updates on this row; the CHECK makes overbooking impossible whatever the
-- code above it does. A slot without a row has all its places free.
CREATE TABLE slot (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    branch_code  text NOT NULL,
    service_code text NOT NULL,
    day          date NOT NULL,
    start_time   time NOT NULL,
    end_time     time NOT NULL,
    capacity     int  NOT NULL,
    taken        int  NOT NULL DEFAULT 0,
    FOREIGN KEY (branch_code, service_code) REFERENCES offering (branch_code, service_code),
    UNIQUE (branch_code, service_code, day, start_time),
    CONSTRAINT slot_within_capacity CHECK (taken >= 0 AND taken <= capacity),
    CHECK (start_time < end_time)
);
