package my.gov.temujanji.platform;

import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one shape of the scheduled sweeps every node runs (expired holds, unconfirmed bookings): a batch
 * in a transaction of its own, run again whole on a conflict like any entry point, and logged when it
 * did anything. PostgreSQL's row locks (SKIP LOCKED) in the batch's SQL make each row swept once.
 */
@Component
public class Sweeps {

    /** Rows one run takes at most, so its transaction stays short; the next run takes the rest. */
    public static final int BATCH = 1000;

    /**
     * @param done the debug message, {@code {}} standing for the count
     * @return how many rows the batch dealt with
     */
    @RetryOnConflict
    @Transactional
    public int inTransaction(Logger log, String done, IntSupplier batch) {
        int count = batch.getAsInt();
        if (count > 0) {
            log.debug(done, count);
        }
        return count;
    }
}
