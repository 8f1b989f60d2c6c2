package my.gov.temujanji.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import my.gov.temujanji.platform.FormErrors;
import my.gov.temujanji.support.FormValidation;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;

/** The own-password form's rules and messages for the officer "siti", whose password is "lama-kata-laluan". */
@Tag("fast")
class PasswordFormTest {

    private static final String CURRENT = "lama-kata-laluan";

    private final FormValidation validation;

    @SuppressWarnings("deprecation") // a plain-text encoder keeps the test about the rules, not hashing
    PasswordFormTest() {
        CurrentStaff current = mock(CurrentStaff.class);
        StaffAccounts accounts = mock(StaffAccounts.class);
        when(current.get()).thenReturn(new StaffMember("siti", "Siti", Role.OFFICER, Set.of(), true));
        when(accounts.find("siti")).thenReturn(Optional.of(new StaffAccounts.Account("siti", "Siti", CURRENT,
                Role.OFFICER, true, true, Set.of())));
        validation = FormValidation.with(new PasswordForm.Rules.Check(current, accounts,
                NoOpPasswordEncoder.getInstance()));
    }

    @Test
    void theNewPasswordIsCheckedRuleByRuleWithTheLengthInTheMessage() {
        assertThat(errors("pendek", "pendek").messageFor("newPassword"))
                .isEqualTo("The new password must be at least 12 characters");
        assertThat(errors("x".repeat(201), "").messageFor("newPassword"))
                .isEqualTo("The new password must be 200 characters or fewer");
        assertThat(errors(" SITI        ", "").messageFor("newPassword")).isEqualTo("The new password cannot be your username");
        assertThat(errors(CURRENT, CURRENT).messageFor("newPassword"))
                .isEqualTo("The new password must differ from the current one");
        assertThat(errors("baharu-dan-panjang", "baharu-dan-lain").entries()).containsExactly(
                new FormErrors.Entry("confirmPassword", "Both new passwords must be the same"));
        assertThat(errors("baharu-dan-panjang", "baharu-dan-panjang").any()).isFalse();
    }

    @Test
    void aWrongOrMissingCurrentPasswordIsOnItsOwnFieldFirst() {
        FormErrors wrong = validation.check(new PasswordForm("salah", "pendek", null), "password",
                Locale.forLanguageTag("ms"), PasswordForm.FIELDS);
        assertThat(wrong.entries()).extracting(FormErrors.Entry::field).containsExactly("currentPassword", "newPassword");
        assertThat(wrong.messageFor("newPassword")).isEqualTo("Kata laluan baharu mesti sekurang-kurangnya 12 aksara");
        assertThat(validation.check(new PasswordForm(null, null, null), "password", Locale.ENGLISH, PasswordForm.FIELDS)
                .messageFor("currentPassword")).isEqualTo("Enter your current password correctly");
    }

    private FormErrors errors(String newPassword, String confirmation) {
        return validation.check(new PasswordForm(CURRENT, newPassword, confirmation), "password", Locale.ENGLISH,
                PasswordForm.FIELDS);
    }
}
