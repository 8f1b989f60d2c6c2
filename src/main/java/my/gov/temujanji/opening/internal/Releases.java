package my.gov.temujanji.opening.internal;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.catalogue.Offering;
import my.gov.temujanji.catalogue.TransactionType;
import my.gov.temujanji.schedule.Availability;
import my.gov.temujanji.schedule.SlotAvailability;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The releases (table {@code opening_release}) and the draw. A release's row, with its secret, is made
 * by whichever node first needs it; the draw is one transaction holding the release's row, so it is
 * done once, whole or not at all, by whichever node gets there first after the opening.
 */
@Repository
@RequiredArgsConstructor
class Releases {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** {@code secret} is never shown before {@code opensAt} ({@link #publishedSecret}). */
    record Release(long id, String service, Instant opensAt, LocalDate first, LocalDate last, byte[] secret,
            String secretSha256, Instant drawnAt, int drawnCount) {

        boolean opened(Instant now) {
            return !now.isBefore(opensAt);
        }

        /** The secret in hex once the release has opened, else null. */
        String publishedSecret(Instant now) {
            return opened(now) ? HexFormat.of().formatHex(secret) : null;
        }
    }

    private static final String COLUMNS =
            "id, service_code, opens_at, first_day, last_day, secret, secret_sha256, drawn_at, drawn_count";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Catalogue catalogue;
    private final Availability availability;
    private final OpeningProperties properties;
    private final Clock clock;

    boolean waitingRoomOn(String service) {
        return jdbc.sql("SELECT waiting_room FROM opening_switch WHERE service_code = ?").param(service)
                .query(Boolean.class).optional().orElse(properties.waitingRoom());
    }

    /** Switches the waiting room of a transaction type; the previous setting, for the audit. */
    boolean switchWaitingRoom(String service, boolean on) {
        boolean before = waitingRoomOn(service);
        jdbc.sql("""
                        INSERT INTO opening_switch (service_code, waiting_room, changed_at) VALUES (?, ?, ?)
                        ON CONFLICT (service_code) DO UPDATE SET waiting_room = excluded.waiting_room,
                            changed_at = excluded.changed_at""")
                .params(service, on, Timestamp.from(clock.instant())).update();
        return before;
    }

    /**
     * Today's release of a transaction type while its waiting room takes tickets (from the configured
     * time before the opening to the end of the day), made now if no node has made it yet.
     */
    Optional<Release> current(String service) {
        Optional<TransactionType> type = catalogue.transactionTypes().stream().filter(t -> t.code().equals(service))
                .findFirst();
        if (type.isEmpty() || !waitingRoomOn(service)) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock);
        Instant opensAt = today.atTime(availability.openingTime()).atZone(clock.getZone()).toInstant();
        Optional<my.gov.temujanji.schedule.Release> days = my.gov.temujanji.schedule.Release.on(type.get(), today);
        if (days.isEmpty() || clock.instant().isBefore(opensAt.minus(properties.waitingRoomBefore()))) {
            return Optional.empty();
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        jdbc.sql("""
                        INSERT INTO opening_release (service_code, opens_at, first_day, last_day, secret, secret_sha256)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (service_code, opens_at) DO NOTHING""")
                .params(service, Timestamp.from(opensAt), days.get().first(), days.get().last(), secret,
                        DrawOrder.sha256(secret))
                .update();
        return jdbc.sql("SELECT " + COLUMNS + " FROM opening_release WHERE service_code = ? AND opens_at = ?")
                .params(service, Timestamp.from(opensAt)).query(Releases::release).optional();
    }

    Optional<Release> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM opening_release WHERE id = ?").param(id)
                .query(Releases::release).optional();
    }

    private Release lock(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM opening_release WHERE id = ? FOR UPDATE").param(id)
                .query(Releases::release).single();
    }

    /**
     * Draws the release once it has opened, unless a node did: every ticket confirmed before the opening
     * gets its place in the order of {@link DrawOrder}; the places each branch offers on the release's days
     * are counted for the statistics. The release as it is after, its row locked until the caller's commit.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Release draw(long id) {
        Release release = lock(id);
        Instant now = clock.instant();
        if (release.drawnAt() != null || !release.opened(now)) {
            return release;
        }
        List<UUID> tickets = jdbc.sql("""
                        SELECT id FROM opening_ticket
                        WHERE release_id = ? AND confirmed_at IS NOT NULL AND position IS NULL""")
                .param(id).query(UUID.class).list();
        List<UUID> order = DrawOrder.order(release.secret(), tickets);
        List<Object[]> positions = new ArrayList<>(order.size());
        for (int i = 0; i < order.size(); i++) {
            positions.add(new Object[] {i + 1, order.get(i)});
        }
        batch.batchUpdate("UPDATE opening_ticket SET position = ? WHERE id = ?", positions);
        jdbc.sql("UPDATE opening_release SET drawn_at = ?, drawn_count = ? WHERE id = ?")
                .params(Timestamp.from(now), order.size(), id).update();
        countPlaces(release);
        return lock(id);
    }

    private void countPlaces(Release release) {
        List<Offering> offerings = catalogue.allBranches().stream()
                .flatMap(branch -> catalogue.offering(branch.code(), release.service()).stream())
                .filter(Offering::offered).toList();
        for (Offering offering : offerings) {
            int places = 0;
            for (LocalDate day = release.first(); !day.isAfter(release.last()); day = day.plusDays(1)) {
                places += availability.slots(offering.branch().code(), release.service(), day).stream()
                        .mapToInt(SlotAvailability::capacity).sum();
            }
            jdbc.sql("INSERT INTO opening_release_branch (release_id, branch_code, places) VALUES (?, ?, ?)")
                    .params(release.id(), offering.branch().code(), places).update();
        }
    }

    /** The latest releases, newest first. */
    List<Release> latest(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM opening_release ORDER BY opens_at DESC, service_code LIMIT ?")
                .param(limit).query(Releases::release).list();
    }

    private static Release release(ResultSet rs, int n) throws SQLException {
        Timestamp drawn = rs.getTimestamp("drawn_at");
        return new Release(rs.getLong("id"), rs.getString("service_code"), rs.getTimestamp("opens_at").toInstant(),
                rs.getObject("first_day", LocalDate.class), rs.getObject("last_day", LocalDate.class),
                rs.getBytes("secret"), rs.getString("secret_sha256"), drawn == null ? null : drawn.toInstant(),
                rs.getInt("drawn_count"));
    }
}
