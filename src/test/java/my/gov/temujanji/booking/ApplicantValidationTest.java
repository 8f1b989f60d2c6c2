package my.gov.temujanji.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Tag;

@Tag("fast")
class ApplicantValidationTest {

    private final ApplicantValidation validation = new ApplicantValidation();

    @Test
    void aValidMyKadApplicantIsNormalised() {
        ApplicantValidation.Result result = validation.validate(new ApplicantInput(
                "  Tan   Ah Kow ", "mykad", "900101-14-5678", "", " Tan@Example.COM.MY ", "012-345 6789"));

        assertThat(result.errors()).isEmpty();
        assertThat(result.applicant()).isEqualTo(new Applicant("Tan Ah Kow", DocumentType.MYKAD, "900101145678", "MYS",
                "Tan@example.com.my", "+60123456789"));
        assertThat(result.applicant().maskedDocumentNumber()).isEqualTo("******-**-5678");
    }

    @Test
    void aPassportApplicantAbroadKeepsTheirForeignNumberInE164() {
        ApplicantValidation.Result result = validation.validate(new ApplicantInput(
                "Nguyễn Văn An", "PASSPORT", "c1234567", "vnm", "an@example.vn", "+65 8123 4567"));

        assertThat(result.errors()).isEmpty();
        assertThat(result.applicant()).isEqualTo(new Applicant("Nguyễn Văn An", DocumentType.PASSPORT, "C1234567", "VNM",
                "an@example.vn", "+6581234567"));
        assertThat(result.applicant().maskedDocumentNumber()).isEqualTo("****4567");
    }

    @Test
    void namesWithBinAliasAndSlashAreAccepted() {
        assertThat(validation.validate(new ApplicantInput("Muthu a/l Rajan @ Raj", "MYKAD", "850615-08-1235", null,
                "m@example.my", "0198765432")).errors()).isEmpty();
    }

    @Test
    void everyEmptyFieldIsReportedInTheOrderOfTheForm() {
        assertThat(validation.validate(ApplicantInput.empty()).errors()).containsExactly(
                new ApplicantValidation.FieldError("fullName", "REQUIRED"),
                new ApplicantValidation.FieldError("documentType", "REQUIRED"),
                new ApplicantValidation.FieldError("documentNumber", "REQUIRED"),
                new ApplicantValidation.FieldError("email", "REQUIRED"),
                new ApplicantValidation.FieldError("phone", "REQUIRED"));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "MYKAD, 90010114567, MYKAD_FORMAT",
            "MYKAD, 9001011456789, MYKAD_FORMAT",
            "MYKAD, 90-0101-14-5678, MYKAD_FORMAT",
            "MYKAD, 901301145678, MYKAD_BIRTH_DATE",
            "MYKAD, 900230145678, MYKAD_BIRTH_DATE",
            "MYKAD, 010229145678, MYKAD_BIRTH_DATE",
            "MYKAD, 900101005678, MYKAD_PLACE_OF_BIRTH",
            "MYKAD, 900101175678, MYKAD_PLACE_OF_BIRTH",
            "MYKAD, 900101705678, MYKAD_PLACE_OF_BIRTH",
            "MYKAD, 900101955678, MYKAD_PLACE_OF_BIRTH",
            "PASSPORT, A12, PASSPORT_FORMAT",
            "PASSPORT, A12345678#, PASSPORT_FORMAT",
    })
    void badDocumentNumbersAreRefusedWithTheReason(String type, String number, String code) {
        List<ApplicantValidation.FieldError> errors = validation.validate(
                new ApplicantInput("Ali", type, number, "SGP", "ali@example.my", "0123456789")).errors();
        assertThat(errors).containsExactly(new ApplicantValidation.FieldError("documentNumber", code));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "000229145678",  // 29 February 2000: a leap day in the 2000s
            "991231145678",
            "900101015678",  // Johor
            "900101595678",
            "900101605678",  // born abroad
            "900101825678",  // unknown state
            "900101985678",  // stateless
            "900101995678",
    })
    void realMyKadNumbersAreAccepted(String number) {
        assertThat(validation.validate(new ApplicantInput("Ali", "MYKAD", number, null, "ali@example.my", "0123456789"))
                .errors()).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "not-a-number, INVALID",
            "012345, INVALID",
            "03-2161 1234, NOT_MOBILE",
            "+60 3-8880 1000, NOT_MOBILE",
    })
    void phonesMustBeRealMobileNumbers(String phone, String code) {
        assertThat(validation.validate(new ApplicantInput("Ali", "MYKAD", "900101145678", null, "ali@example.my", phone))
                .errors()).containsExactly(new ApplicantValidation.FieldError("phone", code));
    }

    @Test
    void otherFieldsAreCheckedToo() {
        assertThat(validation.validate(new ApplicantInput("x".repeat(151), "PASSPORT", "A1234567", "", "no-at-sign",
                "0123456789")).errors()).containsExactly(
                new ApplicantValidation.FieldError("fullName", "TOO_LONG"),
                new ApplicantValidation.FieldError("nationality", "REQUIRED"),
                new ApplicantValidation.FieldError("email", "INVALID"));
        assertThat(validation.validate(new ApplicantInput("Ali 99", "PASSPORT", "A1234567", "XYZ", "a@b",
                "0123456789")).errors()).containsExactly(
                new ApplicantValidation.FieldError("fullName", "INVALID_CHARACTERS"),
                new ApplicantValidation.FieldError("nationality", "UNKNOWN"),
                new ApplicantValidation.FieldError("email", "INVALID"));
        assertThat(validation.validate(new ApplicantInput("Ali", "MYKAD", "900101145678", null,
                "a".repeat(250) + "@b.my", "0123456789")).errors())
                .containsExactly(new ApplicantValidation.FieldError("email", "TOO_LONG"));
    }

    @Test
    void referencesAreTenReadableSymbolsWithoutLookAlikes() {
        for (int i = 0; i < 1000; i++) {
            assertThat(Reference.generate()).matches("[2-9A-HJ-NP-Z]{10}");
        }
        assertThat(Reference.normalise(" abcde-fghjk ")).isEqualTo("ABCDEFGHJK");
        assertThat(Reference.display("ABCDEFGHJK")).isEqualTo("ABCDE-FGHJK");
    }
}
