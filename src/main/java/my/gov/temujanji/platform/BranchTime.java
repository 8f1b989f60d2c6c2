package my.gov.temujanji.platform;

import java.time.ZoneId;
import java.time.ZoneOffset;

/** The one time zone of every branch: Peninsular and East Malaysia alike, UTC+8, no daylight saving since 1982. */
public final class BranchTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Kuala_Lumpur");

    /** The zone's only offset, for formats that want a fixed one (iCalendar's VTIMEZONE). */
    public static final ZoneOffset OFFSET = ZoneOffset.ofHours(8);

    private BranchTime() {
    }
}
