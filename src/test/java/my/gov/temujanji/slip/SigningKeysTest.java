package my.gov.temujanji.slip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;
import org.junit.jupiter.api.Tag;

@Tag("fast")
class SigningKeysTest {

    // RFC 8032, section 7.1, TEST 1: a seed, its public key and its signature of the empty message.
    static final byte[] RFC_SEED = HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    static final byte[] RFC_PUBLIC = HexFormat.of().parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    static final String RFC_SIGNATURE = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

    @TempDir
    Path folder;

    @Test
    void aConfiguredSeedIsTheEd25519KeyOfRfc8032() {
        MockEnvironment environment = embedded().withProperty(SigningKeys.KEY_PROPERTY,
                Base64.getEncoder().encodeToString(RFC_SEED));

        SigningKeys keys = SigningKeys.resolve(environment);
        assertThat(HexFormat.of().formatHex(keys.sign(new byte[0]))).isEqualTo(RFC_SIGNATURE);
        assertThat(keys.publicKeys()).singleElement().satisfies(key -> {
            assertThat(Base64.getUrlDecoder().decode(key.x())).isEqualTo(RFC_PUBLIC);
            assertThat(key.kid()).isEqualTo(keys.kid()).hasSize(8);
        });
        assertThat(keys.verify(keys.kid(), new byte[0], HexFormat.of().parseHex(RFC_SIGNATURE))).isTrue();
        assertThat(keys.verify(keys.kid(), new byte[] {0}, HexFormat.of().parseHex(RFC_SIGNATURE))).isFalse();
        assertThat(keys.verify("AAAAAAAA", new byte[0], HexFormat.of().parseHex(RFC_SIGNATURE))).isFalse();
        assertThat(folder.resolve(SigningKeys.KEY_FILE)).doesNotExist();
    }

    @Test
    void theKeyIdIsTheStartOfTheRfc7638Thumbprint() throws Exception {
        // The thumbprint of RFC 8037's example key (appendix A.3, the public key of RFC 8032's TEST 1).
        assertThat(SigningKeys.of(RFC_SEED, List.of()).kid()).isEqualTo("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k"
                .substring(0, 8));
    }

    @Test
    void retiredPublicKeysAreConfiguredAndPublishedAfterTheSigningOne() {
        SigningKeys old = SigningKeys.of(SlipTokenTest.key(5), List.of());
        MockEnvironment environment = new MockEnvironment()
                .withProperty(SigningKeys.KEY_PROPERTY, Base64.getEncoder().encodeToString(RFC_SEED))
                .withProperty(SigningKeys.RETIRED_PROPERTY, " " + old.publicKeys().get(0).x() + " ,");

        assertThat(SigningKeys.resolve(environment).publicKeys()).extracting(SigningKeys.PublicSlipKey::kid)
                .containsExactly(SigningKeys.of(RFC_SEED, List.of()).kid(), old.kid());
    }

    @Test
    void onTheEmbeddedDatabaseASeedIsMadeOnceBesideItsFolderForTheOwnerOnly() throws Exception {
        SigningKeys first = SigningKeys.resolve(embedded());
        SigningKeys again = SigningKeys.resolve(embedded());

        Path file = folder.resolve(SigningKeys.KEY_FILE);
        assertThat(Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim())).hasSize(32);
        assertThat(first.kid()).isEqualTo(again.kid());
        assertThat(again.verify(first.kid(), new byte[] {1, 2}, first.sign(new byte[] {1, 2}))).isTrue();
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
    void aSeedOfAnotherLengthOrMalformedIsRefused() {
        for (int length : new int[] {16, 33, 64}) {
            assertThatThrownBy(() -> SigningKeys.resolve(new MockEnvironment()
                    .withProperty(SigningKeys.KEY_PROPERTY, Base64.getEncoder().encodeToString(new byte[length]))))
                    .hasMessageContaining("has " + length + " bytes").hasMessageContaining("exactly 32");
        }
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
