package my.gov.temujanji.counter;

import java.time.Duration;
import java.time.LocalDateTime;
import my.gov.temujanji.booking.Appointment;

/** When an applicant may be checked in, in branch time: both ends included. */
record CheckInWindow(LocalDateTime opens, LocalDateTime closes) {

    enum Position {
        NOT_YET_OPEN,
        OPEN,
        CLOSED
    }

    static CheckInWindow of(Appointment appointment, Duration opensBefore, Duration arriveEarly, int graceMinutes) {
        LocalDateTime start = appointment.date().atTime(appointment.start());
        return new CheckInWindow(start.minus(opensBefore), start.minus(arriveEarly).plusMinutes(graceMinutes));
    }

    Position at(LocalDateTime now) {
        if (now.isBefore(opens)) {
            return Position.NOT_YET_OPEN;
        }
        return now.isAfter(closes) ? Position.CLOSED : Position.OPEN;
    }
}
