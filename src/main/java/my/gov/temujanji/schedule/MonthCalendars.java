package my.gov.temujanji.schedule;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Locale;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.catalogue.Offering;
import org.springframework.stereotype.Service;

/**
 * The month calendars of the booking window, for every page that asks for a date (a new booking, a
 * move): the window's first and last months are the {@link BookingWindow}'s, here only.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class MonthCalendars {

    private final Availability availability;
    private final Clock clock;

    /**
     * The month {@code wanted} of the offering's window (null: its first month). A month outside the
     * window (an old bookmark) shows the nearest one rather than an error.
     */
    public MonthCalendar of(Offering offering, YearMonth wanted, Locale locale) {
        return of(offering, wanted, 1, locale);
    }

    /** The month as a group of {@code group} people sees it: OPEN only where they all fit ({@link Availability#days}). */
    public MonthCalendar of(Offering offering, YearMonth wanted, int group, Locale locale) {
        BookingWindow window = BookingWindow.of(offering.type(), clock, availability.openingTime());
        YearMonth first = YearMonth.from(window.first());
        YearMonth last = YearMonth.from(window.lastToday());
        YearMonth shown = wanted == null || wanted.isBefore(first) ? first : wanted.isAfter(last) ? last : wanted;
        String branch = offering.branch().code();
        String service = offering.type().code();
        return MonthCalendar.of(shown, availability.days(branch, service, shown.atDay(1), shown.atEndOfMonth(), group), first,
                last, locale);
    }
}
