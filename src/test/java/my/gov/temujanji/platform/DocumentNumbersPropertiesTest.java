package my.gov.temujanji.platform;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;

/** Document numbers as they are kept and compared: one form for every way a person types them. */
@Tag("fast")
class DocumentNumbersPropertiesTest {

    @Provide
    Arbitrary<String> twelveDigits() {
        return Arbitraries.strings().numeric().ofLength(12);
    }

    @Provide
    Arbitrary<String> passports() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
                .ofMinLength(6).ofMaxLength(20).filter(s -> !s.matches("\\d{12}"));
    }

    @Property
    void aMyKadNumberIsItsDigitsHoweverItIsWritten(@ForAll("twelveDigits") String digits) {
        String dashed = digits.substring(0, 6) + "-" + digits.substring(6, 8) + "-" + digits.substring(8);
        assertThat(DocumentNumbers.myKad(dashed)).isEqualTo(digits);
        assertThat(DocumentNumbers.myKad(" " + dashed.replace("-", " ") + " ")).isEqualTo(digits);
        assertThat(DocumentNumbers.normalise(dashed)).isEqualTo(digits);
    }

    @Property
    void otherNumbersAreKeptInCapitalsWithoutSpaces(@ForAll("passports") String number) {
        String typed = " " + number.substring(0, 2) + " " + number.substring(2) + "\t";
        assertThat(DocumentNumbers.normalise(typed)).isEqualTo(number.toUpperCase(java.util.Locale.ROOT));
        assertThat(DocumentNumbers.myKad(typed)).isNull();
    }

    @Property
    void normalisingTwiceChangesNothing(@ForAll String typed) {
        assertThat(DocumentNumbers.normalise(DocumentNumbers.normalise(typed))).isEqualTo(DocumentNumbers.normalise(typed));
    }

    @Example
    void elevenOrThirteenDigitsAreNoMyKad() {
        assertThat(DocumentNumbers.myKad("90010114567")).isNull();
        assertThat(DocumentNumbers.myKad("9001011456789")).isNull();
        assertThat(DocumentNumbers.myKad(null)).isNull();
        assertThat(DocumentNumbers.normalise(null)).isEmpty();
    }
}
