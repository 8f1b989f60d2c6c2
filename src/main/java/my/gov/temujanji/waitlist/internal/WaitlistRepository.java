package my.gov.temujanji.waitlist.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.waitlist.WaitlistLength;
import my.gov.temujanji.waitlist.WaitlistMail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The waitlist's tables: entries, the places handed along it and their offers. */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class WaitlistRepository {

    private static final String ENTRY = """
            id, branch_code, service_code, first_day, last_day, part_of_day, document_type, document_number, email,
            language, state, code_expires_at, code_tries""";
    private static final String OFFER = """
            o.id, o.entry_id, o.deadline, o.state, p.id AS place_id, p.slot_id, p.branch_code, p.service_code, p.day,
            p.start_time, p.end_time FROM waitlist_offer o JOIN waitlist_place p ON p.id = o.place_id""";

    private final JdbcClient jdbc;

    /** Forgets an unconfirmed entry of this document and type whose code ran out: it holds nothing. */
    void deleteLapsedUnconfirmed(String documentType, String documentNumber, String serviceCode, Instant now) {
        jdbc.sql("""
                        DELETE FROM waitlist_entry WHERE document_type = ? AND document_number = ? AND service_code = ?
                          AND state = 'UNCONFIRMED' AND code_expires_at <= ?""")
                .params(documentType, documentNumber, serviceCode, Timestamp.from(now)).update();
    }

    /** False when the document already has an entry for the type that may still get a place. */
    boolean insert(Entry entry, String codeHash, Instant now) {
        return jdbc.sql("""
                        INSERT INTO waitlist_entry (id, branch_code, service_code, first_day, last_day, part_of_day,
                            document_type, document_number, email, language, state, code_hash, code_expires_at, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'UNCONFIRMED', ?, ?, ?)
                        ON CONFLICT (document_type, document_number, service_code)
                            WHERE state IN ('UNCONFIRMED', 'WAITING', 'OFFERED') DO NOTHING""")
                .params(entry.id(), entry.branchCode(), entry.serviceCode(), entry.firstDay(), entry.lastDay(),
                        entry.part().name(), entry.documentType(), entry.documentNumber(), entry.email(),
                        entry.language(), codeHash, Timestamp.from(entry.codeExpiresAt()), Timestamp.from(now))
                .update() == 1;
    }

    Optional<Entry> find(UUID id) {
        return jdbc.sql("SELECT " + ENTRY + " FROM waitlist_entry WHERE id = ?").param(id)
                .query((rs, n) -> entry(rs)).optional();
    }

    /** The entries of this document and address that may still get a place, oldest first. */
    List<Entry> findOpen(String documentNumber, String email) {
        return jdbc.sql("SELECT " + ENTRY + """
                         FROM waitlist_entry WHERE document_number = ? AND lower(email) = lower(?)
                        AND state IN ('UNCONFIRMED', 'WAITING', 'OFFERED') ORDER BY created_at""")
                .params(documentNumber, email).query((rs, n) -> entry(rs)).list();
    }

    /**
     * Counts one try at the entry's code, in one conditional update, and returns the code's hash; empty
     * when the entry waits for no code, its code ran out or every try is used.
     */
    Optional<String> countTry(UUID id, Instant now, int tries) {
        return jdbc.sql("""
                        UPDATE waitlist_entry SET code_tries = code_tries + 1
                        WHERE id = ? AND state = 'UNCONFIRMED' AND code_expires_at > ? AND code_tries < ?
                        RETURNING code_hash""")
                .params(id, Timestamp.from(now), tries).query(String.class).optional();
    }

    /** Puts a confirmed entry in the queue, behind every entry confirmed before it. */
    boolean confirm(UUID id) {
        return jdbc.sql("""
                        UPDATE waitlist_entry SET state = 'WAITING', code_hash = NULL,
                            queue_number = nextval('waitlist_queue_number')
                        WHERE id = ? AND state = 'UNCONFIRMED'""")
                .param(id).update() == 1;
    }

    /** The entry's place in its queue (1 for the next to be offered a place), counting the ones offered one now. */
    long position(Entry entry) {
        return jdbc.sql("""
                        SELECT count(*) FROM waitlist_entry w, waitlist_entry me
                        WHERE me.id = ? AND w.branch_code = me.branch_code AND w.service_code = me.service_code
                          AND w.state IN ('WAITING', 'OFFERED') AND w.queue_number <= me.queue_number""")
                .param(entry.id()).query(Long.class).single();
    }

    /** Sets the state of an entry that is in one of {@code from}; false when it was in none. */
    boolean moveEntry(UUID id, String to, String... from) {
        return jdbc.sql("UPDATE waitlist_entry SET state = ? WHERE id = ? AND state = ANY (?)")
                .params(to, id, from).update() == 1;
    }

    /**
     * Locks the first waiting entry in queue order that the place suits (branch, type, its range of days
     * and part of the day) and was never offered it. Rows another transaction is offering a place now are
     * skipped, not waited for; the state is read again on the row locked, so an entry offered a place a
     * moment ago is passed over.
     */
    Optional<Entry> lockFirstMatching(String branch, String service, LocalDate day, LocalTime start, Long placeId) {
        return jdbc.sql("SELECT " + ENTRY + """
                         FROM waitlist_entry w
                        WHERE state = 'WAITING' AND branch_code = :branch AND service_code = :service
                          AND :day BETWEEN first_day AND last_day
                          AND (part_of_day = 'ANY' OR (part_of_day = 'MORNING') = (:start < :noon))
                          AND NOT EXISTS (SELECT 1 FROM waitlist_offer o WHERE o.entry_id = w.id AND o.place_id = :place)
                        ORDER BY queue_number LIMIT 1 FOR UPDATE SKIP LOCKED""")
                .param("branch", branch).param("service", service).param("day", day).param("start", start)
                .param("noon", PartOfDay.NOON).param("place", placeId == null ? -1L : placeId)
                .query((rs, n) -> entry(rs)).optional();
    }

    /** The transaction types with entries waiting at the branch. */
    List<String> waitingServices(String branch) {
        return jdbc.sql("SELECT DISTINCT service_code FROM waitlist_entry WHERE branch_code = ? AND state = 'WAITING' "
                        + "ORDER BY 1")
                .param(branch).query(String.class).list();
    }

    /** The first entries waiting for a type at a branch, in queue order. */
    List<Entry> waiting(String branch, String service, int limit) {
        return jdbc.sql("SELECT " + ENTRY + """
                         FROM waitlist_entry WHERE branch_code = ? AND service_code = ? AND state = 'WAITING'
                        ORDER BY queue_number LIMIT ?""")
                .params(branch, service, limit).query((rs, n) -> entry(rs)).list();
    }

    /** Locks an entry while it waits; empty when it waits no more or another transaction is offering it a place. */
    Optional<Entry> lockWaiting(UUID id) {
        return jdbc.sql("SELECT " + ENTRY + " FROM waitlist_entry WHERE id = ? AND state = 'WAITING' "
                        + "FOR UPDATE SKIP LOCKED")
                .param(id).query((rs, n) -> entry(rs)).optional();
    }

    long insertPlace(long slotId, String branch, String service, LocalDate day, LocalTime start, LocalTime end,
            Instant now) {
        return jdbc.sql("""
                        INSERT INTO waitlist_place (slot_id, branch_code, service_code, day, start_time, end_time,
                            given_back_at, state)
                        VALUES (?, ?, ?, ?, ?, ?, ?, 'OFFERED') RETURNING id""")
                .params(slotId, branch, service, day, start, end, Timestamp.from(now)).query(Long.class).single();
    }

    void settlePlace(long placeId, String state, Instant now) {
        jdbc.sql("UPDATE waitlist_place SET state = ?, settled_at = ? WHERE id = ? AND state = 'OFFERED'")
                .params(state, Timestamp.from(now), placeId).update();
    }

    void insertOffer(UUID id, long placeId, UUID entryId, Instant now, Instant deadline) {
        jdbc.sql("""
                        INSERT INTO waitlist_offer (id, place_id, entry_id, offered_at, deadline, state)
                        VALUES (?, ?, ?, ?, ?, 'LIVE')""")
                .params(id, placeId, entryId, Timestamp.from(now), Timestamp.from(deadline)).update();
    }

    /** Ends a live offer; false when it was not live (settled meanwhile by another request or node). */
    boolean settleOffer(UUID id, String state) {
        return jdbc.sql("UPDATE waitlist_offer SET state = ? WHERE id = ? AND state = 'LIVE'")
                .params(state, id).update() == 1;
    }

    void accepted(UUID id, UUID holdId) {
        jdbc.sql("UPDATE waitlist_offer SET state = 'ACCEPTED', hold_id = ? WHERE id = ? AND state = 'LIVE'")
                .params(holdId, id).update();
    }

    Optional<UUID> holdOf(UUID offerId) {
        return jdbc.sql("SELECT hold_id FROM waitlist_offer WHERE id = ? AND hold_id IS NOT NULL").param(offerId)
                .query(UUID.class).optional();
    }

    Optional<Offer> findOffer(UUID id) {
        return jdbc.sql("SELECT " + OFFER + " WHERE o.id = ?").param(id).query((rs, n) -> offer(rs)).optional();
    }

    Optional<Offer> liveOfferOf(UUID entryId) {
        return jdbc.sql("SELECT " + OFFER + " WHERE o.entry_id = ? AND o.state = 'LIVE'").param(entryId)
                .query((rs, n) -> offer(rs)).optional();
    }

    /** Locks a live offer, waiting for a request or node settling it now; empty once it is not live. */
    Optional<Offer> lockLive(UUID id) {
        return jdbc.sql("SELECT " + OFFER + " WHERE o.id = ? AND o.state = 'LIVE' FOR UPDATE OF o")
                .param(id).query((rs, n) -> offer(rs)).optional();
    }

    /** Locks up to {@code limit} live offers of places held in a slot, the latest made first. */
    List<Offer> lockLiveIn(long slotId, int limit) {
        return jdbc.sql("SELECT " + OFFER + " WHERE p.slot_id = ? AND o.state = 'LIVE' ORDER BY o.offered_at DESC "
                        + "LIMIT ? FOR UPDATE OF o")
                .params(slotId, limit).query((rs, n) -> offer(rs)).list();
    }

    /** Live offers past their deadline, oldest first, read without locks: each is claimed on its own. */
    List<Offer> due(Instant now, int limit) {
        return jdbc.sql("SELECT " + OFFER + " WHERE o.state = 'LIVE' AND o.deadline <= ? ORDER BY o.deadline LIMIT ?")
                .params(Timestamp.from(now), limit).query((rs, n) -> offer(rs)).list();
    }

    /** Claims a lapsed offer for this node alone: another node settling it now is skipped, not waited for. */
    Optional<Offer> claimLapsed(UUID id, Instant now) {
        return jdbc.sql("SELECT " + OFFER + " WHERE o.id = ? AND o.state = 'LIVE' AND o.deadline <= ? "
                        + "FOR UPDATE OF o SKIP LOCKED")
                .params(id, Timestamp.from(now)).query((rs, n) -> offer(rs)).optional();
    }

    public Map<String, Integer> placesOffered(String service, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT branch_code, count(*)::int FROM waitlist_place WHERE service_code = ? "
                        + "AND day BETWEEN ? AND ? GROUP BY branch_code")
                .params(service, from, to)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public List<WaitlistLength> lengths(List<String> branches) {
        return jdbc.sql("""
                        SELECT branch_code, service_code, count(*) FILTER (WHERE state = 'WAITING') AS waiting,
                            count(*) FILTER (WHERE state = 'OFFERED') AS offered
                        FROM waitlist_entry
                        WHERE state IN ('WAITING', 'OFFERED') AND (CAST(? AS text[]) IS NULL OR branch_code = ANY (?))
                        GROUP BY branch_code, service_code ORDER BY branch_code, service_code""")
                .params(array(branches), array(branches))
                .query((rs, n) -> new WaitlistLength(rs.getString("branch_code"), rs.getString("service_code"),
                        rs.getLong("waiting"), rs.getLong("offered")))
                .list();
    }

    private static String[] array(List<String> values) {
        return values == null ? null : values.toArray(String[]::new);
    }

    public boolean enabled(String service) {
        return jdbc.sql("SELECT coalesce((SELECT enabled FROM waitlist_setting WHERE service_code = ?), true)")
                .param(service).query(Boolean.class).single();
    }

    /** Switches the type's waitlist; returns whether it was on. */
    boolean setEnabled(String service, boolean enabled) {
        boolean before = enabled(service);
        jdbc.sql("""
                        INSERT INTO waitlist_setting (service_code, enabled) VALUES (?, ?)
                        ON CONFLICT (service_code) DO UPDATE SET enabled = EXCLUDED.enabled""")
                .params(service, enabled).update();
        return before;
    }

    /** The e-mail about an entry (its code) or an offer, as it would be written now. */
    public Optional<WaitlistMail> mail(UUID subject) {
        Optional<WaitlistMail> offer = jdbc.sql("SELECT " + OFFER.replace(" FROM", ", e.first_day, e.last_day FROM")
                        + " JOIN waitlist_entry e ON e.id = o.entry_id WHERE o.id = ?")
                .param(subject)
                .query((rs, n) -> {
                    Offer o = offer(rs);
                    return new WaitlistMail(o.place().branchCode(), o.place().serviceCode(),
                            rs.getObject("first_day", LocalDate.class), rs.getObject("last_day", LocalDate.class),
                            o.place().day(), o.place().start(), o.place().end(), o.deadline(),
                            "/waitlist/offers/" + o.id(), "LIVE".equals(o.state()) ? null : "offer " + o.state());
                })
                .optional();
        if (offer.isPresent()) {
            return offer;
        }
        return find(subject).map(e -> new WaitlistMail(e.branchCode(), e.serviceCode(), e.firstDay(), e.lastDay(),
                null, null, null, e.codeExpiresAt(), "/waitlist/" + e.id() + "/confirm",
                "UNCONFIRMED".equals(e.state()) ? null : "entry " + e.state()));
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        return new Entry(rs.getObject("id", UUID.class), rs.getString("branch_code"), rs.getString("service_code"),
                rs.getObject("first_day", LocalDate.class), rs.getObject("last_day", LocalDate.class),
                PartOfDay.valueOf(rs.getString("part_of_day")), rs.getString("document_type"),
                rs.getString("document_number"), rs.getString("email"), rs.getString("language"),
                rs.getString("state"), rs.getTimestamp("code_expires_at").toInstant(), rs.getInt("code_tries"));
    }

    private static Offer offer(ResultSet rs) throws SQLException {
        return new Offer(rs.getObject("id", UUID.class), rs.getObject("entry_id", UUID.class),
                rs.getTimestamp("deadline").toInstant(), rs.getString("state"),
                new Offer.Place(rs.getLong("place_id"), rs.getLong("slot_id"), rs.getString("branch_code"),
                        rs.getString("service_code"), rs.getObject("day", LocalDate.class),
                        rs.getObject("start_time", LocalTime.class), rs.getObject("end_time", LocalTime.class)));
    }
}
