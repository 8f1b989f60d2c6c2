package my.gov.temujanji.booking;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Appointment references: 10 symbols from an alphabet without 0/O and 1/I, so they are easy to read
 * aloud and type, drawn from a secure random source: 32^10 = 2^50 possibilities, unguessable.
 */
public final class Reference {

    static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final int LENGTH = 10;

    private static final SecureRandom RANDOM = new SecureRandom();

    private Reference() {
    }

    public static String generate() {
        StringBuilder reference = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            reference.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return reference.toString();
    }

    /** As typed by a person: any case, with or without the dash or spaces. */
    public static String normalise(String text) {
        return text == null ? "" : text.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    /** As printed: two groups of five, {@code ABCDE-FGHJK}. */
    public static String display(String reference) {
        return reference.length() == LENGTH ? reference.substring(0, 5) + "-" + reference.substring(5) : reference;
    }
}
