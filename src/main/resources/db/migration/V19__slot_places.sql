-- One row per place of a slot (issue 16). A booking takes a free place row with FOR UPDATE SKIP LOCKED,
-- so bookings of one slot lock different rows and never wait for each other's commits, where the one
-- counter row of the slot made them queue at the disk's flush rate (bench/notes.md has the pgbench).
--
-- A place is taken (held or booked), waiting (given back, offered again from free_from: the release
-- delay) or free. The slot keeps its capacity; the triggers below keep exactly `capacity` place rows
-- for it, so no code path can take more places than the slot has.
CREATE TABLE slot_place (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slot_id   bigint NOT NULL REFERENCES slot (id) ON DELETE CASCADE,
    taken     boolean NOT NULL DEFAULT false,
    free_from timestamptz,
    CONSTRAINT slot_place_taken_not_waiting CHECK (NOT (taken AND free_from IS NOT NULL))
);
-- Counting a slot's places (availability, one query per day) reads this index alone.
CREATE INDEX slot_place_slot_idx ON slot_place (slot_id) INCLUDE (taken, free_from);
-- Taking a place looks only at the places not taken.
CREATE INDEX slot_place_untaken_idx ON slot_place (slot_id) WHERE NOT taken;

-- The existing counts become rows: the first `taken` places taken, then the waiting releases (the latest
-- ones, when a lowered capacity left more waiting than places not taken), then the free ones.
INSERT INTO slot_place (slot_id, taken, free_from)
SELECT s.id, n <= s.taken, CASE WHEN n > s.taken THEN w.times[n - s.taken] END
FROM slot s
CROSS JOIN LATERAL (SELECT array_agg(t ORDER BY t DESC) AS times FROM unnest(s.quarantined_until) t
                    WHERE t > now()) w
CROSS JOIN LATERAL generate_series(1, s.capacity) n;

ALTER TABLE slot DROP CONSTRAINT slot_within_capacity;
ALTER TABLE slot DROP COLUMN taken;
ALTER TABLE slot DROP COLUMN quarantined_until;
ALTER TABLE slot ADD CONSTRAINT slot_capacity_not_negative CHECK (capacity >= 0);

-- A new slot gets its places, all free.
CREATE FUNCTION slot_places_made() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO slot_place (slot_id) SELECT NEW.id FROM generate_series(1, NEW.capacity);
    RETURN NULL;
END $$;
CREATE TRIGGER slot_places_made AFTER INSERT ON slot FOR EACH ROW EXECUTE FUNCTION slot_places_made();

-- A change of capacity adds free places, or removes places not taken (the free ones before those still
-- waiting out a release delay); fewer places than are taken is refused, as the CHECK on the old counter was.
CREATE FUNCTION slot_places_resized() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    present int;
    removed int;
BEGIN
    SELECT count(*) INTO present FROM slot_place WHERE slot_id = NEW.id;
    IF NEW.capacity > present THEN
        INSERT INTO slot_place (slot_id) SELECT NEW.id FROM generate_series(1, NEW.capacity - present);
    ELSIF NEW.capacity < present THEN
        WITH surplus AS (
            SELECT id FROM slot_place WHERE slot_id = NEW.id AND NOT taken
            ORDER BY free_from NULLS FIRST LIMIT present - NEW.capacity FOR UPDATE)
        DELETE FROM slot_place p USING surplus WHERE p.id = surplus.id AND NOT p.taken;
        GET DIAGNOSTICS removed = ROW_COUNT;
        IF removed < present - NEW.capacity THEN
            RAISE EXCEPTION 'slot % has more places taken than a capacity of %', NEW.id, NEW.capacity
                USING ERRCODE = 'check_violation', CONSTRAINT = 'slot_within_capacity';
        END IF;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER slot_places_resized AFTER UPDATE OF capacity ON slot FOR EACH ROW
    WHEN (NEW.capacity IS DISTINCT FROM OLD.capacity) EXECUTE FUNCTION slot_places_resized();
