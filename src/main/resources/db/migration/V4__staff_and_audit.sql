-- Back office: staff accounts (pegawai), the branches they work at, and the audit log.

-- Usernames are kept in lower case, so that "Aminah" and "aminah" are one account.
CREATE TABLE staff_account (
    username             text PRIMARY KEY CHECK (username ~ '^[a-z][a-z0-9._-]{2,39}$'),
    display_name         text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
    password_hash        text NOT NULL,
    role                 text NOT NULL CHECK (role IN ('OFFICER', 'BRANCH_ADMIN', 'SYSTEM_ADMIN')),
    enabled              boolean NOT NULL DEFAULT true,
    must_change_password boolean NOT NULL DEFAULT true,
    -- Login throttling, decided here so that every node counts the same failures.
    failed_logins        integer NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
    failed_logins_since  timestamptz,
    locked_until         timestamptz,
    created_at           timestamptz NOT NULL
);

CREATE INDEX staff_account_system_admins ON staff_account (username) WHERE role = 'SYSTEM_ADMIN';

-- The branches an OFFICER or BRANCH_ADMIN works at (one or more); a SYSTEM_ADMIN has none and sees all.
CREATE TABLE staff_branch (
    username    text NOT NULL REFERENCES staff_account (username) ON DELETE CASCADE,
    branch_code text NOT NULL REFERENCES branch (code),
    PRIMARY KEY (username, branch_code)
);

CREATE INDEX staff_branch_branch ON staff_branch (branch_code);

-- What staff did, written in the transaction of the change itself. Never changed afterwards: the
-- triggers below refuse UPDATE, DELETE and TRUNCATE to everyone, the application included.
-- actor and branch_code are plain text, not foreign keys: an entry outlives what it names.
CREATE TABLE audit_entry (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at           timestamptz NOT NULL,
    actor        text NOT NULL CHECK (length(actor) BETWEEN 1 AND 200),
    action       text NOT NULL CHECK (action ~ '^[A-Z][A-Z0-9_]{1,59}$'),
    subject_type text NOT NULL CHECK (length(subject_type) BETWEEN 1 AND 60),
    subject_id   text NOT NULL CHECK (length(subject_id) BETWEEN 1 AND 200),
    branch_code  text,
    before       jsonb,
    after        jsonb
);

CREATE INDEX audit_entry_newest ON audit_entry (at DESC, id DESC);
CREATE INDEX audit_entry_actor ON audit_entry (actor, at DESC);
CREATE INDEX audit_entry_action ON audit_entry (action, at DESC);

CREATE FUNCTION audit_entry_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_entry_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse_change();
