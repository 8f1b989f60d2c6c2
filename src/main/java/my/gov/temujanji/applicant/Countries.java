package my.gov.temujanji.applicant;

import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The nationality list of the details page: ISO alpha-3 codes, named in the page's language. */
public final class Countries {

    /** A country as an option: the alpha-3 code the validation expects, and its name. */
    public record Country(String code, String name) {
    }

    // Names come from the alpha-2 locale data; the alpha-3 code is what the applicant record keeps.
    private static final Map<String, String> ALPHA2_BY_ALPHA3 = Arrays.stream(Locale.getISOCountries())
            .collect(Collectors.toMap(a2 -> new Locale("", a2).getISO3Country(), Function.identity()));

    private Countries() {
    }

    public static List<Country> in(Locale locale) {
        Collator collator = Collator.getInstance(locale);
        return ApplicantValidation.COUNTRIES.stream()
                .filter(ALPHA2_BY_ALPHA3::containsKey)
                .map(a3 -> new Country(a3, name(a3, locale)))
                .sorted(Comparator.comparing(Country::name, collator))
                .toList();
    }

    /** The country's name in {@code locale}, or the code itself for one the JDK cannot name. */
    public static String name(String alpha3, Locale locale) {
        String alpha2 = ALPHA2_BY_ALPHA3.get(alpha3);
        return alpha2 == null ? alpha3 : new Locale("", alpha2).getDisplayCountry(locale);
    }
}
