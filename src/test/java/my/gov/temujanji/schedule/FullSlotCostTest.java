package my.gov.temujanji.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.regex.Pattern;
import my.gov.temujanji.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Whether a slot is full ({@link PlaceSql#FULL}), asked by each of the many refused in a rush, reads the
 * index of free places, where a taken place leaves only the dead entry of its free version, skipped
 * once a scan has marked it: the question costs about as little on a full slot of 2,000 places as on a
 * small one.
 * With slot_place_untaken_idx (before V26) the planner answered it from slot_place_slot_idx, every place
 * of the slot, and read each taken place's row to throw it away (4,000 of them a refusal on the rush's
 * single slot, measured on the benchmark's database: bench/notes.md). The control drops the free
 * places' index in a transaction rolled back: the same question then reads the 2,000 taken places'
 * rows, each time it is asked, and the count below sees them.
 */
@IntegrationTest
class FullSlotCostTest {

    static final String BRANCH = "PRK-TAIPING";
    static final String SERVICE = "BKP";
    // No other test books this far ahead: the slot is this test's alone.
    static final LocalDate DAY = LocalDate.of(2030, 1, 2);
    static final LocalTime START = LocalTime.of(7, 0);
    static final int PLACES = 2000;
    // Rows an index gave that the scan then read and threw away: a filter's, or an index-only scan's
    // visits to rows whose page is not known to be all visible.
    private static final Pattern PLACE_ROWS_READ = Pattern.compile("\"(?:Rows Removed by Filter|Heap Fetches)\": (\\d+)");
    private static final Pattern INDEX = Pattern.compile("\"Index Name\": \"(slot_place_\\w+)\"");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    SlotInventory inventory;

    long slot;

    @BeforeEach
    void fullSlot() {
        slot = jdbc.sql("INSERT INTO slot (branch_code, service_code, day, start_time, end_time, capacity) "
                        + "VALUES (?, ?, ?, ?, ?, ?) RETURNING id")
                .params(BRANCH, SERVICE, DAY, START, START.plusMinutes(5), PLACES).query(Long.class).single();
        // A hundred places a statement, as a rush's bookings take them in their own transactions.
        for (int i = 0; i < PLACES; i += 100) {
            jdbc.sql("UPDATE slot_place SET taken = true WHERE id IN (SELECT id FROM slot_place "
                    + "WHERE slot_id = ? AND NOT taken LIMIT 100)").param(slot).update();
        }
    }

    @AfterEach
    void removeSlot() {
        jdbc.sql("UPDATE slot_place SET taken = false WHERE slot_id = ?").param(slot).update();
        jdbc.sql("DELETE FROM slot WHERE id = ?").param(slot).update();
    }

    /**
     * A dead entry is skipped once no transaction can still see the free version it points to; until
     * then (another test's node may hold an older snapshot for a moment) it is read. So the question is
     * asked again for up to two seconds, and the fewest rows it read counts.
     */
    @Test
    void askingWhetherAFullSlotOfTwoThousandPlacesIsFullReadsAlmostNoTakenPlace() throws InterruptedException {
        assertThat(inventory.full(BRANCH, SERVICE, DAY, START)).isTrue();

        String plan = plan();
        long fewest = placeRowsRead(plan);
        for (int i = 0; i < 20 && fewest > 0; i++) {
            Thread.sleep(100);
            fewest = Math.min(fewest, placeRowsRead(plan()));
        }

        assertThat(indexes(plan)).containsOnly("slot_place_free_idx");
        assertThat(fewest).as("rows of taken places read, asked again").isLessThan(PLACES / 20);
    }

    @Test
    void controlWithoutTheFreePlacesIndexTheSameQuestionReadsEveryTakenPlace() {
        String plan = transactions.execute(status -> {
            jdbc.sql("DROP INDEX slot_place_free_idx").update();
            plan();
            String again = plan();
            status.setRollbackOnly();
            return again;
        });

        assertThat(placeRowsRead(plan)).as("rows of taken places read, asked again").isGreaterThanOrEqualTo(PLACES);
    }

    /** The question's plan as it ran, with what each step read. */
    private String plan() {
        return jdbc.sql("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) SELECT " + PlaceSql.FULL)
                .param("branch", BRANCH).param("service", SERVICE).param("day", DAY).param("start", START)
                .param("now", Timestamp.from(Instant.now())).query(String.class).single();
    }

    private static List<String> indexes(String plan) {
        return INDEX.matcher(plan).results().map(m -> m.group(1)).toList();
    }

    private static long placeRowsRead(String plan) {
        return PLACE_ROWS_READ.matcher(plan).results().mapToLong(m -> Long.parseLong(m.group(1))).sum();
    }
}
