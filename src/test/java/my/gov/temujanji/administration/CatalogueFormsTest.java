package my.gov.temujanji.administration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import my.gov.temujanji.catalogue.TransactionType;
import my.gov.temujanji.platform.FormErrors;
import my.gov.temujanji.support.FormValidation;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The catalogue forms' rules and messages, checked as the pages check them, without a server. */
@Tag("fast")
class CatalogueFormsTest {

    private static final Locale MALAY = Locale.forLanguageTag("ms");

    @Test
    void aTypeWithNumbersOutOfRangeOrNotNumbersGetsEachFieldsMessageWithItsLabelAndBounds() {
        TypeForm form = new TypeForm("z1", "Ujian", "", "300", "x", " 3 ", "maybe");

        FormErrors english = errors(form, Locale.ENGLISH);

        assertThat(english.entries()).containsExactly(
                new FormErrors.Entry("code", "Enter a code of 2 to 10 capital letters"),
                new FormErrors.Entry("nameEn", "Enter the name in English (at most 200 characters)"),
                new FormErrors.Entry("slotMinutes", "Slot length (minutes): enter a whole number between 5 and 240"),
                new FormErrors.Entry("leadDays", "Earliest booking (days before): enter a whole number between 0 and 30"),
                new FormErrors.Entry("emailConfirmation", "Choose whether bookings must be confirmed by e-mail"));
        assertThat(errors(form, MALAY).messageFor("slotMinutes"))
                .isEqualTo("Tempoh slot (minit): masukkan nombor bulat antara 5 dan 240");
    }

    @Test
    void aTypeTypedWithSpacesAndSmallLettersIsSavedTrimmedAndInCapitals() {
        TypeForm form = new TypeForm(" zq ", " Ujian ", "Test", " 30", "0", "12", " true ");

        assertThat(errors(form, Locale.ENGLISH).any()).isFalse();
        TransactionType type = form.type(null);
        assertThat(type.code()).isEqualTo("ZQ");
        assertThat(type.name().ms()).isEqualTo("Ujian");
        assertThat(type.slotMinutes()).isEqualTo(30);
        assertThat(type.leadDays()).isZero();
        assertThat(type.windowMonths()).isEqualTo(12);
        assertThat(type.emailConfirmation()).isTrue();
        assertThat(new TypeForm(null, "A", "B", "5", "30", "1", "").type("BKP").emailConfirmation()).isNull();
    }

    @Test
    void aCodeIsCheckedOnlyWhenTheTypeIsCreated() {
        TypeForm edit = new TypeForm(null, "A", "B", "5", "30", "1", null);
        assertThat(FormValidation.errors(edit, AdminForms.FORM, Locale.ENGLISH, TypeForm.FIELDS).any()).isFalse();
        assertThat(errors(edit, Locale.ENGLISH).messageFor("code")).isEqualTo("Enter a code of 2 to 10 capital letters");
    }

    @Test
    void namesLongerThanTwoHundredCharactersAreRefusedAndTheBoundsOfEachNumberHold() {
        String name = "a".repeat(200);
        assertThat(errors(new TypeForm("AB", name, " " + name + " ", "5", "30", "1", "false"), Locale.ENGLISH).any())
                .isFalse();
        FormErrors tooLong = errors(new TypeForm("AB", name + "a", name, "4", "31", "13", "false"), Locale.ENGLISH);
        assertThat(tooLong.entries()).extracting(FormErrors.Entry::field)
                .containsExactly("nameMs", "slotMinutes", "leadDays", "windowMonths");
        assertThat(errors(new TypeForm("AB", "A", "B", "241", "-1", "0", ""), Locale.ENGLISH).entries())
                .extracting(FormErrors.Entry::field).containsExactly("slotMinutes", "leadDays", "windowMonths");
    }

    private static FormErrors errors(TypeForm form, Locale locale) {
        return FormValidation.errors(form, AdminForms.FORM, locale, TypeForm.FIELDS, AdminForms.New.class);
    }
}
