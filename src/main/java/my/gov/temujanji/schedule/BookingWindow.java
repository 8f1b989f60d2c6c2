package my.gov.temujanji.schedule;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import my.gov.temujanji.catalogue.TransactionType;

/**
 * The dates a transaction type can be booked for, seen at one instant: from today plus the lead time
 * to today plus the window's calendar months (3 in the seed), both inclusive.
 */
record BookingWindow(LocalDateTime now, LocalDate first, LocalDate last) {

    static BookingWindow of(TransactionType type, Clock clock) {
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDate today = now.toLocalDate();
        return new BookingWindow(now, today.plusDays(type.leadDays()), today.plusMonths(type.windowMonths()));
    }

    boolean tooSoon(LocalDate date) {
        return date.isBefore(first);
    }

    boolean tooFar(LocalDate date) {
        return date.isAfter(last);
    }
}
