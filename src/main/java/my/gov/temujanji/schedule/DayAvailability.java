package my.gov.temujanji.schedule;

import java.time.LocalDate;
import my.gov.temujanji.platform.LocalizedText;

/** One day of a branch's transaction type; {@code reason} says why a day is CLOSED or NOT_BOOKABLE. */
public record DayAvailability(LocalDate date, DayStatus status, LocalizedText reason, int placesLeft) {
}
