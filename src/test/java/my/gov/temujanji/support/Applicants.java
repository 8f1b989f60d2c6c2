package my.gov.temujanji.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Valid, distinct applicants for tests that share one database. */
public final class Applicants {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Applicants() {
    }

    /** A MyKad number no other test in this JVM uses: born 1 January 19YY in Selangor (PB 10). */
    public static String nextMyKad() {
        int n = SEQUENCE.incrementAndGet();
        return String.format("%02d0101-10-%04d", 50 + n / 10000, n % 10000);
    }

    public static Map<String, Object> myKadApplicant(String myKad) {
        Map<String, Object> applicant = new LinkedHashMap<>();
        applicant.put("fullName", "Siti Nur Aisyah binti Ahmad");
        applicant.put("documentType", "MYKAD");
        applicant.put("documentNumber", myKad);
        applicant.put("nationality", null);
        applicant.put("email", "siti@Example.MY");
        applicant.put("phone", "012-345 6789");
        return applicant;
    }
}
