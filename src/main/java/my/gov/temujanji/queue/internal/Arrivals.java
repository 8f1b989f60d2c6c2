package my.gov.temujanji.queue.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.audit.AuditLog;
import my.gov.temujanji.booking.Appointment;
import my.gov.temujanji.platform.ApiProblem;
import my.gov.temujanji.queue.QueueArrivals.IssuedNumber;
import my.gov.temujanji.queue.QueueNumberIssued;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Numbers for those who arrive: an appointment checked in at the counter, or a walk-in at the kiosk. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Arrivals {

    private final Tickets tickets;
    private final QueueSettings settings;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    /**
     * The number of a checked-in appointment, in the check-in's transaction; elderly by the MyKad date of
     * birth. Its place counts the branch's window ahead of walk-ins who arrived at the same time.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void checkedIn(Appointment appointment, Instant at) {
        LocalDate today = LocalDate.ofInstant(at, clock.getZone());
        Priority priority = appointment.applicant().birthDate(today)
                .filter(born -> !born.plusYears(Priority.ELDERLY_AGE).isAfter(today)).map(born -> Priority.ELDERLY)
                .orElse(null);
        Duration ahead = Duration.ofMinutes(settings.rules(appointment.branchCode()).appointmentWindowMinutes());
        tickets.issue(new Tickets.Request(appointment.branchCode(), appointment.serviceCode(), today,
                        appointment.reference(), priority, at, ahead, null))
                .orElseThrow(() -> new ApiProblem(HttpStatus.CONFLICT, "QUEUE_DAY_FULL"));
        events.publishEvent(new QueueNumberIssued(appointment));
    }

    public Optional<IssuedNumber> numberOf(String appointmentReference) {
        return tickets.ofAppointment(appointmentReference).map(t -> new IssuedNumber(t.display(), t.token()));
    }

    /**
     * A walk-in's number for a type the branch takes walk-ins for; empty when today's cap is reached.
     * 404 QUEUE_NO_WALK_INS for a type it takes none for.
     */
    @Transactional
    Optional<Ticket> walkIn(String branchCode, String serviceCode, Priority priority) {
        Integer cap = settings.walkInCaps(branchCode).get(serviceCode);
        if (cap == null) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "QUEUE_NO_WALK_INS");
        }
        Instant now = clock.instant();
        return tickets.issue(new Tickets.Request(branchCode, serviceCode, LocalDate.now(clock), null, priority, now,
                Duration.ZERO, cap));
    }

    /** An officer's override of a number's priority (null: none), while it is not done. */
    @Transactional
    Ticket setPriority(String branchCode, long id, Priority priority, String officer) {
        Ticket before = tickets.byId(branchCode, id).filter(t -> t.day().equals(LocalDate.now(clock)))
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "QUEUE_TICKET_NOT_FOUND"));
        int changed = jdbc.sql("""
                UPDATE queue_ticket SET priority = ? WHERE id = ? AND status IN ('WAITING', 'CALLED', 'PARKED')""")
                .params(priority == null ? null : priority.name(), id).update();
        if (changed == 0) {
            throw new ApiProblem(HttpStatus.CONFLICT, "QUEUE_TICKET_CHANGED");
        }
        audit.recordAs(officer, "QUEUE_PRIORITY", "queue_ticket", before.display(), branchCode,
                Map.of("priority", before.priority() == null ? "NONE" : before.priority().name()),
                Map.of("priority", priority == null ? "NONE" : priority.name()));
        return tickets.byId(branchCode, id).orElseThrow();
    }
}
