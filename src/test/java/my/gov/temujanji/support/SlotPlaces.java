package my.gov.temujanji.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The places of slot rows as tests read and set them: one {@code slot_place} row per place. */
public final class SlotPlaces {

    private SlotPlaces() {
    }

    /** SQL for the places taken (held or booked) of the slot row {@code slot} names in a query. */
    public static String taken(String slot) {
        return "(SELECT count(*) FROM slot_place p WHERE p.slot_id = " + slot + ".id AND p.taken)::int";
    }

    /** SQL for the places of the slot row {@code slot} waiting out a release delay at the database's now. */
    public static String waiting(String slot) {
        return "(SELECT count(*) FROM slot_place p WHERE p.slot_id = " + slot + ".id AND p.free_from > now())::int";
    }

    /** Marks {@code places} free places of a slot taken, as bookings made earlier would have. */
    public static void take(JdbcClient jdbc, long slotId, int places) {
        int taken = jdbc.sql("""
                        UPDATE slot_place SET taken = true
                        WHERE id IN (SELECT id FROM slot_place WHERE slot_id = ? AND NOT taken LIMIT ?)""")
                .params(slotId, places).update();
        if (taken != places) {
            throw new IllegalStateException("slot " + slotId + " had " + taken + " free places, not " + places);
        }
    }
}
