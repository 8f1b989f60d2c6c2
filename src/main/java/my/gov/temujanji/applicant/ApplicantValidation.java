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
import org.springframework.stereotype.Component;

/**
 * Checks and normalises what an applicant typed. Used by the pages and the API alike, so both
 * refuse the same things with the same codes.
 */
@Component
public class ApplicantValidation {

    /** One field's problem: the message is {@code applicant.<field>.<code>} in the bundles. */
    public record FieldError(String field, String code) {

        public String messageKey() {
            return "applicant." + field + "." + code;
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
        List<FieldError> errors = new ArrayList<>();

        String name = collapse(input.fullName());
        if (name.isEmpty()) {
            errors.add(new FieldError("fullName", "REQUIRED"));
        } else if (name.length() > MAX_NAME) {
            errors.add(new FieldError("fullName", "TOO_LONG"));
        } else if (!NAME.matcher(name).matches()) {
            errors.add(new FieldError("fullName", "INVALID_CHARACTERS"));
        }

        DocumentType type = documentType(input.documentType());
        if (type == null) {
            errors.add(new FieldError("documentType", "REQUIRED"));
        }

        String number = trim(input.documentNumber());
        String documentNumber = null;
        if (number.isEmpty()) {
            errors.add(new FieldError("documentNumber", "REQUIRED"));
        } else if (type == DocumentType.MYKAD) {
            MyKadNumber.Problem problem = MyKadNumber.check(number);
            if (problem != null) {
                errors.add(new FieldError("documentNumber", "MYKAD_" + problem.name()));
            } else {
                documentNumber = MyKadNumber.normalise(number);
            }
        } else if (type == DocumentType.PASSPORT) {
            documentNumber = number.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
            if (!PASSPORT.matcher(documentNumber).matches()) {
                errors.add(new FieldError("documentNumber", "PASSPORT_FORMAT"));
            }
        }

        String nationality = MALAYSIA;
        if (type == DocumentType.PASSPORT) {
            nationality = trim(input.nationality()).toUpperCase(Locale.ROOT);
            if (nationality.isEmpty()) {
                errors.add(new FieldError("nationality", "REQUIRED"));
            } else if (!COUNTRIES.contains(nationality)) {
                errors.add(new FieldError("nationality", "UNKNOWN"));
            }
        }

        String email = trim(input.email());
        if (email.isEmpty()) {
            errors.add(new FieldError("email", "REQUIRED"));
        } else if (email.length() > MAX_EMAIL) {
            errors.add(new FieldError("email", "TOO_LONG"));
        } else if (!deliverable(email)) {
            errors.add(new FieldError("email", "INVALID"));
        } else {
            int at = email.lastIndexOf('@');
            email = email.substring(0, at) + email.substring(at).toLowerCase(Locale.ROOT);
        }

        String phone = null;
        String phoneText = trim(input.phone());
        if (phoneText.isEmpty()) {
            errors.add(new FieldError("phone", "REQUIRED"));
        } else {
            PhoneNumber parsed = parsePhone(phoneText);
            if (parsed == null || !PHONES.isValidNumber(parsed)) {
                errors.add(new FieldError("phone", "INVALID"));
            } else if (!mobile(parsed)) {
                errors.add(new FieldError("phone", "NOT_MOBILE"));
            } else {
                phone = PHONES.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164);
            }
        }

        if (!errors.isEmpty()) {
            return new Result(null, List.copyOf(errors));
        }
        return new Result(new Applicant(name, type, documentNumber, nationality, email, phone), List.of());
    }

    private static DocumentType documentType(String text) {
        for (DocumentType type : DocumentType.values()) {
            if (type.name().equalsIgnoreCase(trim(text))) {
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

    private static String trim(String text) {
        return text == null ? "" : text.strip();
    }

    private static String collapse(String text) {
        return trim(text).replaceAll("\\s+", " ");
    }
}
