package my.gov.temujanji.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.applicant.Applicant;
import my.gov.temujanji.applicant.GroupMember;
import my.gov.temujanji.booking.internal.AppointmentRepository;
import my.gov.temujanji.booking.internal.AppointmentRepository.LockedAppointment;
import my.gov.temujanji.booking.internal.BookingTransaction;
import my.gov.temujanji.booking.internal.GroupTransaction;
import my.gov.temujanji.fairaccess.Blocks;
import my.gov.temujanji.platform.ApiProblem;
import my.gov.temujanji.platform.DocumentNumbers;
import my.gov.temujanji.platform.RetryOnConflict;
import my.gov.temujanji.schedule.SlotInventory;
import my.gov.temujanji.schedule.SlotInventory.TakenPlace;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Booking for a family or a group (issue 19): the applicant and up to five more people, each with an
 * appointment of their own, booked in one transaction, all or none (see
 * {@link GroupTransaction#run}); one code and one e-mail, to the applicant.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class GroupBooking {

    private final GroupTransaction transaction;
    private final AppointmentRepository repository;
    private final GroupProperties properties;
    private final TransactionTemplate transactions;
    private final SlotInventory inventory;
    private final BookingProperties bookingProperties;
    private final Blocks blocks;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** How many people the applicant may add to a booking of this transaction type (0: none). */
    public int maxOthers(String serviceCode) {
        return properties.maxOthers(serviceCode);
    }

    /**
     * Books the applicant and {@code others} from the slot named or held (of the transaction type
     * {@code serviceCode}), with {@code gate} as
     * {@link Booking#book(Booking.PlaceRequest, Applicant, String, String, Runnable)} runs it. 422
     * {@code GROUP_TOO_LARGE} (the most allowed in its argument) for more people than the type allows;
     * 422 {@code IDEMPOTENCY_KEY_REUSED} and the catalogue's 404s are thrown; every other refusal is an
     * outcome. A key that booked a group gets it again ({@link GroupOutcome.Made#replayed()}).
     */
    @RetryOnConflict
    public GroupOutcome book(Booking.PlaceRequest place, String serviceCode, Applicant applicant,
            List<GroupMember> others, String language, String idempotencyKey, Runnable gate) {
        int max = maxOthers(serviceCode);
        if (others.size() > max) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "GROUP_TOO_LARGE", max);
        }
        try {
            return transactions.execute(status -> transaction.run(place, applicant, others, language,
                    idempotencyKey, gate));
        } catch (GroupTransaction.MembersRefused refused) {
            return refused.outcome();
        } catch (BookingTransaction.Refused refused) {
            return new GroupOutcome.Refused(refused.outcome());
        } catch (ApiProblem problem) {
            return new GroupOutcome.Refused(Booking.refusalOf(problem));
        }
    }

    /** The group of the appointment with this reference, for whoever has its document number; empty when booked alone. */
    public Optional<BookingGroup> find(String reference, String documentNumber) {
        return repository.findGroupOf(Reference.normalise(reference)).filter(group -> group.members().stream()
                .anyMatch(m -> m.appointment().reference().equals(Reference.normalise(reference))
                        && m.appointment().applicant().documentNumber().equals(DocumentNumbers.normalise(documentNumber))));
    }

    /**
     * Cancels every person of a group who still holds a place, for whoever has the applicant's reference and
     * document number (one person alone is cancelled with {@link Booking#cancel} and their own reference):
     * their places go back, one e-mail tells the applicant. {@link GroupChangeOutcome.NotFound}; refused
     * {@link ChangeOutcome.NotActive} when nobody holds a place any more, {@link ChangeOutcome.Passed}.
     */
    @RetryOnConflict
    public GroupChangeOutcome cancel(String reference, String documentNumber) {
        return change(() -> cancelActive(reference, documentNumber));
    }

    private BookingGroup cancelActive(String reference, String documentNumber) {
        List<LockedAppointment> locked = lockActive(reference, documentNumber);
        Instant now = clock.instant();
        List<Appointment> cancelled = new ArrayList<>();
        for (LockedAppointment person : locked) {
            Appointment appointment = person.appointment();
            AppointmentStatus status = appointment.status().cancel();
            Booking.requireUpcoming(appointment, clock);
            inventory.releaseFrom(person.slotId(), now.plus(bookingProperties.releaseDelay()));
            repository.updateStatus(appointment.reference(), status, now);
            cancelled.add(appointment.withStatus(status));
        }
        boolean withApplicant = withApplicant(locked, reference);
        // The applicant's own cancellation last: its one e-mail is written once every person is cancelled.
        for (int i = cancelled.size() - 1; i >= 0; i--) {
            events.publishEvent(new AppointmentEvent.Cancelled(cancelled.get(i), withApplicant && i > 0));
        }
        return repository.findGroupOf(Reference.normalise(reference)).orElseThrow();
    }

    /**
     * Moves every person of a group who still holds a place to another slot of the same day or another,
     * all or none, as a group is booked ({@link SlotInventory#takeGroup}: the new places are taken before
     * the old ones are given back, in one transaction, so 409 {@code SLOT_FULL} leaves everyone where they
     * were: {@link ChangeOutcome.SlotFull}). Refused {@link ChangeOutcome.SameSlot} for where the applicant
     * already is, {@link ChangeOutcome.Blocked} when anyone's document (or the applicant's address) is
     * blocked; the outcomes of {@link #cancel}.
     */
    @RetryOnConflict
    public GroupChangeOutcome reschedule(String reference, String documentNumber, LocalDate date, LocalTime start) {
        return change(() -> moveActive(reference, documentNumber, date, start));
    }

    private BookingGroup moveActive(String reference, String documentNumber, LocalDate date, LocalTime start) {
        List<LockedAppointment> locked = lockActive(reference, documentNumber);
        Appointment first = locked.get(0).appointment();
        if (first.date().equals(date) && first.start().equals(start)) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "SAME_SLOT");
        }
        for (LockedAppointment person : locked) {
            Appointment appointment = person.appointment();
            appointment.status().reschedule();
            Booking.requireUpcoming(appointment, clock);
            Applicant applicant = appointment.applicant();
            blocks.refuseBlocked(applicant.documentType().name(), applicant.documentNumber(),
                    person == locked.get(0) ? applicant.email() : null);
        }
        List<TakenPlace> places = inventory.takeGroup(first.branchCode(), first.serviceCode(), date, start,
                locked.size());
        Instant availableFrom = clock.instant().plus(bookingProperties.releaseDelay());
        List<AppointmentEvent.Rescheduled> moves = new ArrayList<>();
        for (int i = 0; i < locked.size(); i++) {
            Appointment old = locked.get(i).appointment();
            TakenPlace place = places.get(i);
            inventory.releaseFrom(locked.get(i).slotId(), availableFrom);
            repository.move(old.reference(), place);
            Appointment moved = new Appointment(old.reference(), old.status().reschedule(), old.branchCode(),
                    old.serviceCode(), place.day(), place.start(), place.end(), old.applicant(), old.createdAt(),
                    old.language());
            moves.add(new AppointmentEvent.Rescheduled(moved, old.date(), old.start(),
                    withApplicant(locked, reference) && i > 0));
        }
        // The applicant's own move last: its one e-mail is written once every person has moved.
        for (int i = moves.size() - 1; i >= 0; i--) {
            events.publishEvent(moves.get(i));
        }
        return repository.findGroupOf(Reference.normalise(reference)).orElseThrow();
    }

    /** A change of the group in one transaction, all or nothing, and what became of it. */
    private GroupChangeOutcome change(Supplier<BookingGroup> change) {
        try {
            return new GroupChangeOutcome.Changed(transactions.execute(status -> change.get()));
        } catch (GroupNotFound notFound) {
            return new GroupChangeOutcome.NotFound();
        } catch (ApiProblem problem) {
            return new GroupChangeOutcome.Refused(ChangeOutcome.refusalOf(problem));
        }
    }

    /** No group for the applicant's reference and document number: nothing to lock. */
    private static final class GroupNotFound extends RuntimeException {

        GroupNotFound() {
            super(null, null, false, false);
        }
    }

    /**
     * The people of the group who hold a place, locked in position order after the branch's schedule lock
     * (the global lock order), for whoever has the applicant's reference and document number; 409
     * {@code APPOINTMENT_NOT_ACTIVE} when nobody holds a place.
     */
    private List<LockedAppointment> lockActive(String reference, String documentNumber) {
        BookingGroup group = find(reference, documentNumber)
                .filter(g -> g.applicant().reference().equals(Reference.normalise(reference)))
                .orElseThrow(GroupNotFound::new);
        inventory.enterBranch(group.applicant().branchCode());
        List<LockedAppointment> locked = new ArrayList<>();
        for (BookingGroup.Member member : group.members()) {
            repository.lockByReference(member.appointment().reference())
                    .filter(person -> person.appointment().active())
                    .ifPresent(locked::add);
        }
        if (locked.isEmpty()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "APPOINTMENT_NOT_ACTIVE");
        }
        return locked;
    }

    /**
     * Whether the applicant still holds a place among those changed: then their one e-mail tells of all of
     * them (the others are told with the group); otherwise each person changed gets their own.
     */
    private static boolean withApplicant(List<LockedAppointment> locked, String reference) {
        return locked.get(0).appointment().reference().equals(Reference.normalise(reference));
    }

    /** The group of the appointment with this reference, for those who already checked who asks (the counter, mail). */
    public Optional<BookingGroup> groupOf(String reference) {
        return repository.findGroupOf(Reference.normalise(reference));
    }
}
