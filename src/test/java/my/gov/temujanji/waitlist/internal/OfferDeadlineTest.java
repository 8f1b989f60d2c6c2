package my.gov.temujanji.waitlist.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The offer time, shortened near the appointment so that a place not taken still goes to someone. */
@Tag("fast")
class OfferDeadlineTest {

    private final WaitlistProperties properties = new WaitlistProperties(Duration.ofHours(2), Duration.ofHours(3),
            Duration.ofMinutes(15), 100, Duration.ofSeconds(10));
    private final Instant now = Instant.parse("2026-07-13T01:00:00Z");

    @Test
    void aPlaceFarAheadGetsTheWholeOfferTime() {
        assertThat(properties.deadline(now, now.plus(Duration.ofDays(3)))).isEqualTo(now.plus(Duration.ofHours(2)));
        assertThat(properties.deadline(now, now.plus(Duration.ofHours(5)))).isEqualTo(now.plus(Duration.ofHours(2)));
    }

    @Test
    void nearTheAppointmentTheOfferEndsThreeHoursBeforeTheSlot() {
        assertThat(properties.deadline(now, now.plus(Duration.ofHours(4)))).isEqualTo(now.plus(Duration.ofHours(1)));
        assertThat(properties.deadline(now, now.plus(Duration.ofMinutes(195))))
                .isEqualTo(now.plus(Duration.ofMinutes(15)));
    }

    @Test
    void tooCloseForAnOfferWorthMakingThePlaceGoesToThePublic() {
        assertThat(properties.deadline(now, now.plus(Duration.ofMinutes(194)))).isNull();
        assertThat(properties.deadline(now, now.plus(Duration.ofHours(1)))).isNull();
    }

    @Test
    void aPartOfTheDayIsReadAsTyped() {
        assertThat(PartOfDay.parse(" morning ")).isEqualTo(PartOfDay.MORNING);
        assertThat(PartOfDay.parse(null)).isEqualTo(PartOfDay.ANY);
        assertThat(PartOfDay.parse("EVENING")).isNull();
    }
}
