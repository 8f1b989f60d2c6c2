package my.gov.temujanji.selfservice;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The manage flow's short-lived server-side draft (table {@code manage_draft}): the reference and
 * document number of a successful look-up, under a random id ({@link UUID#randomUUID()}, 122 bits from
 * {@code SecureRandom}) that the following pages carry in their addresses. Kept in PostgreSQL so that
 * any node serves the next page. Each use keeps it {@link #LIFETIME} longer; expired rows are deleted
 * when a new one is made.
 */
@Component
@RequiredArgsConstructor
class ManageDrafts {

    /** As long as a staff session's idle time: long enough to choose a new date, short for a shared phone. */
    static final Duration LIFETIME = Duration.ofMinutes(30);

    record Draft(UUID id, String reference, String documentNumber) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    UUID open(String reference, String documentNumber) {
        Instant now = clock.instant();
        jdbc.sql("DELETE FROM manage_draft WHERE expires_at <= ?").param(Timestamp.from(now)).update();
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO manage_draft (id, reference, document_number, expires_at) VALUES (?, ?, ?, ?)")
                .params(id, reference, documentNumber, Timestamp.from(now.plus(LIFETIME))).update();
        return id;
    }

    /** The draft while it lives, its lifetime renewed in the same statement; empty once expired or unknown. */
    Optional<Draft> use(UUID id) {
        Instant now = clock.instant();
        return jdbc.sql("""
                        UPDATE manage_draft SET expires_at = ? WHERE id = ? AND expires_at > ?
                        RETURNING reference, document_number""")
                .params(Timestamp.from(now.plus(LIFETIME)), id, Timestamp.from(now))
                .query((rs, n) -> new Draft(id, rs.getString("reference"), rs.getString("document_number")))
                .optional();
    }
}
