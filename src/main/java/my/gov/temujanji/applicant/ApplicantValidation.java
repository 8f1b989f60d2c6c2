package my.gov.temujanji.applicant;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import my.gov.temujanji.platform.Typed;
import org.springframework.stereotype.Component;

/**
 * Checks and normalises what an applicant typed. Used by the pages and the API alike, so both
 * refuse the same things with the same codes.
 */
@Component
public class ApplicantValidation {

    /**
     * One field's problem: the message is {@code <about>.<field>.<code>} in the bundles, {@code about}
     * naming whose field it is ({@code applicant}, or {@code member} for a person the applicant adds, whose
     * messages are written about them).
     */
    public record FieldError(String about, String field, String code) {

        /** A problem of the applicant's own field. */
        public FieldError(String field, String code) {
            this("applicant", field, code);
        }

        public String messageKey() {
            return about + "." + field + "." + code;
        }
    }

    /** Either an applicant, or the problems, in the order of the form's fields. */
    public record Result(Applicant applicant, List<FieldError> errors) {

        public boolean valid() {
            return errors.isEmpty();
        }
    }

    static final String MALAYSIA = "MYS";
    static final Set<String> COUNTRIES = Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));

    private static final int MAX_NAME = 150;
    private static final int MAX_EMAIL = 254;
    // Letters of any script, spaces and the marks names carry on Malaysian documents (BIN, A/L, @).
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M} .'@/()-]*");
    // The domain of an address: a host name of two labels or more (no bare host, no address literal).
    private static final Pattern EMAIL_DOMAIN = Pattern.compile(
            "([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern PASSPORT = Pattern.compile("[A-Z0-9]{6,20}");
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    public Result validate(ApplicantInput input) {
        List<FieldError> errors = problems(input);
        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        DocumentType type = documentType(input.documentType());
        String number = Typed.text(input.documentNumber());
        String email = Typed.text(input.email());
        int at = email.lastIndexOf('@');
        return new Result(new Applicant(collapse(input.fullName()), type,
                type == DocumentType.MYKAD ? MyKadNumber.normalise(number) : passportNumber(number),
                type == DocumentType.PASSPORT ? Typed.text(input.nationality()).toUpperCase(Locale.ROOT) : MALAYSIA,
                email.substring(0, at) + email.substring(at).toLowerCase(Locale.ROOT),
                PHONES.format(parsePhone(Typed.text(input.phone())), PhoneNumberUtil.PhoneNumberFormat.E164)), List.of());
    }

    /** Each field's first problem, in the order of the form's fields: validate() and {@link ValidApplicant} share it. */
    static List<FieldError> problems(ApplicantInput input) {
        DocumentType type = documentType(input.documentType());
        List<FieldError> errors = new ArrayList<>();
        add(errors, "fullName", nameProblem(input.fullName()));
        add(errors, "documentType", type == null ? "REQUIRED" : null);
        add(errors, "documentNumber", documentNumberProblem(type, input.documentNumber()));
        add(errors, "nationality", nationalityProblem(type, input.nationality()));
        add(errors, "email", emailProblem(input.email()));
        add(errors, "phone", phoneProblem(input.phone()));
        return List.copyOf(errors);
    }

    // One rule per field, each giving the code of its first problem or null.

    static String nameProblem(String text) {
        String name = collapse(text);
        String size = sizeProblem(name, MAX_NAME);
        return size != null || NAME.matcher(name).matches() ? size : "INVALID_CHARACTERS";
    }

    /** Nothing to say about the number while the type is missing: the type's own error says it. */
    static String documentNumberProblem(DocumentType type, String text) {
        String number = Typed.text(text);
        if (number.isEmpty()) {
            return "REQUIRED";
        }
        if (type == DocumentType.MYKAD) {
            MyKadNumber.Problem problem = MyKadNumber.check(number);
            return problem == null ? null : "MYKAD_" + problem.name();
        }
        if (type == DocumentType.PASSPORT) {
            return PASSPORT.matcher(passportNumber(number)).matches() ? null : "PASSPORT_FORMAT";
        }
        return null;
    }

    /** A passport's holder names their nationality; a MyKad's is Malaysian. */
    static String nationalityProblem(DocumentType type, String text) {
        if (type != DocumentType.PASSPORT) {
            return null;
        }
        String nationality = Typed.text(text).toUpperCase(Locale.ROOT);
        if (nationality.isEmpty()) {
            return "REQUIRED";
        }
        return COUNTRIES.contains(nationality) ? null : "UNKNOWN";
    }

    static String emailProblem(String text) {
        String email = Typed.text(text);
        String size = sizeProblem(email, MAX_EMAIL);
        return size != null || deliverable(email) ? size : "INVALID";
    }

    /** A text that must be typed, of at most {@code max} characters. */
    private static String sizeProblem(String text, int max) {
        return text.isEmpty() ? "REQUIRED" : text.length() > max ? "TOO_LONG" : null;
    }

    static String phoneProblem(String text) {
        String phone = Typed.text(text);
        if (phone.isEmpty()) {
            return "REQUIRED";
        }
        PhoneNumber parsed = parsePhone(phone);
        if (parsed == null || !PHONES.isValidNumber(parsed)) {
            return "INVALID";
        }
        return mobile(parsed) ? null : "NOT_MOBILE";
    }

    private static void add(List<FieldError> errors, String field, String code) {
        if (code != null) {
            errors.add(new FieldError(field, code));
        }
    }

    private static String passportNumber(String number) {
        return number.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }

    static DocumentType documentType(String text) {
        for (DocumentType type : DocumentType.values()) {
            if (type.name().equalsIgnoreCase(Typed.text(text))) {
                return type;
            }
        }
        return null;
    }

    private static PhoneNumber parsePhone(String text) {
        try {
            // Without a country code, a number is Malaysian: 012-345 6789 is +60123456789.
            return PHONES.parse(text, "MY");
        } catch (NumberParseException e) {
            return null;
        }
    }

    private static boolean mobile(PhoneNumber number) {
        PhoneNumberType type = PHONES.getNumberType(number);
        return type == PhoneNumberType.MOBILE || type == PhoneNumberType.FIXED_LINE_OR_MOBILE;
    }

    /**
     * Whether the mailer can deliver to the address as typed: exactly one address, itself, as
     * jakarta.mail's strict parsing reads it (the parse SmtpTransport's MimeMessageHelper makes, so no
     * display name, list, group or comment), in ASCII (the transport does not offer SMTPUTF8; an
     * internationalised domain is typed in its xn-- form), at a public host name.
     */
    static boolean deliverable(String email) {
        if (!email.chars().allMatch(c -> c >= 0x21 && c <= 0x7e || c == ' ')) {
            return false;
        }
        try {
            InternetAddress[] parsed = InternetAddress.parse(email, true);
            new InternetAddress(email, true).validate();
            return parsed.length == 1 && parsed[0].getAddress().equals(email) && parsed[0].getPersonal() == null
                    && EMAIL_DOMAIN.matcher(email.substring(email.lastIndexOf('@') + 1)).matches();
        } catch (AddressException e) {
            return false;
        }
    }

    private static String collapse(String text) {
        return Typed.text(text).replaceAll("\\s+", " ");
    }
}
