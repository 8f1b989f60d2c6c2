package my.gov.temujanji.opening.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.applicant.ApplicantInput;
import my.gov.temujanji.applicant.ApplicantValidation;
import my.gov.temujanji.applicant.DocumentType;
import my.gov.temujanji.platform.DocumentNumbers;
import my.gov.temujanji.platform.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What a ticket asks for: the document and the e-mail address, checked by the booking's own rules
 * (so a ticket is refused for what a booking would be refused for), pages and API alike.
 */
@Component
@RequiredArgsConstructor
class TicketForm {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<String> FIELDS = Set.of("documentType", "documentNumber", "email");
    private static final List<String> ORDER = List.of("documentType", "documentNumber", "email");

    record Input(String documentType, String documentNumber, String email) {
    }

    /** Either the normalised document and address, or the errors in the form's order. */
    record Checked(FormErrors errors, List<ApplicantValidation.FieldError> problems, DocumentType type, String number,
            String email) {

        boolean valid() {
            return problems.isEmpty();
        }
    }

    private final ApplicantValidation validation;
    private final MessageSource messages;

    Checked check(Input input, Locale locale) {
        List<ApplicantValidation.FieldError> problems = validation.validate(new ApplicantInput(null,
                        input.documentType(), input.documentNumber(), null, input.email(), null))
                .errors().stream().filter(e -> FIELDS.contains(e.field()))
                .sorted(java.util.Comparator.comparingInt(e -> ORDER.indexOf(e.field()))).toList();
        FormErrors errors = new FormErrors(problems.stream()
                .map(e -> new FormErrors.Entry(e.field(), messages.getMessage(e.messageKey(), null, locale))).toList());
        if (!problems.isEmpty()) {
            return new Checked(errors, problems, null, null, null);
        }
        return new Checked(errors, problems, DocumentType.valueOf(input.documentType()),
                DocumentNumbers.normalise(input.documentNumber()), input.email().strip().toLowerCase(Locale.ROOT));
    }

    /** A browser's (or API client's) token: 32 random bytes, base64url, 43 characters. */
    static String newClientToken() {
        byte[] token = new byte[32];
        RANDOM.nextBytes(token);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }
}
