package my.gov.temujanji.administration;

import my.gov.temujanji.platform.LocalizedText;

/** A catalogue entry's name in both languages, as the forms take it. */
final class Names {

    static final int MAX = 200;

    private Names() {
    }

    static LocalizedText of(String ms, String en) {
        return new LocalizedText(ms.strip(), en.strip());
    }
}
