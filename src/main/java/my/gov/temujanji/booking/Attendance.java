package my.gov.temujanji.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import my.gov.temujanji.schedule.SlotInventory;
import my.gov.temujanji.platform.RetryOnConflict;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether applicants came (kehadiran): the appointments of a branch's day as the counter sees them,
 * and the changes the counter makes. The rules of when (the check-in window) are the counter's; the
 * statuses' transitions are {@link AppointmentStatus}'s.
 */
@Service
public class Attendance {

    /** An appointment with what the counter recorded: who checked the applicant in, and when. */
    public record Visit(Appointment appointment, Instant checkedInAt, String checkedInBy) {
    }

    /**
     * What the counter's list asks for; null or blank values do not filter. {@code text} is a reference,
     * a document number (with or without dashes) or part of a name.
     */
    public record DayFilter(String serviceCode, AppointmentStatus status, String text) {
    }

    private final BookingRepository repository;
    private final SlotInventory inventory;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Attendance(BookingRepository repository, SlotInventory inventory, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.inventory = inventory;
        this.events = events;
        this.clock = clock;
    }

    /** The branch's appointments of the day, by time then name. */
    public List<Visit> ofDay(String branchCode, LocalDate day, DayFilter filter) {
        String text = filter.text() == null ? "" : filter.text().strip();
        return repository.visitsOfDay(branchCode, day, blankToNull(filter.serviceCode()), filter.status(),
                text.isEmpty() ? null : Reference.normalise(text),
                text.isEmpty() ? null : ApplicantValidation.normaliseDocumentNumber(text),
                text.isEmpty() ? null : text);
    }

    public Optional<Visit> find(String reference) {
        return repository.findVisit(Reference.normalise(reference));
    }

    /** The appointment, locked until the caller's transaction ends: decide, then change it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Visit> lock(String reference) {
        // The branch's schedule lock first (LATE gives a place back), then the row: the global lock order.
        repository.branchOfAppointment(Reference.normalise(reference)).ifPresent(inventory::enterBranch);
        return repository.lockByReference(Reference.normalise(reference)).flatMap(a -> find(reference));
    }

    /** CONFIRMED to CHECKED_IN, recording who and when; 409 {@code APPOINTMENT_NOT_ACTIVE} otherwise. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Visit checkIn(String reference, String officer) {
        BookingRepository.LockedAppointment locked = lockExisting(reference);
        AppointmentStatus checkedIn = locked.appointment().status().checkIn();
        Instant now = clock.instant();
        repository.recordCheckIn(locked.appointment().reference(), checkedIn, now, officer);
        return new Visit(locked.appointment().withStatus(checkedIn), now, officer);
    }

    /**
     * CONFIRMED to LATE: the appointment is cancelled, its place given back, and the applicant told
     * (the event's e-mail is recorded in this transaction).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Visit markLate(String reference) {
        BookingRepository.LockedAppointment locked = lockExisting(reference);
        AppointmentStatus late = locked.appointment().status().markLate();
        inventory.release(locked.slotId());
        repository.recordLate(locked.appointment().reference(), late, clock.instant());
        Appointment appointment = locked.appointment().withStatus(late);
        events.publishEvent(new AppointmentEvent.MarkedLate(appointment));
        return new Visit(appointment, null, null);
    }

    /**
     * Every appointment of a day before {@code today} still CONFIRMED becomes NO_SHOW and gives its place
     * back, in one statement: safe to run on several nodes at once and as often as wanted (each is
     * marked once). Returns how many this call marked.
     */
    @RetryOnConflict
    @Transactional
    public int markNoShows(LocalDate today) {
        List<Long> slots = repository.markNoShows(today, clock.instant());
        // In slot order, so that two nodes giving back places of the same slots never deadlock.
        slots.stream().sorted().forEach(inventory::release);
        return slots.size();
    }

    private BookingRepository.LockedAppointment lockExisting(String reference) {
        return repository.lockByReference(Reference.normalise(reference))
                .orElseThrow(() -> new IllegalArgumentException("No appointment " + reference));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
