package my.gov.temujanji.counter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import my.gov.temujanji.applicant.Applicant;
import my.gov.temujanji.applicant.DocumentType;
import my.gov.temujanji.booking.Appointment;
import my.gov.temujanji.booking.AppointmentStatus;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.IntRange;

/** The counter's check-in window: from an hour before the slot to the arrive-early time plus the grace. */
@Tag("fast")
class CheckInWindowPropertiesTest {

    private static final LocalDate DAY = LocalDate.of(2027, 1, 12);

    @Property
    void theWindowRunsFromOpensBeforeToArriveEarlyPlusGrace(@ForAll @IntRange(min = 480, max = 1000) int startMinute,
            @ForAll @IntRange(min = 31, max = 180) int opensBefore, @ForAll @IntRange(min = 0, max = 30) int arriveEarly,
            @ForAll @IntRange(min = 0, max = 30) int grace) {
        LocalTime start = LocalTime.MIDNIGHT.plusMinutes(startMinute);
        CheckInWindow window = CheckInWindow.of(appointment(start), Duration.ofMinutes(opensBefore),
                Duration.ofMinutes(arriveEarly), grace);
        LocalDateTime slot = DAY.atTime(start);
        assertThat(window.opens()).isEqualTo(slot.minusMinutes(opensBefore));
        assertThat(window.closes()).isEqualTo(slot.minusMinutes(arriveEarly).plusMinutes(grace));
    }

    @Property
    void bothEndsAreInsideAndAMinuteBeyondIsNot(@ForAll @IntRange(min = 480, max = 1000) int startMinute,
            @ForAll @IntRange(min = 0, max = 30) int grace) {
        CheckInWindow window = CheckInWindow.of(appointment(LocalTime.MIDNIGHT.plusMinutes(startMinute)),
                Duration.ofMinutes(60), Duration.ofMinutes(30), grace);
        assertThat(window.at(window.opens())).isEqualTo(CheckInWindow.Position.OPEN);
        assertThat(window.at(window.closes())).isEqualTo(CheckInWindow.Position.OPEN);
        assertThat(window.at(window.opens().minusMinutes(1))).isEqualTo(CheckInWindow.Position.NOT_YET_OPEN);
        assertThat(window.at(window.closes().plusMinutes(1))).isEqualTo(CheckInWindow.Position.CLOSED);
    }

    @Property
    void thePositionOnlyMovesForward(@ForAll @IntRange(min = -200, max = 200) int a,
            @ForAll @IntRange(min = -200, max = 200) int b) {
        CheckInWindow window = CheckInWindow.of(appointment(LocalTime.of(10, 0)), Duration.ofMinutes(60),
                Duration.ofMinutes(30), 10);
        LocalDateTime slot = DAY.atTime(10, 0);
        CheckInWindow.Position first = window.at(slot.plusMinutes(Math.min(a, b)));
        CheckInWindow.Position second = window.at(slot.plusMinutes(Math.max(a, b)));
        assertThat(second.ordinal()).isGreaterThanOrEqualTo(first.ordinal());
    }

    @Example
    void aTenOClockAppointmentIsCheckedInFromNineToNineFortyWithTenMinutesGrace() {
        CheckInWindow window = CheckInWindow.of(appointment(LocalTime.of(10, 0)), Duration.ofMinutes(60),
                Duration.ofMinutes(30), 10);
        assertThat(window.opens()).isEqualTo(DAY.atTime(9, 0));
        assertThat(window.closes()).isEqualTo(DAY.atTime(9, 40));
    }

    private static Appointment appointment(LocalTime start) {
        return new Appointment("ABCDEFGHJK", AppointmentStatus.CONFIRMED, "HQ-PJY", "PASPORT", DAY, start,
                start.plusMinutes(15), new Applicant("Tan Ah Kow", DocumentType.MYKAD, "900101145678", "MYS",
                        "tan@example.my", "+60123456789"), Instant.EPOCH, "ms");
    }
}
