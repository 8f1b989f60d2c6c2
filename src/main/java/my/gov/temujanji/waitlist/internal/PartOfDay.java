package my.gov.temujanji.waitlist.internal;

import java.time.LocalTime;

/** The part of the day an applicant on the waitlist can come: a place matches by its start (as the matching SQL does too). */
public enum PartOfDay {
    ANY, MORNING, AFTERNOON;

    /** Where the morning ends: a slot starting at noon or later is in the afternoon. */
    static final LocalTime NOON = LocalTime.NOON;

    boolean includes(LocalTime start) {
        return this == ANY || (this == MORNING) == start.isBefore(NOON);
    }

    /** The one typed, or null for one that is none of these. */
    static PartOfDay parse(String text) {
        if (text == null || text.isBlank()) {
            return ANY;
        }
        for (PartOfDay part : values()) {
            if (part.name().equalsIgnoreCase(text.strip())) {
                return part;
            }
        }
        return null;
    }
}
