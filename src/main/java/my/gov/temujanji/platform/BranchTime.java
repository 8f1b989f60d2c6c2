package my.gov.temujanji.platform;

import java.time.ZoneId;

/** Branch time, in one place: the injected {@code Clock}'s zone, the database session's, the calendar files'. */
public final class BranchTime {

    /** Every branch is in Peninsular or East Malaysia: one zone, UTC+8, no daylight saving. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Kuala_Lumpur");

    private BranchTime() {
    }
}
