package my.gov.temujanji.opening.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.reports.AppointmentFigures;
import my.gov.temujanji.waitlist.Waitlists;
import my.gov.temujanji.fairaccess.Blocks;
import my.gov.temujanji.opening.internal.Releases.Release;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The public figures of each release (/statistik): per branch, the places the release's days offered
 * (counted at the draw), the confirmed tickets, the minutes from the opening until the last place was
 * booked (while every place is taken), the places of those days given back that went to the waitlist
 * rather than the public, and the places staff cancelled for abuse (the applicant is blocked).
 */
@Service
@RequiredArgsConstructor
class Statistics {

    static final int RELEASES = 14;

    record Row(String branch, int places, int tickets, Long minutesUntilFull, int toWaitlist,
            int cancelledForAbuse) {
    }

    record ReleaseFigures(Release release, LocalDate openedOn, String secret, List<Row> rows) {
    }

    private final Releases releases;
    private final JdbcClient jdbc;
    private final AppointmentFigures appointments;
    private final Blocks blocks;
    private final Clock clock;
    private final Waitlists waitlists;

    List<ReleaseFigures> latest() {
        Instant now = clock.instant();
        List<ReleaseFigures> figures = new ArrayList<>();
        for (Release release : releases.latest(RELEASES)) {
            figures.add(new ReleaseFigures(release, LocalDate.ofInstant(release.opensAt(), clock.getZone()),
                    release.publishedSecret(now), rows(release)));
        }
        return figures;
    }

    private List<Row> rows(Release release) {
        Map<String, Integer> places = jdbc.sql("SELECT branch_code, places FROM opening_release_branch WHERE release_id = ?")
                .param(release.id()).query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Map<String, Integer> tickets = jdbc.sql("""
                        SELECT branch_code, count(*) FROM opening_ticket
                        WHERE release_id = ? AND confirmed_at IS NOT NULL GROUP BY branch_code""")
                .param(release.id()).query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Map<String, AppointmentFigures.ReleaseFigures> booked = appointments
                .ofRelease(release.service(), release.first(), release.last()).stream()
                .collect(Collectors.toMap(AppointmentFigures.ReleaseFigures::branchCode, Function.identity()));
        Map<String, Long> abuse = appointments.cancelledByStaff(release.service(), release.first(), release.last())
                .stream().filter(c -> blocks.refusalOf(c.documentType(), c.documentNumber(), c.email()).isPresent())
                .collect(Collectors.groupingBy(AppointmentFigures.StaffCancellation::branchCode, Collectors.counting()));
        Map<String, Integer> toWaitlist = waitlists.placesOfferedToWaitlist(release.service(), release.first(),
                release.last());
        TreeSet<String> branches = new TreeSet<>(places.keySet());
        branches.addAll(tickets.keySet());
        List<Row> rows = new ArrayList<>();
        for (String branch : branches) {
            int offered = places.getOrDefault(branch, 0);
            AppointmentFigures.ReleaseFigures taken = booked.get(branch);
            Long minutes = taken != null && offered > 0 && taken.booked() >= offered
                    ? Math.max(0, Duration.between(release.opensAt(), taken.lastBookedAt()).toMinutes())
                    : null;
            rows.add(new Row(branch, offered, tickets.getOrDefault(branch, 0), minutes, toWaitlist.getOrDefault(branch, 0),
                    abuse.getOrDefault(branch, 0L).intValue()));
        }
        return rows;
    }
}
