package my.gov.temujanji.schedule;

import java.time.LocalDate;
import java.util.Optional;
import my.gov.temujanji.catalogue.TransactionType;

/** The days a transaction type's window adds when it opens on one day, first to last (branch time). */
public record Release(LocalDate first, LocalDate last) {

    /**
     * The days the opening on {@code day} adds to this transaction type's window; empty when it adds
     * none (the 29th to 31st of a month after a shorter one add no day of their own).
     */
    public static Optional<Release> on(TransactionType type, LocalDate day) {
        LocalDate first = BookingWindow.lastOpenedOn(type, day.minusDays(1)).plusDays(1);
        LocalDate last = BookingWindow.lastOpenedOn(type, day);
        return last.isBefore(first) ? Optional.empty() : Optional.of(new Release(first, last));
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(first) && !date.isAfter(last);
    }
}
