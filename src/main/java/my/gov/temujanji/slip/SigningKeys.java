package my.gov.temujanji.slip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.springframework.core.env.Environment;

/**
 * The Ed25519 keys of slips: the one this system signs with, given as its 32-byte seed, and the public
 * halves of retired ones, which still verify the slips they signed. Each key is named by a key id (kid,
 * the first 8 characters of its RFC 7638 JWK thumbprint) that every token carries, so keys can rotate.
 * Anyone may verify with the public keys (published as a JWK Set); only holders of the seed can sign.
 *
 * <p>Where the seed comes from: a configured one wins. A product running on its embedded PostgreSQL is
 * one node, so it may keep a seed of its own next to its data; nodes sharing an external database must
 * share one seed, which only the operator can give them.
 */
final class SigningKeys {

    static final String KEY_PROPERTY = "temujanji.slip.signing-key";
    static final String RETIRED_PROPERTY = "temujanji.slip.retired-public-keys";
    static final String KEY_FILE = "slip-signing.key";
    static final int SEED_BYTES = 32;
    static final int SIGNATURE_BYTES = 64;
    static final int KID_LENGTH = 8;
    private static final String ALGORITHM = "Ed25519";
    // DER of PKCS #8 and X.509 for an Ed25519 key (RFC 8410), before the 32 key bytes.
    private static final byte[] PKCS8_PREFIX = hex("302e020100300506032b657004220420");
    private static final byte[] X509_PREFIX = hex("302a300506032b6570032100");
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    /** A public key and its id, as published. */
    record PublicSlipKey(String kid, String x, PublicKey key) {
    }

    private final String kid;
    private final PrivateKey privateKey;
    private final Map<String, PublicSlipKey> publicKeys = new LinkedHashMap<>();

    private SigningKeys(byte[] seed, List<byte[]> retiredPublicKeys) {
        try {
            KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
            privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, seed)));
            PublicSlipKey current = publicKey(factory, new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey()
                    .getEncoded());
            kid = current.kid();
            publicKeys.put(kid, current);
            for (byte[] retired : retiredPublicKeys) {
                PublicSlipKey key = publicKey(factory, retired);
                publicKeys.putIfAbsent(key.kid(), key);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JVM since 15 has " + ALGORITHM, e);
        }
    }

    static SigningKeys of(byte[] seed, List<byte[]> retiredPublicKeys) {
        return new SigningKeys(seed, retiredPublicKeys);
    }

    static SigningKeys resolve(Environment environment) {
        List<byte[]> retired = Arrays.stream(environment.getProperty(RETIRED_PROPERTY, "").split(","))
                .map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> decode(s, RETIRED_PROPERTY, Base64.getUrlDecoder())).toList();
        return of(seed(environment), retired);
    }

    private static byte[] seed(Environment environment) {
        String configured = environment.getProperty(KEY_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return decode(configured, KEY_PROPERTY + " (TEMUJANJI_SLIP_SIGNING_KEY)", Base64.getDecoder());
        }
        if (environment.getProperty("temujanji.embedded-database.active", Boolean.class, false)) {
            Path database = Path.of(environment.getProperty("temujanji.embedded-database.dir", "data/postgres"))
                    .toAbsolutePath().normalize();
            Path folder = database.getParent() != null ? database.getParent() : database;
            return readOrCreate(folder.resolve(KEY_FILE));
        }
        throw new IllegalStateException("No key to sign appointment slips. Set TEMUJANJI_SLIP_SIGNING_KEY (property "
                + KEY_PROPERTY + ") to an Ed25519 private key seed: " + SEED_BYTES + " random bytes in base64, for "
                + "example the output of `openssl rand -base64 32`. Every node that serves the same database must use "
                + "the same key.");
    }

    /** The seed in the file, written on first start (base64, readable by the owner only). */
    static byte[] readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] seed = new byte[SEED_BYTES];
                new SecureRandom().nextBytes(seed);
                Files.createDirectories(file.getParent());
                try {
                    Files.createFile(file, ownerOnly(file));
                    Files.writeString(file, Base64.getEncoder().encodeToString(seed) + "\n");
                    return seed;
                } catch (FileAlreadyExistsException createdMeanwhile) {
                    // another start won the race: use its key
                }
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII), file.toString(), Base64.getDecoder());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the slip signing key " + file, e);
        }
    }

    /** The id of the key this system signs with. */
    String kid() {
        return kid;
    }

    byte[] sign(byte[] message) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(privateKey);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Signing with " + ALGORITHM + " failed", e);
        }
    }

    /** Whether the key named kid, one of ours, signed the message; false for an unknown kid or any garbage. */
    boolean verify(String kid, byte[] message, byte[] signature) {
        PublicSlipKey key = publicKeys.get(kid);
        if (key == null || signature.length != SIGNATURE_BYTES) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key.key());
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException malformed) {
            return false;
        }
    }

    /** Every key that verifies slips, the signing one first. */
    List<PublicSlipKey> publicKeys() {
        return List.copyOf(publicKeys.values());
    }

    private static PublicSlipKey publicKey(KeyFactory factory, byte[] raw) throws GeneralSecurityException {
        String x = BASE64URL.encodeToString(raw);
        // RFC 7638: the SHA-256 of the key's required members, in lexical order, without spaces.
        byte[] thumbprint = MessageDigest.getInstance("SHA-256").digest(
                ("{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + x + "\"}").getBytes(StandardCharsets.US_ASCII));
        return new PublicSlipKey(BASE64URL.encodeToString(thumbprint).substring(0, KID_LENGTH), x,
                factory.generatePublic(new X509EncodedKeySpec(concat(X509_PREFIX, raw))));
    }

    private static FileAttribute<?>[] ownerOnly(Path file) {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
    }

    private static byte[] decode(String base64, String source, Base64.Decoder decoder) {
        byte[] key;
        try {
            key = decoder.decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The slip signing key in " + source + " is not valid base64");
        }
        if (key.length != SEED_BYTES) {
            throw new IllegalStateException("The slip signing key in " + source + " has " + key.length
                    + " bytes; an Ed25519 key has exactly " + SEED_BYTES + " (try `openssl rand -base64 32`)");
        }
        return key;
    }

    private static byte[] concat(byte[] prefix, byte[] key) {
        byte[] all = Arrays.copyOf(prefix, prefix.length + key.length);
        System.arraycopy(key, 0, all, prefix.length, key.length);
        return all;
    }

    private static byte[] hex(String hex) {
        return java.util.HexFormat.of().parseHex(hex);
    }
}
