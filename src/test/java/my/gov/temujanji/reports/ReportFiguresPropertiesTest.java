package my.gov.temujanji.reports;

import static org.assertj.core.api.Assertions.assertThat;

import my.gov.temujanji.reports.Report.Figures;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;

/** The report's arithmetic: totals of days and branches add up whatever order they are added in. */
@Tag("fast")
class ReportFiguresPropertiesTest {

    @Provide
    Arbitrary<Figures> figures() {
        Arbitrary<Integer> count = Arbitraries.integers().between(0, 10_000);
        return Combinators.combine(count, count, count, count, count, count).as(Figures::new);
    }

    @Property
    void addingIsCommutative(@ForAll("figures") Figures a, @ForAll("figures") Figures b) {
        assertThat(a.plus(b)).isEqualTo(b.plus(a));
    }

    @Property
    void addingIsAssociative(@ForAll("figures") Figures a, @ForAll("figures") Figures b, @ForAll("figures") Figures c) {
        assertThat(a.plus(b).plus(c)).isEqualTo(a.plus(b.plus(c)));
    }

    @Property
    void zeroAddsNothing(@ForAll("figures") Figures a) {
        assertThat(a.plus(Figures.ZERO)).isEqualTo(a);
        assertThat(Figures.ZERO.plus(a)).isEqualTo(a);
    }

    @Property
    void eachFigureIsTheSumOfItsParts(@ForAll("figures") Figures a, @ForAll("figures") Figures b) {
        Figures sum = a.plus(b);
        assertThat(sum.capacity()).isEqualTo(a.capacity() + b.capacity());
        assertThat(sum.booked()).isEqualTo(a.booked() + b.booked());
        assertThat(sum.checkedIn()).isEqualTo(a.checkedIn() + b.checkedIn());
        assertThat(sum.late()).isEqualTo(a.late() + b.late());
        assertThat(sum.noShow()).isEqualTo(a.noShow() + b.noShow());
        assertThat(sum.cancelled()).isEqualTo(a.cancelled() + b.cancelled());
    }

    @Property
    void onlyNothingAtAllIsEmpty(@ForAll("figures") Figures a) {
        assertThat(a.empty()).isEqualTo(a.capacity() == 0 && a.booked() == 0 && a.checkedIn() == 0 && a.late() == 0
                && a.noShow() == 0 && a.cancelled() == 0);
    }

    @Example
    void aDayWithOneCancellationIsNotEmpty() {
        assertThat(new Figures(0, 0, 0, 0, 0, 1).empty()).isFalse();
        assertThat(Figures.ZERO.empty()).isTrue();
    }
}
