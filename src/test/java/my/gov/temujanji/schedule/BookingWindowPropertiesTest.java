package my.gov.temujanji.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import my.gov.temujanji.catalogue.TransactionType;
import my.gov.temujanji.platform.LocalizedText;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.IntRange;

/** The booking window: from the lead time to the window's months ahead, moving on at the opening time. */
@Tag("fast")
class BookingWindowPropertiesTest {

    private static final ZoneId BRANCH = ZoneId.of("Asia/Kuala_Lumpur");
    private static final LocalTime OPENING = LocalTime.of(8, 0);

    @Provide
    Arbitrary<LocalDateTime> moments() {
        return Arbitraries.longs().between(0, 5L * 366 * 24 * 60)
                .map(minutes -> LocalDateTime.of(2026, 1, 1, 0, 0).plusMinutes(minutes));
    }

    @Property
    void theFirstDayIsTodayPlusTheLeadTime(@ForAll("moments") LocalDateTime now,
            @ForAll @IntRange(min = 0, max = 14) int lead, @ForAll @IntRange(min = 1, max = 6) int months) {
        BookingWindow window = window(now, lead, months);
        assertThat(window.first()).isEqualTo(now.toLocalDate().plusDays(lead));
        assertThat(window.tooSoon(window.first())).isFalse();
        assertThat(window.tooSoon(window.first().minusDays(1))).isTrue();
    }

    @Property
    void fromTheOpeningTimeTheLastDayIsTheWindowsMonthsAhead(@ForAll("moments") LocalDateTime now,
            @ForAll @IntRange(min = 1, max = 6) int months) {
        BookingWindow window = window(now, 1, months);
        LocalDate today = now.toLocalDate();
        LocalDate expected = now.toLocalTime().isBefore(OPENING) ? today.minusDays(1).plusMonths(months)
                : today.plusMonths(months);
        assertThat(window.last()).isEqualTo(expected);
        assertThat(window.tooFar(window.last())).isFalse();
        assertThat(window.tooFar(window.last().plusDays(1))).isTrue();
    }

    @Property
    void beforeTheOpeningOnlyTheDaysTodayAddsOpenLaterToday(@ForAll("moments") LocalDateTime now,
            @ForAll @IntRange(min = 1, max = 6) int months, @ForAll @IntRange(min = -40, max = 40) int offset) {
        BookingWindow window = window(now, 1, months);
        LocalDate day = now.toLocalDate().plusMonths(months).plusDays(offset);
        boolean added = day.isAfter(window.last()) && !day.isAfter(now.toLocalDate().plusMonths(months));
        assertThat(window.opensLaterToday(day)).isEqualTo(added);
        if (!now.toLocalTime().isBefore(OPENING)) {
            assertThat(window.opensLaterToday(day)).isFalse();
        }
    }

    @Property
    void theWindowNeverShrinksAsTimeGoesOn(@ForAll("moments") LocalDateTime now,
            @ForAll @IntRange(min = 1, max = 2000) int laterMinutes, @ForAll @IntRange(min = 1, max = 6) int months) {
        BookingWindow before = window(now, 1, months);
        BookingWindow after = window(now.plusMinutes(laterMinutes), 1, months);
        assertThat(after.last()).isAfterOrEqualTo(before.last());
        assertThat(after.first()).isAfterOrEqualTo(before.first());
    }

    @Example
    void threeMonthsAheadMovesOnAtEightNotAtMidnight() {
        assertThat(window(LocalDateTime.of(2026, 12, 1, 7, 59), 1, 3).last()).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(window(LocalDateTime.of(2026, 12, 1, 8, 0), 1, 3).last()).isEqualTo(LocalDate.of(2027, 3, 1));
    }

    @Example
    void theEndOfAShortMonthIsTheLastDayOfIt() {
        assertThat(window(LocalDateTime.of(2026, 11, 30, 9, 0), 1, 3).last()).isEqualTo(LocalDate.of(2027, 2, 28));
    }

    private static BookingWindow window(LocalDateTime now, int leadDays, int months) {
        TransactionType type = new TransactionType("PASPORT", new LocalizedText("Pasport", "Passport"), 15, leadDays,
                months, null);
        return BookingWindow.of(type, Clock.fixed(now.atZone(BRANCH).toInstant(), BRANCH), OPENING);
    }
}
