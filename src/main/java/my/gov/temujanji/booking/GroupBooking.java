package my.gov.temujanji.booking;

import java.util.List;
import java.util.Optional;
import my.gov.temujanji.applicant.Applicant;
import my.gov.temujanji.booking.Booking.FromSlot;
import my.gov.temujanji.booking.internal.AppointmentRepository;
import my.gov.temujanji.booking.internal.BookingTransaction;
import my.gov.temujanji.platform.ApiProblem;
import my.gov.temujanji.platform.RetryOnConflict;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Booking for a family or a group (issue 19): the applicant and up to five more people, each with an
 * appointment of their own, booked in one transaction, all or none (see
 * {@link BookingTransaction#runGroup}); one code and one e-mail, to the applicant.
 */
@Service
public class GroupBooking {

    private final BookingTransaction transaction;
    private final AppointmentRepository repository;
    private final GroupProperties properties;
    private final TransactionTemplate transactions;

    GroupBooking(BookingTransaction transaction, AppointmentRepository repository, GroupProperties properties,
            PlatformTransactionManager transactionManager) {
        this.transaction = transaction;
        this.repository = repository;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** How many people the applicant may add to a booking of this transaction type (0: none). */
    public int maxOthers(String serviceCode) {
        return properties.maxOthers(serviceCode);
    }

    /**
     * Books the applicant and {@code others} from the slot named, with {@code gate} as
     * {@link Booking#book(Booking.PlaceRequest, Applicant, String, String, Runnable)} runs it. 422
     * {@code GROUP_TOO_LARGE} (the most allowed in its argument) for more people than the type allows;
     * 422 {@code IDEMPOTENCY_KEY_REUSED} and the catalogue's 404s are thrown; every other refusal is an
     * outcome. A key that booked a group gets it again ({@link GroupOutcome.Made#replayed()}).
     */
    @RetryOnConflict
    public GroupOutcome book(FromSlot slot, Applicant applicant, List<GroupMember> others, String language,
            String idempotencyKey, Runnable gate) {
        int max = maxOthers(slot.service());
        if (others.size() > max) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "GROUP_TOO_LARGE", max);
        }
        try {
            return transactions.execute(status -> transaction.runGroup(slot, applicant, others, language,
                    idempotencyKey, gate));
        } catch (BookingTransaction.MembersRefused refused) {
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
                        && m.appointment().applicant().documentNumber().equals(
                                my.gov.temujanji.platform.DocumentNumbers.normalise(documentNumber))));
    }

    /** The group of the appointment with this reference, for those who already checked who asks (the counter, mail). */
    public Optional<BookingGroup> groupOf(String reference) {
        return repository.findGroupOf(Reference.normalise(reference));
    }
}
