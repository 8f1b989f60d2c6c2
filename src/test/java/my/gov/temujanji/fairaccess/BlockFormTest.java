package my.gov.temujanji.fairaccess;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import my.gov.temujanji.platform.FormErrors;
import my.gov.temujanji.support.FormValidation;
import my.gov.temujanji.support.MutableClock;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The blocks form's rules and messages on Tuesday 14 July 2026, without a server. */
@Tag("fast")
class BlockFormTest {

    private static final Locale MALAY = Locale.forLanguageTag("ms");
    private final FormValidation validation = FormValidation.with(
            new BlockForm.Rules.Check(new MutableClock(LocalDateTime.of(2026, 7, 14, 9, 0))));

    @Test
    void aDocumentOrAnAddressButNotBothWithTheRightKindOfNumber() {
        assertThat(errors(new BlockForm(null, " ", "", "AGENT", null, "15/07/2026")).entries())
                .containsExactly(new FormErrors.Entry("documentNumber",
                        "Masukkan nombor dokumen atau alamat e-mel untuk disekat"));
        assertThat(errors(new BlockForm("MYKAD", "900101145678", "a@b.my", "AGENT", null, "15/07/2026"))
                .messageFor("documentNumber")).isEqualTo("Sekat sama ada dokumen atau alamat e-mel, bukan kedua-duanya");
        assertThat(errors(new BlockForm("VISA", "A1234567", null, "AGENT", null, "15/07/2026")).has("documentType"))
                .isTrue();
        assertThat(errors(new BlockForm("MYKAD", "12345", null, "AGENT", null, "15/07/2026"))
                .messageFor("documentNumber")).isEqualTo("Nombor MyKad mesti 12 digit, contohnya 900101-14-5678");
        assertThat(errors(new BlockForm("PASSPORT", "A12", null, "AGENT", null, "15/07/2026"))
                .messageFor("documentNumber")).isEqualTo("Nombor dokumen mesti 6 hingga 20 huruf atau digit");
        assertThat(errors(new BlockForm(null, null, "bukan-emel", "AGENT", null, "15/07/2026")).has("email")).isTrue();
    }

    @Test
    void everyOtherMistakeIsOnItsFieldInTheFormsOrderWithTheNotesLimitInTheMessage() {
        FormErrors errors = validation.check(new BlockForm("MYKAD", "12345", null, "", "x".repeat(501), "31/02/2026"),
                "blockForm", Locale.ENGLISH, BlockForm.FIELDS);

        assertThat(errors.entries()).containsExactly(
                new FormErrors.Entry("documentNumber", "A MyKad number must have 12 digits, for example 900101-14-5678"),
                new FormErrors.Entry("reason", "Select the reason for the block"),
                new FormErrors.Entry("note", "The internal note must be 500 characters or fewer"),
                new FormErrors.Entry("lastDay", "Enter the last day as day/month/year, for example 31/12/2026"));
        assertThat(errors(new BlockForm(null, null, "a@b.my", "MISUSE", null, "14/07/2026")).messageFor("lastDay"))
                .isEqualTo("Hari terakhir sekatan mesti selepas hari ini");
        assertThat(errors(new BlockForm(null, null, "a@b.my", "MISUSE", null, " ")).messageFor("lastDay"))
                .isEqualTo("Masukkan hari terakhir sekatan");
    }

    @Test
    void aValidFormPlacesTheBlockAsTyped() {
        BlockForm address = new BlockForm("MYKAD", "", " Pemohon@Contoh.MY ", "MISUSE", "  ", "15/7/2026");
        assertThat(errors(address).any()).isFalse();
        assertThat(address.block()).isEqualTo(new Blocks.NewBlock(null, null, "pemohon@contoh.my", BlockReason.MISUSE,
                null, LocalDate.of(2026, 7, 15)));

        BlockForm document = new BlockForm("MYKAD", "900101-14-5678", null, "AGENT", " x".repeat(250), "31/12/2026");
        assertThat(errors(document).any()).isFalse();
        assertThat(document.block().documentType()).isEqualTo("MYKAD");
        assertThat(document.block().documentNumber()).isEqualTo("900101145678");
        assertThat(document.block().note()).hasSize(499);
    }

    private FormErrors errors(BlockForm form) {
        return validation.check(form, "blockForm", MALAY, BlockForm.FIELDS);
    }
}
