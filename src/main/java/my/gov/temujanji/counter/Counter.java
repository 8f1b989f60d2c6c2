package my.gov.temujanji.counter;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.audit.AuditLog;
import my.gov.temujanji.booking.AppointmentStatus;
import my.gov.temujanji.booking.BookingProperties;
import my.gov.temujanji.catalogue.BranchSettings;
import my.gov.temujanji.counter.Attendance.Visit;
import my.gov.temujanji.platform.RetryOnConflict;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The counter's rules: what may be done with an appointment at a branch now, and doing it. Each change
 * locks the appointment, decides again under the lock, and writes its audit entry in its transaction,
 * so a double click or two officers at once change it once.
 */
@Service
@RequiredArgsConstructor
class Counter {

    /** What the counter may do with an appointment now, or why nothing. */
    enum Verdict {
        CAN_CHECK_IN,
        /** The window has closed: the officer may mark the appointment LATE. */
        CAN_MARK_LATE,
        NOT_YET_OPEN,
        ALREADY_CHECKED_IN,
        /** Cancelled, late or missed: nothing more to do. */
        NOT_ACTIVE,
        NOT_TODAY,
        OTHER_BRANCH
    }

    /** The outcome of a POST: {@code changed} false when it was refused or had been done before. */
    record Result(Visit visit, Verdict verdict, boolean changed) {
    }

    private final Attendance attendance;
    private final AuditLog audit;
    private final CounterProperties properties;
    private final BookingProperties booking;
    private final BranchSettings branches;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CheckInWindow window(Visit visit) {
        return CheckInWindow.of(visit.appointment(), properties.checkInOpensBefore(), booking.arriveEarly(),
                graceMinutes(visit.appointment().branchCode()));
    }

    Verdict verdict(Visit visit, String branchCode) {
        if (!visit.appointment().branchCode().equals(branchCode)) {
            return Verdict.OTHER_BRANCH;
        }
        AppointmentStatus status = visit.appointment().status();
        if (status == AppointmentStatus.CHECKED_IN) {
            return Verdict.ALREADY_CHECKED_IN;
        }
        if (status != AppointmentStatus.CONFIRMED) {
            return Verdict.NOT_ACTIVE;
        }
        LocalDateTime now = LocalDateTime.now(clock);
        if (!visit.appointment().date().equals(now.toLocalDate())) {
            return Verdict.NOT_TODAY;
        }
        return switch (window(visit).at(now)) {
            case NOT_YET_OPEN -> Verdict.NOT_YET_OPEN;
            case OPEN -> Verdict.CAN_CHECK_IN;
            case CLOSED -> Verdict.CAN_MARK_LATE;
        };
    }

    /** Checks the applicant in, if the window is open; empty for an unknown reference. */
    @RetryOnConflict
    @Transactional
    Optional<Result> checkIn(String branchCode, String reference, String officer) {
        return attendance.lock(reference).map(visit -> {
            Verdict verdict = verdict(visit, branchCode);
            if (verdict != Verdict.CAN_CHECK_IN) {
                return new Result(visit, verdict, false);
            }
            Visit checkedIn = attendance.checkIn(reference, officer);
            audit.record("COUNTER_CHECK_IN", "appointment", checkedIn.appointment().reference(), branchCode,
                    state(visit), state(checkedIn));
            events.publishEvent(new AppointmentCheckedIn(checkedIn.appointment(), checkedIn.checkedInAt()));
            return new Result(checkedIn, Verdict.ALREADY_CHECKED_IN, true);
        });
    }

    /** Marks the appointment LATE, if its window has closed; empty for an unknown reference. */
    @RetryOnConflict
    @Transactional
    Optional<Result> markLate(String branchCode, String reference) {
        return attendance.lock(reference).map(visit -> {
            Verdict verdict = verdict(visit, branchCode);
            if (verdict != Verdict.CAN_MARK_LATE) {
                return new Result(visit, verdict, false);
            }
            Visit late = attendance.markLate(reference);
            audit.record("COUNTER_MARK_LATE", "appointment", late.appointment().reference(), branchCode, state(visit),
                    state(late));
            return new Result(late, Verdict.NOT_ACTIVE, true);
        });
    }

    /** The branch's grace after the arrive-early time (branch configuration sets it). */
    int graceMinutes(String branchCode) {
        return branches.lateGraceMinutes(branchCode);
    }

    private static Map<String, Object> state(Visit visit) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("status", visit.appointment().status().name());
        if (visit.checkedInAt() != null) {
            state.put("checkedInAt", visit.checkedInAt().toString());
            state.put("checkedInBy", visit.checkedInBy());
        }
        return state;
    }
}
