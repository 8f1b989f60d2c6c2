package my.gov.temujanji.applicant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.IntRange;

/** MyKad numbers: YYMMDD-PB-###G, a real date of birth in either century and an issued place of birth. */
@Tag("fast")
class MyKadNumberPropertiesTest {

    @Provide
    Arbitrary<LocalDate> births() {
        return Arbitraries.longs().between(LocalDate.of(1920, 1, 1).toEpochDay(), LocalDate.of(2026, 11, 30).toEpochDay())
                .map(LocalDate::ofEpochDay);
    }

    @Provide
    Arbitrary<Integer> issuedPlaces() {
        return Arbitraries.integers().between(1, 99).filter(MyKadNumber::knownPlaceOfBirth);
    }

    @Provide
    Arbitrary<String> validNumbers() {
        return Combinators.combine(births(), issuedPlaces(), Arbitraries.integers().between(0, 9999))
                .as((birth, place, serial) -> String.format("%02d%02d%02d-%02d-%04d", birth.getYear() % 100,
                        birth.getMonthValue(), birth.getDayOfMonth(), place, serial));
    }

    @Property
    void aRealBirthDateAndAnIssuedPlaceOfBirthIsAccepted(@ForAll("validNumbers") String number) {
        assertThat(MyKadNumber.check(number)).isNull();
        assertThat(MyKadNumber.check(number.replace("-", ""))).isNull();
        assertThat(MyKadNumber.check(number.replace("-", " "))).isNull();
    }

    @Property
    void theNormalFormIsTheTwelveDigits(@ForAll("validNumbers") String number) {
        String digits = number.replace("-", "");
        assertThat(MyKadNumber.normalise(number)).isEqualTo(digits);
        assertThat(MyKadNumber.normalise(" " + digits.substring(0, 6) + " " + digits.substring(6) + " ")).isEqualTo(digits);
    }

    @Property
    void aMonthOver12OrADayPastTheMonthIsNoBirthDate(@ForAll("validNumbers") String number,
            @ForAll @IntRange(min = 13, max = 99) int month) {
        String wrong = number.substring(0, 2) + String.format("%02d", month) + number.substring(4);
        assertThat(MyKadNumber.check(wrong)).isEqualTo(MyKadNumber.Problem.BIRTH_DATE);
    }

    @Property
    void aPlaceOfBirthCodeNeverIssuedIsRefused(@ForAll("validNumbers") String number,
            @ForAll @IntRange(min = 0, max = 99) int place) {
        String other = number.substring(0, 7) + String.format("%02d", place) + number.substring(9);
        assertThat(MyKadNumber.check(other)).isEqualTo(MyKadNumber.knownPlaceOfBirth(place) ? null
                : MyKadNumber.Problem.PLACE_OF_BIRTH);
    }

    @Property
    void anythingButTwelveDigitsIsAFormatProblem(@ForAll @IntRange(min = 1, max = 20) int length,
            @ForAll("digits") String digits) {
        String text = digits.substring(0, Math.min(length, digits.length()));
        if (text.length() != 12) {
            assertThat(MyKadNumber.check(text)).isEqualTo(MyKadNumber.Problem.FORMAT);
        }
    }

    @Provide
    Arbitrary<String> digits() {
        return Arbitraries.strings().numeric().ofLength(20);
    }

    @Property
    void dashesInTheWrongPlacesAreAFormatProblem(@ForAll("validNumbers") String number) {
        String digits = number.replace("-", "");
        assertThat(MyKadNumber.check(digits.substring(0, 4) + "-" + digits.substring(4))).isEqualTo(MyKadNumber.Problem.FORMAT);
    }

    @Example
    void the29thOfFebruaryIsABirthDateInALeapYearOfEitherCentury() {
        assertThat(MyKadNumber.check("000229-14-1234")).isNull();
        assertThat(MyKadNumber.check("040229-14-1234")).isNull();
        assertThat(MyKadNumber.check("010229-14-1234")).isEqualTo(MyKadNumber.Problem.BIRTH_DATE);
    }

    @Example
    void theUnissuedCodesAreExactlyTheGapsOfTheRegistrysList() {
        for (int code : new int[] {0, 17, 18, 19, 20, 69, 70, 73, 80, 81, 94, 95, 96, 97}) {
            assertThat(MyKadNumber.knownPlaceOfBirth(code)).as("code %d", code).isFalse();
        }
        for (int code : new int[] {1, 16, 21, 59, 60, 68, 71, 72, 74, 79, 82, 93, 98, 99}) {
            assertThat(MyKadNumber.knownPlaceOfBirth(code)).as("code %d", code).isTrue();
        }
    }
}
