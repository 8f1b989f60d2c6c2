package my.gov.temujanji.waitlist.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.applicant.ApplicantInput;
import my.gov.temujanji.applicant.ApplicantValidation;
import my.gov.temujanji.booking.BookingProperties;
import my.gov.temujanji.booking.confirmation.ConfirmationCodes;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.fairaccess.Blocks;
import my.gov.temujanji.platform.ApiProblem;
import my.gov.temujanji.platform.RetryOnConflict;
import my.gov.temujanji.waitlist.WaitlistEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Joining the waitlist: an entry waits for its e-mail address to be confirmed with the six-digit code
 * the booking uses (same codes, tries and time), and only then takes its number in the queue.
 */
@Service
@RequiredArgsConstructor
class Joining {

    /** What an applicant asks to wait for, as typed. */
    record JoinRequest(String branch, String service, LocalDate from, LocalDate to, String partOfDay,
            String documentType, String documentNumber, String email) {
    }

    /** The fields a join checks of the applicant: the booking asks the rest when the place is taken. */
    private static final Set<String> ASKED = Set.of("documentType", "documentNumber", "email");

    private final WaitlistRepository repository;
    private final ConfirmationCodes codes;
    private final Catalogue catalogue;
    private final Blocks blocks;
    private final ApplicantValidation validation;
    private final ApplicationEventPublisher events;
    private final BookingProperties bookingProperties;
    private final WaitlistProperties properties;
    private final MessageSource messages;
    private final Clock clock;
    private final TransactionTemplate transactions;

    /**
     * A new entry, waiting for its code (e-mailed). 404 for an offering not offered; 409
     * {@code WAITLIST_CLOSED} when the type's waitlist is off; 422 {@code INVALID_RANGE},
     * {@code RANGE_TOO_LONG} or {@code WAITLIST_RANGE_PAST} for the dates, {@code INVALID_APPLICANT}
     * with field errors, {@code INVALID_PART_OF_DAY}; 403 {@code BOOKING_REFUSED} for a blocked
     * document or address; 409 {@code WAITLIST_ALREADY_JOINED} when the document has an entry for the type.
     */
    @RetryOnConflict
    @Transactional
    public Entry join(JoinRequest request, Locale locale) {
        if (request.branch() == null || request.service() == null || request.from() == null || request.to() == null) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
        }
        catalogue.requireOffered(request.branch(), request.service());
        if (!repository.enabled(request.service())) {
            throw new ApiProblem(HttpStatus.CONFLICT, "WAITLIST_CLOSED");
        }
        PartOfDay part = PartOfDay.parse(request.partOfDay());
        if (part == null) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "INVALID_PART_OF_DAY");
        }
        checkRange(request.from(), request.to());
        // Only the document and the address are asked here: the other fields are placeholders that pass.
        ApplicantValidation.Result checked = validation.validate(new ApplicantInput("Pemohon", request.documentType(),
                request.documentNumber(), "MYS", request.email(), "012-345 6789"));
        List<ApiProblem.FieldProblem> problems = checked.errors().stream().filter(e -> ASKED.contains(e.field()))
                .map(e -> new ApiProblem.FieldProblem(e.field(), e.code(), messages.getMessage(e.messageKey(), null,
                        locale)))
                .toList();
        if (!problems.isEmpty()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "INVALID_APPLICANT", problems);
        }
        String type = checked.applicant().documentType().name();
        String number = checked.applicant().documentNumber();
        String email = checked.applicant().email();
        blocks.refuseNewBooking(type, number, email);
        Instant now = clock.instant();
        repository.deleteLapsedUnconfirmed(type, number, request.service(), now);
        UUID id = UUID.randomUUID();
        String code = codes.generate();
        String language = "en".equals(locale.getLanguage()) ? "en" : "ms";
        Entry entry = new Entry(id, request.branch(), request.service(), request.from(), request.to(), part, type,
                number, email, language, "UNCONFIRMED", now.plus(bookingProperties.holdDuration()), 0);
        if (!repository.insert(entry, codes.hash(subject(id), code), now)) {
            throw new ApiProblem(HttpStatus.CONFLICT, "WAITLIST_ALREADY_JOINED");
        }
        events.publishEvent(new WaitlistEvent.CodeRequested(id, email, language, code));
        return entry;
    }

    private void checkRange(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "INVALID_RANGE", from, to);
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > properties.longestRange()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "RANGE_TOO_LONG", properties.longestRange());
        }
        if (!to.isAfter(LocalDate.now(clock))) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "WAITLIST_RANGE_PAST");
        }
    }

    /**
     * Confirms the entry's address with its code: the entry joins the back of the queue. Every try
     * counts and is kept even when refused, as for a booking's code: 422 {@code CONFIRMATION_CODE_INVALID}
     * or {@code CONFIRMATION_CODE_WRONG}; 409 {@code WAITLIST_CODE_TRIES_USED}, {@code WAITLIST_ALREADY_CONFIRMED};
     * 410 {@code WAITLIST_CODE_EXPIRED}; 404 {@code WAITLIST_ENTRY_NOT_FOUND}.
     */
    public Entry confirm(UUID id, String typedCode) {
        String code = ConfirmationCodes.normalise(typedCode);
        if (code == null) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "CONFIRMATION_CODE_INVALID");
        }
        // The transaction returns the refusal instead of throwing it, so that the try it counted is kept.
        Object outcome = transactions.execute(status -> confirmInTransaction(id, code));
        if (outcome instanceof ApiProblem refusal) {
            throw refusal;
        }
        return (Entry) outcome;
    }

    private Object confirmInTransaction(UUID id, String code) {
        Instant now = clock.instant();
        int tries = bookingProperties.confirmationTries();
        String hash = repository.countTry(id, now, tries).orElse(null);
        if (hash == null) {
            return whyRefused(id, now);
        }
        if (!codes.matches(subject(id), code, hash)) {
            int left = tries - repository.find(id).map(Entry::codeTries).orElse(tries);
            return left > 0 ? new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "CONFIRMATION_CODE_WRONG", left)
                    : new ApiProblem(HttpStatus.CONFLICT, "WAITLIST_CODE_TRIES_USED");
        }
        repository.confirm(id);
        events.publishEvent(new WaitlistEvent.Joined(id));
        return repository.find(id).orElseThrow();
    }

    private ApiProblem whyRefused(UUID id, Instant now) {
        Entry entry = repository.find(id).orElse(null);
        if (entry == null) {
            return new ApiProblem(HttpStatus.NOT_FOUND, "WAITLIST_ENTRY_NOT_FOUND");
        }
        if (!"UNCONFIRMED".equals(entry.state())) {
            return new ApiProblem(HttpStatus.CONFLICT, "WAITLIST_ALREADY_CONFIRMED");
        }
        return entry.codeExpiresAt().isAfter(now) ? new ApiProblem(HttpStatus.CONFLICT, "WAITLIST_CODE_TRIES_USED")
                : new ApiProblem(HttpStatus.GONE, "WAITLIST_CODE_EXPIRED");
    }

    /** What a code is keyed to: never a booking reference, so a code of one cannot confirm the other. */
    private static String subject(UUID id) {
        return "waitlist:" + id;
    }
}
