package my.gov.temujanji.booking;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import my.gov.temujanji.schedule.SlotInventory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Frees the places of a slot that a change of the branch's schedule takes away, in the change's
 * transaction: first live holds (newest first; nobody was told they have an appointment), then
 * confirmed appointments, the latest booked first, each cancelled as a staff cancellation (its own
 * e-mail, {@link AppointmentEvent.CancelledByBranch}).
 */
@Service
public class BranchCancellations {

    private final BookingRepository repository;
    private final SlotInventory inventory;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BranchCancellations(BookingRepository repository, SlotInventory inventory, ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.inventory = inventory;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Frees {@code places} places of a slot whose row the caller has locked; returns the appointments
     * cancelled (holds released are not named: their holders are told when they submit).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Appointment> free(long slotId, int places, String staff) {
        Instant now = clock.instant();
        List<UUID> holds = repository.lockNewestLiveHolds(slotId, places, now);
        for (UUID hold : holds) {
            repository.markReleased(hold, now);
            inventory.release(slotId);
        }
        List<Appointment> cancelled = places > holds.size()
                ? repository.lockLatestActive(slotId, places - holds.size())
                : List.of();
        for (Appointment appointment : cancelled) {
            inventory.release(slotId);
            AppointmentStatus status = appointment.status().cancel();
            repository.cancelByStaff(appointment.reference(), staff, now);
            Appointment done = new Appointment(appointment.reference(), status,
                    appointment.branchCode(), appointment.serviceCode(), appointment.date(), appointment.start(),
                    appointment.end(), appointment.applicant(), appointment.createdAt(), appointment.language());
            events.publishEvent(new AppointmentEvent.CancelledByBranch(done));
        }
        return cancelled;
    }
}
