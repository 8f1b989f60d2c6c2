package my.gov.temujanji.slip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.core.env.Environment;

/**
 * Where the key that signs slips comes from. A configured key wins. A product running on its embedded
 * PostgreSQL is one node, so it may keep a key of its own next to its data; nodes sharing an external
 * database must share one key, which only the operator can give them.
 */
final class SigningKeys {

    static final String KEY_PROPERTY = "temujanji.slip.signing-key";
    static final String KEY_FILE = "slip-signing.key";
    static final int MIN_KEY_BYTES = 32;

    private SigningKeys() {
    }

    static byte[] resolve(Environment environment) {
        String configured = environment.getProperty(KEY_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return decode(configured, KEY_PROPERTY + " (TEMUJANJI_SLIP_SIGNING_KEY)");
        }
        if (environment.getProperty("temujanji.embedded-database.active", Boolean.class, false)) {
            Path database = Path.of(environment.getProperty("temujanji.embedded-database.dir", "data/postgres"))
                    .toAbsolutePath().normalize();
            Path folder = database.getParent() != null ? database.getParent() : database;
            return readOrCreate(folder.resolve(KEY_FILE));
        }
        throw new IllegalStateException("No key to sign appointment slips. Set TEMUJANJI_SLIP_SIGNING_KEY (property "
                + KEY_PROPERTY + ") to at least " + MIN_KEY_BYTES + " random bytes in base64, for example the output of "
                + "`openssl rand -base64 32`. Every node that serves the same database must use the same key.");
    }

    /** The key in the file, written on first start (base64, readable by the owner only). */
    static byte[] readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[MIN_KEY_BYTES];
                new SecureRandom().nextBytes(key);
                Files.createDirectories(file.getParent());
                try {
                    Files.createFile(file, ownerOnly(file));
                    Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n");
                    return key;
                } catch (FileAlreadyExistsException createdMeanwhile) {
                    // another start won the race: use its key
                }
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the slip signing key " + file, e);
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path file) {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
    }

    private static byte[] decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The slip signing key in " + source + " is not valid base64");
        }
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalStateException("The slip signing key in " + source + " has " + key.length
                    + " bytes; it needs at least " + MIN_KEY_BYTES + " (try `openssl rand -base64 32`)");
        }
        return key;
    }
}
