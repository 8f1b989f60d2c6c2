package my.gov.temujanji.waitlist.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.branchconfig.BranchScheduleChanged;
import my.gov.temujanji.platform.ApiProblem;
import my.gov.temujanji.schedule.Availability;
import my.gov.temujanji.schedule.DayAvailability;
import my.gov.temujanji.schedule.DayStatus;
import my.gov.temujanji.schedule.SlotAvailability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Places a change of a branch's schedule frees (more places, a closure lifted, longer hours) go first
 * to those waiting: right after the change commits, each waiting entry in queue order is offered the
 * first free place its range and part of the day suit. What is free is read from the availability
 * (it only suggests); each place is taken by the inventory, which decides.
 */
@Component
@RequiredArgsConstructor
class FreePlaces {

    private static final Logger log = LoggerFactory.getLogger(FreePlaces.class);
    /** Entries served per branch and type at one change: the rest wait for the next place. */
    private static final int BATCH = 500;

    /** A slot with places the availability shows free, counted down as they are offered. */
    private static final class Free {
        final LocalDate day;
        final LocalTime start;
        int left;

        Free(LocalDate day, SlotAvailability slot) {
            this.day = day;
            this.start = slot.start();
            this.left = slot.placesLeft();
        }
    }

    private final WaitlistRepository repository;
    private final Availability availability;
    private final Offers offers;

    @EventListener
    void on(BranchScheduleChanged changed) {
        try {
            offer(changed.branchCode());
        } catch (RuntimeException e) {
            // The change is committed; places not offered now stay with the public, as without a waitlist.
            log.warn("Waitlist: could not offer the places freed at {}: {}", changed.branchCode(), e.toString());
        }
    }

    private void offer(String branch) {
        for (String service : repository.waitingServices(branch)) {
            if (!repository.enabled(service)) {
                continue;
            }
            List<Entry> waiting = repository.waiting(branch, service, BATCH);
            List<Free> free = free(branch, service, waiting);
            for (Entry entry : waiting) {
                for (Free place : free) {
                    if (place.left > 0 && !place.day.isBefore(entry.firstDay()) && !place.day.isAfter(entry.lastDay())
                            && entry.part().includes(place.start) && offered(entry, branch, service, place)) {
                        break;
                    }
                }
            }
        }
    }

    /** Whether the entry was offered the place; a place found taken meanwhile is crossed off. */
    private boolean offered(Entry entry, String branch, String service, Free place) {
        try {
            boolean offered = offers.offerFree(entry.id(), branch, service, place.day, place.start);
            place.left -= offered ? 1 : 0;
            return offered;
        } catch (ApiProblem gone) {
            place.left = 0;
            return false;
        }
    }

    private List<Free> free(String branch, String service, List<Entry> waiting) {
        if (waiting.isEmpty()) {
            return List.of();
        }
        LocalDate from = waiting.stream().map(Entry::firstDay).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate last = waiting.stream().map(Entry::lastDay).max(Comparator.naturalOrder()).orElseThrow();
        LocalDate to = last.isAfter(from.plusDays(Availability.MAX_RANGE_DAYS - 1))
                ? from.plusDays(Availability.MAX_RANGE_DAYS - 1) : last;
        List<Free> free = new ArrayList<>();
        for (DayAvailability day : availability.days(branch, service, from, to)) {
            if (day.status() == DayStatus.OPEN) {
                availability.slots(branch, service, day.date()).stream().filter(s -> s.placesLeft() > 0)
                        .forEach(s -> free.add(new Free(day.date(), s)));
            }
        }
        return free;
    }
}
