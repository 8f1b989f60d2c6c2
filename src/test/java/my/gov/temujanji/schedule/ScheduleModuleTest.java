package my.gov.temujanji.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import my.gov.temujanji.catalogue.Branch;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.catalogue.CatalogueChanges;
import my.gov.temujanji.platform.LocalizedText;
import my.gov.temujanji.support.BranchFixture;
import my.gov.temujanji.support.MutableClock;
import my.gov.temujanji.support.TestClockConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The schedule started with the catalogue it reads (and the platform), on the embedded database: a
 * branch's weekly hours and breaks make its slots, and its own closure shuts a day.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "platform")
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class ScheduleModuleTest {

    private static final String SERVICE = "BKP";
    /** A Monday a week after the test clock's today, inside the booking window. */
    private static final LocalDate MONDAY = LocalDate.of(2026, 7, 20);

    @Autowired
    Availability availability;
    @Autowired
    ScheduleAdministration schedule;
    @Autowired
    Catalogue catalogue;
    @Autowired
    CatalogueChanges changes;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    MutableClock clock;

    Branch branch;

    @BeforeEach
    void setUp() {
        clock.set(TestClockConfiguration.DEFAULT_NOW);
        branch = new BranchFixture(changes, catalogue, transaction).branch(SERVICE);
        transaction.executeWithoutResult(status -> {
            changes.save(new CatalogueChanges.OfferingSettings(branch.code(), SERVICE, 20, BranchFixture.CAPACITY, true));
            schedule.lockBranch(branch.code());
            schedule.replaceHours(branch.code(), new WeeklyHours(Map.of(DayOfWeek.MONDAY, List.of(
                    WeeklyHours.Interval.parse("08:00-09:00"), WeeklyHours.Interval.parse("10:00-11:00"),
                    WeeklyHours.Interval.parse("11:30-12:00")))));
        });
    }

    @Test
    void theHoursMakeWholeSlotsOfTheOfferingsLengthAroundTheBreaks() {
        assertThat(availability.slots(branch.code(), SERVICE, MONDAY)).containsExactly(
                slot("08:00", "08:20"), slot("08:20", "08:40"), slot("08:40", "09:00"),
                slot("10:00", "10:20"), slot("10:20", "10:40"), slot("10:40", "11:00"),
                slot("11:30", "11:50"));
        assertThat(availability.day(branch.code(), SERVICE, MONDAY))
                .isEqualTo(new DayAvailability(MONDAY, DayStatus.OPEN, null, 7 * BranchFixture.CAPACITY));

        // A day without counter hours is closed, and has no slots.
        LocalDate tuesday = MONDAY.plusDays(1);
        assertThat(availability.day(branch.code(), SERVICE, tuesday).status()).isEqualTo(DayStatus.CLOSED);
        assertThat(availability.slots(branch.code(), SERVICE, tuesday)).isEmpty();
    }

    @Test
    void theBranchsOwnClosureShutsThatDayOnlyAndSaysWhy() {
        LocalizedText name = new LocalizedText("Gotong-royong", "Clean-up day");
        transaction.executeWithoutResult(status -> {
            schedule.lockBranch(branch.code());
            schedule.addClosure(branch.code(), MONDAY, name);
        });

        assertThat(availability.day(branch.code(), SERVICE, MONDAY))
                .isEqualTo(new DayAvailability(MONDAY, DayStatus.CLOSED, name, 0));
        assertThat(availability.slots(branch.code(), SERVICE, MONDAY)).isEmpty();
        assertThat(schedule.closedByBranch(branch.code(), MONDAY)).isTrue();
        assertThat(availability.day(branch.code(), SERVICE, MONDAY.plusWeeks(1)).status()).isEqualTo(DayStatus.OPEN);
    }

    private static SlotAvailability slot(String start, String end) {
        return new SlotAvailability(LocalTime.parse(start), LocalTime.parse(end), BranchFixture.CAPACITY,
                BranchFixture.CAPACITY);
    }
}
