package my.gov.temujanji.applicant;

import java.time.DateTimeException;
import java.time.LocalDate;
import my.gov.temujanji.platform.DocumentNumbers;

/**
 * A MyKad number: 12 digits, YYMMDD-PB-###G. YYMMDD is the date of birth (the century is not
 * encoded, so it must be a real date in the 1900s or the 2000s); PB is the place of birth. There is no
 * check digit.
 */
final class MyKadNumber {

    enum Problem { FORMAT, BIRTH_DATE, PLACE_OF_BIRTH }

    private MyKadNumber() {
    }

    /** Digits only, or null when the text is not 12 digits with optional dashes or spaces. */
    static String normalise(String text) {
        return DocumentNumbers.myKad(text);
    }

    static Problem check(String text) {
        String digits = normalise(text);
        if (digits == null || (text.contains("-") && !text.trim().matches("\\d{6}-\\d{2}-\\d{4}"))) {
            return Problem.FORMAT;
        }
        int yy = Integer.parseInt(digits.substring(0, 2));
        int mm = Integer.parseInt(digits.substring(2, 4));
        int dd = Integer.parseInt(digits.substring(4, 6));
        if (!realDate(1900 + yy, mm, dd) && !realDate(2000 + yy, mm, dd)) {
            return Problem.BIRTH_DATE;
        }
        if (!knownPlaceOfBirth(Integer.parseInt(digits.substring(6, 8)))) {
            return Problem.PLACE_OF_BIRTH;
        }
        return null;
    }

    /**
     * The date of birth of a valid number (digits only): the century is the one that does not put it
     * after {@code today}; empty for a number whose YYMMDD is no date.
     */
    static java.util.Optional<LocalDate> birthDate(String digits, LocalDate today) {
        int yy = Integer.parseInt(digits.substring(0, 2));
        int mm = Integer.parseInt(digits.substring(2, 4));
        int dd = Integer.parseInt(digits.substring(4, 6));
        for (int century : new int[] {2000, 1900}) {
            if (realDate(century + yy, mm, dd) && !LocalDate.of(century + yy, mm, dd).isAfter(today)) {
                return java.util.Optional.of(LocalDate.of(century + yy, mm, dd));
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * The place-of-birth codes of the National Registration Department: 01-16 and 21-59 are
     * Malaysian states, 60-68, 71-72 and 74-79 foreign countries or regions, 82 unknown state, 83-93
     * regions, 98 stateless, 99 unspecified. Codes outside these (00, 17-20, 69, 70, 73, 80, 81, 94-97)
     * are not issued.
     */
    static boolean knownPlaceOfBirth(int code) {
        return (code >= 1 && code <= 16) || (code >= 21 && code <= 68) || code == 71 || code == 72
                || (code >= 74 && code <= 79) || (code >= 82 && code <= 93) || code == 98 || code == 99;
    }

    private static boolean realDate(int year, int month, int day) {
        try {
            LocalDate.of(year, month, day);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
