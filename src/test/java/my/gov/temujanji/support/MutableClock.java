package my.gov.temujanji.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** A clock the tests move; it stands still between moves. Times are the branches' local time. */
public class MutableClock extends Clock {

    public static final ZoneId ZONE = ZoneId.of("Asia/Kuala_Lumpur");

    private final AtomicReference<Instant> now;

    public MutableClock(LocalDateTime localNow) {
        this.now = new AtomicReference<>(localNow.atZone(ZONE).toInstant());
    }

    public void set(LocalDateTime localNow) {
        now.set(localNow.atZone(ZONE).toInstant());
    }

    public void advance(java.time.Duration duration) {
        now.updateAndGet(i -> i.plus(duration));
    }

    @Override
    public ZoneId getZone() {
        return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("Branch time is always " + ZONE);
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
