package my.gov.temujanji.slip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class SigningKeysTest {

    @TempDir
    Path folder;

    @Test
    void aConfiguredKeyIsUsed() {
        byte[] key = SlipTokenTest.key(7);
        MockEnvironment environment = embedded().withProperty(SigningKeys.KEY_PROPERTY,
                Base64.getEncoder().encodeToString(key));

        assertThat(SigningKeys.resolve(environment)).isEqualTo(key);
        assertThat(folder.resolve(SigningKeys.KEY_FILE)).doesNotExist();
    }

    @Test
    void onTheEmbeddedDatabaseAKeyIsMadeOnceBesideItsFolderForTheOwnerOnly() throws Exception {
        byte[] first = SigningKeys.resolve(embedded());
        byte[] again = SigningKeys.resolve(embedded());

        Path file = folder.resolve(SigningKeys.KEY_FILE);
        assertThat(first).hasSize(32).isEqualTo(again);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void withAnExternalDatabaseAndNoKeyTheAppRefusesToStartSayingWhatToSet() {
        assertThatThrownBy(() -> SigningKeys.resolve(new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TEMUJANJI_SLIP_SIGNING_KEY")
                .hasMessageContaining("same key");
    }

    @Test
    void aShortOrMalformedKeyIsRefused() {
        assertThatThrownBy(() -> SigningKeys.resolve(new MockEnvironment()
                .withProperty(SigningKeys.KEY_PROPERTY, Base64.getEncoder().encodeToString(new byte[16]))))
                .hasMessageContaining("at least 32");
        assertThatThrownBy(() -> SigningKeys.resolve(new MockEnvironment()
                .withProperty(SigningKeys.KEY_PROPERTY, "not base64!")))
                .hasMessageContaining("not valid base64");
    }

    private MockEnvironment embedded() {
        return new MockEnvironment()
                .withProperty("temujanji.embedded-database.active", "true")
                .withProperty("temujanji.embedded-database.dir", folder.resolve("postgres").toString());
    }
}
