package my.gov.temujanji.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import my.gov.temujanji.catalogue.Branch;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.platform.FormErrors;
import my.gov.temujanji.platform.LocalizedText;
import my.gov.temujanji.support.FormValidation;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The new account form's rules and messages, with the catalogue stubbed. */
@Tag("fast")
class AccountFormTest {

    private final Catalogue catalogue = mock(Catalogue.class);
    private final FormValidation validation = FormValidation.with(new AccountForm.RoleAndBranches.Check(catalogue));

    AccountFormTest() {
        when(catalogue.branch(anyString())).thenReturn(Optional.empty());
        when(catalogue.branch("SWK-KUCHING")).thenReturn(Optional.of(new Branch("SWK-KUCHING", "SWK", "SWK",
                new LocalizedText("Kuching", "Kuching"), "Alamat", false)));
    }

    @Test
    void theUsernameIsTakenInSmallLettersAndTheNameWithoutTheSpacesAround() {
        AccountForm form = new AccountForm("  Siti.Aminah ", " Siti Aminah ", "OFFICER", List.of("SWK-KUCHING"));

        assertThat(errors(form, Locale.ENGLISH).any()).isFalse();
        assertThat(form.username()).isEqualTo("siti.aminah");
        assertThat(form.displayName()).isEqualTo("Siti Aminah");
        assertThat(form.chosenRole()).isEqualTo(Role.OFFICER);
    }

    @Test
    void eachMistakeIsOnItsFieldInTheFormsOrder() {
        FormErrors errors = errors(new AccountForm("1x", "", "KING", null), Locale.forLanguageTag("ms"));

        assertThat(errors.entries()).extracting(FormErrors.Entry::field).containsExactly("username", "displayName", "role");
        assertThat(errors.messageFor("role")).isEqualTo("Pilih peranan");
        assertThat(new AccountForm(null, null, "KING", null).chosenRole()).isNull();
    }

    @Test
    void aRoleThatWorksAtBranchesNeedsKnownOnesAndASystemAdministratorNone() {
        assertThat(errors(new AccountForm("siti", "Siti", "BRANCH_ADMIN", null), Locale.ENGLISH).entries())
                .containsExactly(new FormErrors.Entry("branches", "Choose at least one branch"));
        assertThat(errors(new AccountForm("siti", "Siti", "OFFICER", List.of("SWK-KUCHING", "NOWHERE")),
                Locale.ENGLISH).has("branches")).isTrue();
        assertThat(errors(new AccountForm("root", "Root", "SYSTEM_ADMIN", null), Locale.ENGLISH).any()).isFalse();
    }

    private FormErrors errors(AccountForm form, Locale locale) {
        return validation.check(form, "account", locale, AccountForm.FIELDS);
    }
}
