package my.gov.temujanji.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import my.gov.temujanji.support.MutableClock;
import my.gov.temujanji.support.TestClockConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit capability started alone (with the platform it stands on), on the embedded database: its
 * search pages through the entries newest first and filters them by actor, action and time.
 */
@ApplicationModuleTest(extraIncludes = "platform")
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class AuditModuleTest {

    @Autowired
    AuditLog audit;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    MutableClock clock;

    @Test
    void searchPagesNewestFirstAndFiltersByActorActionAndTime() {
        String actor = "audit-" + UUID.randomUUID();
        clock.set(TestClockConfiguration.DEFAULT_NOW);
        Instant first = clock.instant();
        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < AuditLog.PAGE_SIZE + 1; i++) {
                clock.advance(Duration.ofMinutes(1));
                audit.recordAs(actor, i % 2 == 0 ? "TEST_EVEN" : "TEST_ODD", "thing", String.valueOf(i), null, null,
                        null);
            }
        });

        AuditLog.Page newest = audit.search(new AuditLog.Filter(actor, null, null, null), 0);
        assertThat(newest.entries()).hasSize(AuditLog.PAGE_SIZE);
        assertThat(newest.more()).isTrue();
        assertThat(newest.entries().get(0).subjectId()).isEqualTo(String.valueOf(AuditLog.PAGE_SIZE));
        assertThat(newest.entries().get(0).at()).isEqualTo(first.plus(Duration.ofMinutes(AuditLog.PAGE_SIZE + 1)));
        AuditLog.Page oldest = audit.search(new AuditLog.Filter(actor, null, null, null), 1);
        assertThat(oldest.entries()).extracting(AuditEntry::subjectId).containsExactly("0");
        assertThat(oldest.more()).isFalse();

        // The third to the fifth minute, "to" excluded: entries 2 (even) and 3 (odd), then only the even one.
        Instant from = first.plus(Duration.ofMinutes(3));
        Instant to = first.plus(Duration.ofMinutes(5));
        assertThat(subjects(audit.search(new AuditLog.Filter(actor, "", from, to), 0))).containsExactly("3", "2");
        assertThat(subjects(audit.search(new AuditLog.Filter(actor, "TEST_EVEN", from, to), 0))).containsExactly("2");
        assertThat(subjects(audit.search(new AuditLog.Filter("nobody-" + actor, null, null, null), 0))).isEmpty();
    }

    private static List<String> subjects(AuditLog.Page page) {
        return page.entries().stream().map(AuditEntry::subjectId).toList();
    }
}
