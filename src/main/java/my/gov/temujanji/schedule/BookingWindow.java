package my.gov.temujanji.schedule;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import my.gov.temujanji.catalogue.TransactionType;

/**
 * The dates a transaction type can be booked for, seen at one instant: from today plus the lead time
 * to today plus the window's calendar months (3 in the seed), both inclusive. The window moves forward
 * once a day at the announced opening time, not at midnight: before it, the last day is the one
 * yesterday's window ended on, and the days today adds are {@link #opensLaterToday not open yet}.
 */
record BookingWindow(LocalDateTime now, LocalDate first, LocalDate last, LocalDate lastToday) {

    static BookingWindow of(TransactionType type, Clock clock, LocalTime openingTime) {
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDate today = now.toLocalDate();
        LocalDate lastToday = lastOpenedOn(type, today);
        LocalDate last = now.toLocalTime().isBefore(openingTime) ? lastOpenedOn(type, today.minusDays(1)) : lastToday;
        return new BookingWindow(now, today.plusDays(type.leadDays()), last, lastToday);
    }

    /** The last day of the window once it opened on {@code day}. */
    static LocalDate lastOpenedOn(TransactionType type, LocalDate day) {
        return day.plusMonths(type.windowMonths());
    }

    boolean tooSoon(LocalDate date) {
        return date.isBefore(first);
    }

    boolean tooFar(LocalDate date) {
        return date.isAfter(last);
    }

    /** A day past the window now that the window opens at the opening time today. */
    boolean opensLaterToday(LocalDate date) {
        return tooFar(date) && !date.isAfter(lastToday);
    }
}
