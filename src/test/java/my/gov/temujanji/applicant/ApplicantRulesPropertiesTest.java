package my.gov.temujanji.applicant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.IntRange;

/** The applicant's name, document and phone: what is accepted, and the form it is kept in. */
@Tag("fast")
class ApplicantRulesPropertiesTest {

    private final ApplicantValidation validation = new ApplicantValidation();

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.of("Tan Ah Kow", "Siti Nurhaliza binti Taruddin", "Muthu a/l Rajan @ Raj", "陈美玲",
                "முருகன் சுப்பிரமணியம்", "محمد بن عبدالله", "Nguyễn Văn An", "O'Brien-Smith", "Lim (Michael) Wei");
    }

    private List<String> fieldsInError(String name, String type, String number, String nationality, String phone) {
        return validation.validate(new ApplicantInput(name, type, number, nationality, "a@example.my", phone)).errors()
                .stream().map(e -> e.field() + ":" + e.code()).toList();
    }

    @Property
    void namesInEveryScriptMalaysiansWriteAreAccepted(@ForAll("names") String name) {
        assertThat(fieldsInError(name, "MYKAD", "900101-14-5678", null, "0123456789")).isEmpty();
    }

    @Property
    void spacesInANameAreCollapsed(@ForAll("names") String name, @ForAll @IntRange(min = 1, max = 5) int spaces) {
        Applicant applicant = validation.validate(new ApplicantInput(" " + name.replace(" ", " ".repeat(spaces)) + "  ",
                "MYKAD", "900101-14-5678", null, "a@example.my", "0123456789")).applicant();
        assertThat(applicant.fullName()).isEqualTo(name);
    }

    @Property
    void aNameOfDigitsOrSymbolsIsRefused(@ForAll("symbols") String name) {
        assertThat(fieldsInError(name, "MYKAD", "900101-14-5678", null, "0123456789")).contains("fullName:INVALID_CHARACTERS");
    }

    @Provide
    Arbitrary<String> symbols() {
        return Arbitraries.strings().withChars("0123456789#$%^&*+=<>{}[]|\\~`!?;:\"").ofMinLength(1).ofMaxLength(30);
    }

    @Property
    void aNameLongerThan150CharactersIsRefused(@ForAll @IntRange(min = 151, max = 400) int length) {
        assertThat(fieldsInError("A".repeat(length), "MYKAD", "900101-14-5678", null, "0123456789"))
                .contains("fullName:TOO_LONG");
    }

    @Property
    void malaysianMobileNumbersAreKeptInE164(@ForAll("mobilePrefixes") int operator,
            @ForAll @IntRange(min = 2000000, max = 9999999) int subscriber) {
        Applicant applicant = validation.validate(new ApplicantInput("Tan Ah Kow", "MYKAD", "900101-14-5678", null,
                "a@example.my", "01" + operator + "-" + subscriber)).applicant();
        assertThat(applicant).isNotNull();
        assertThat(applicant.phone()).isEqualTo("+601" + operator + subscriber);
    }

    /** The mobile prefixes whose every 7-digit number is issued (010, 014 and 018 have some ranges only, 011 has 8 digits). */
    @Provide
    Arbitrary<Integer> mobilePrefixes() {
        return Arbitraries.of(2, 3, 6, 7, 9);
    }

    @Property
    void aPassportNumberIsKeptInCapitalsWithoutSpaces(@ForAll("passports") String number) {
        Applicant applicant = validation.validate(new ApplicantInput("Tan Ah Kow", "PASSPORT",
                " " + number.toLowerCase().substring(0, 3) + " " + number.substring(3), "SGP", "a@example.my",
                "+6591234567")).applicant();
        assertThat(applicant.documentNumber()).isEqualTo(number);
    }

    @Provide
    Arbitrary<String> passports() {
        return Arbitraries.strings().withChars("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789").ofMinLength(6).ofMaxLength(20);
    }

    @Property
    void aPassportNumberShorterThanSixIsRefused(@ForAll @IntRange(min = 1, max = 5) int length) {
        assertThat(fieldsInError("Tan Ah Kow", "PASSPORT", "A".repeat(length), "SGP", "+6591234567"))
                .contains("documentNumber:PASSPORT_FORMAT");
    }

    @Example
    void aPassportNeedsAKnownNationality() {
        assertThat(fieldsInError("Tan Ah Kow", "PASSPORT", "A1234567", "XYZ", "+6591234567"))
                .contains("nationality:UNKNOWN");
        assertThat(fieldsInError("Tan Ah Kow", "PASSPORT", "A1234567", "", "+6591234567"))
                .contains("nationality:REQUIRED");
    }

    @Example
    void everyFieldLeftEmptyIsNamed() {
        assertThat(fieldsInError("", "", "", "", "")).contains("fullName:REQUIRED", "documentType:REQUIRED",
                "documentNumber:REQUIRED");
    }
}
