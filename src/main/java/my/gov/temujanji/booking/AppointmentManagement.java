package my.gov.temujanji.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.booking.internal.AppointmentRepository.LockedAppointment;
import my.gov.temujanji.booking.internal.AppointmentRepository;
import my.gov.temujanji.booking.internal.Holds;
import my.gov.temujanji.platform.RetryOnConflict;
import my.gov.temujanji.schedule.SlotInventory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the back office changes in appointments, for the capabilities that decide it: the counter's
 * check-in, LATE and NO_SHOW (its rules of when are the counter's), and the places a change of a
 * branch's schedule takes away. Booking is the one writer of its tables; the statuses' transitions
 * are {@link AppointmentStatus}'s.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class AppointmentManagement {

    private final AppointmentRepository repository;
    private final Holds holds;
    private final SlotInventory inventory;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** The appointment, locked until the caller's transaction ends: decide, then change it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Appointment> lock(String reference) {
        // The branch's schedule lock first (LATE gives a place back), then the row: the global lock order.
        repository.branchOfAppointment(Reference.normalise(reference)).ifPresent(inventory::enterBranch);
        return repository.lockByReference(Reference.normalise(reference)).map(LockedAppointment::appointment);
    }

    /** CONFIRMED to CHECKED_IN, recording who and when; 409 {@code APPOINTMENT_NOT_ACTIVE} otherwise. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Appointment checkIn(String reference, String officer, Instant at) {
        LockedAppointment locked = lockExisting(reference);
        AppointmentStatus checkedIn = locked.appointment().status().checkIn();
        repository.recordCheckIn(locked.appointment().reference(), checkedIn, at, officer);
        return locked.appointment().withStatus(checkedIn);
    }

    /**
     * CONFIRMED to LATE: the appointment is cancelled, its place given back, and the applicant told
     * (the event's e-mail is recorded in this transaction).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Appointment markLate(String reference) {
        LockedAppointment locked = lockExisting(reference);
        AppointmentStatus late = locked.appointment().status().markLate();
        inventory.release(locked.slotId());
        repository.recordLate(locked.appointment().reference(), late, clock.instant());
        Appointment appointment = locked.appointment().withStatus(late);
        events.publishEvent(new AppointmentEvent.MarkedLate(appointment));
        return appointment;
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

    /**
     * Frees {@code places} places of a slot whose row the caller has locked, in the schedule change's
     * transaction: first live holds (newest first; nobody was told they have an appointment), then
     * active appointments, the latest booked first, each cancelled as a staff cancellation (its own
     * e-mail, {@link AppointmentEvent.CancelledByBranch}). Returns the appointments cancelled (holds
     * released are not named: their holders are told when they submit).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Appointment> free(long slotId, int places, String staff) {
        int released = holds.releaseNewest(slotId, places);
        List<Appointment> cancelled = places > released ? repository.lockLatestActive(slotId, places - released)
                : List.of();
        Instant now = clock.instant();
        for (Appointment appointment : cancelled) {
            inventory.release(slotId);
            AppointmentStatus status = appointment.status().cancel();
            repository.cancelByStaff(appointment.reference(), staff, now);
            events.publishEvent(new AppointmentEvent.CancelledByBranch(appointment.withStatus(status)));
        }
        return cancelled;
    }

    private LockedAppointment lockExisting(String reference) {
        return repository.lockByReference(Reference.normalise(reference))
                .orElseThrow(() -> new IllegalArgumentException("No appointment " + reference));
    }
}
