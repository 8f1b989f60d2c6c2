package my.gov.temujanji.schedule;

/**
 * The SQL over {@code slot_place} that other statements embed: how many places of a slot count as
 * taken, whether a slot is full, and giving many places back at once. One copy, so that every reader
 * and writer of places agrees on what a free place is; {@link SlotInventory} takes them one by one.
 */
public final class PlaceSql {

    private PlaceSql() {
    }

    /**
     * SQL that is true when every place of the slot named by the parameters {@code :branch},
     * {@code :service}, {@code :day} and {@code :start} is taken at {@code :now} (false for a slot without
     * a row yet: all its places are free). A quick answer for the many who arrive after the last place
     * went, for the caller to put in the one statement it sends anyway: it never grants a place, only
     * {@link SlotInventory#take} does.
     */
    public static final String FULL = """
            coalesce((SELECT NOT EXISTS (SELECT 1 FROM slot_place p WHERE p.slot_id = s.id AND NOT p.taken
                    AND (p.free_from IS NULL OR p.free_from <= :now))
                FROM slot s WHERE s.branch_code = :branch AND s.service_code = :service AND s.day = :day
                    AND s.start_time = :start), false)""";

    /** The places of a slot held or still waiting to be offered again, as SQL over a row of {@code slot}. */
    static String occupied(String slot, String now) {
        return "(SELECT count(*) FROM slot_place p WHERE p.slot_id = " + slot + ".id AND (p.taken OR p.free_from > "
                + now + "))::int";
    }

    /** The places of a slot held or booked, as SQL over a row of {@code slot}. */
    static String taken(String slot) {
        return "(SELECT count(*) FROM slot_place p WHERE p.slot_id = " + slot + ".id AND p.taken)::int";
    }

    /**
     * SQL for a sweeper's statement that gives back many places at once: the CTE {@code given_back},
     * one place per row of the CTE {@code released} (its {@code slot_id}), offered again from
     * {@code availableFrom} (NULL: at once). The slots are locked {@code FOR KEY SHARE} in id order, so a
     * branch's change counting a slot's places under {@link ScheduleAdministration#lockSlot} is waited for,
     * and two sweepers lock the same place rows in one order.
     */
    public static String givingBack(String released, String availableFrom) {
        return """
                giving_back AS (
                    SELECT s.id, r.places FROM slot s
                    JOIN (SELECT slot_id, count(*)::int AS places FROM\s""" + released + """
                 GROUP BY slot_id) r ON r.slot_id = s.id
                    ORDER BY s.id FOR KEY SHARE OF s
                ), given_back AS (
                    UPDATE slot_place p SET taken = false, free_from =\s""" + availableFrom + """
                ::timestamptz
                    FROM giving_back g CROSS JOIN LATERAL (
                        SELECT id FROM slot_place WHERE slot_id = g.id AND taken LIMIT g.places FOR UPDATE) one
                    WHERE p.id = one.id RETURNING p.slot_id
                )
                """;
    }
}
