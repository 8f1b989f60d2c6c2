package my.gov.temujanji.counter;

import java.time.Clock;
import java.time.LocalDate;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * After midnight (branch time), appointments of earlier days still CONFIRMED become NO_SHOW. Every
 * node may run it at the same time: each appointment is marked once (see {@link Attendance#markNoShows}).
 * Midnight rather than each branch's closing time: one rule for every branch, and nobody is marked
 * absent while a counter that stays open late may still serve them.
 */
@Component
@RequiredArgsConstructor
class NoShows {

    private static final Logger log = LoggerFactory.getLogger(NoShows.class);

    private final Attendance attendance;
    private final Clock clock;

    @Scheduled(fixedDelayString = "${temujanji.counter.no-show-interval:10m}")
    int markNoShows() {
        LocalDate today = LocalDate.now(clock);
        int marked = attendance.markNoShows(today);
        if (marked > 0) {
            log.info("{} appointment(s) before {} marked NO_SHOW", marked, today);
        }
        return marked;
    }
}
