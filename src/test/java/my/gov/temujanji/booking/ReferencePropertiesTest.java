package my.gov.temujanji.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;

/** Appointment references: ten characters a person cannot misread, typed back in any form. */
@Tag("fast")
class ReferencePropertiesTest {

    @Provide
    Arbitrary<String> references() {
        return Arbitraries.strings().withChars(Reference.ALPHABET.toCharArray()).ofLength(Reference.LENGTH);
    }

    @Property(tries = 200)
    void aNewReferenceHasTenCharactersOfTheAlphabet() {
        String reference = Reference.generate();
        assertThat(reference).hasSize(10).matches("[" + Reference.ALPHABET + "]{10}");
        assertThat(reference).doesNotContain("0", "1", "I", "O");
    }

    @Property
    void whatIsPrintedIsReadBackAsTheReference(@ForAll("references") String reference) {
        String printed = Reference.display(reference);
        assertThat(printed).matches("[A-Z0-9]{5}-[A-Z0-9]{5}");
        assertThat(Reference.normalise(printed)).isEqualTo(reference);
        assertThat(Reference.normalise(" " + printed.toLowerCase() + " ")).isEqualTo(reference);
        assertThat(Reference.normalise(printed.replace("-", " "))).isEqualTo(reference);
    }

    @Property
    void normalisingTwiceChangesNothing(@ForAll String typed) {
        assertThat(Reference.normalise(Reference.normalise(typed))).isEqualTo(Reference.normalise(typed));
    }

    @Example
    void aThousandNewReferencesAreAllDifferent() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            seen.add(Reference.generate());
        }
        assertThat(seen).hasSize(1000);
    }

    @Example
    void nothingTypedIsAnEmptyReference() {
        assertThat(Reference.normalise(null)).isEmpty();
        assertThat(Reference.display("SHORT")).isEqualTo("SHORT");
    }

    @Example
    void referencesAreTenReadableSymbolsWithoutLookAlikes() {
        for (int i = 0; i < 1000; i++) {
            assertThat(Reference.generate()).matches("[2-9A-HJ-NP-Z]{10}");
        }
        assertThat(Reference.normalise(" abcde-fghjk ")).isEqualTo("ABCDEFGHJK");
        assertThat(Reference.display("ABCDEFGHJK")).isEqualTo("ABCDE-FGHJK");
    }
}
