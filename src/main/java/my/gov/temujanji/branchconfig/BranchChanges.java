package my.gov.temujanji.branchconfig;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.audit.AuditLog;
import my.gov.temujanji.booking.Appointment;
import my.gov.temujanji.booking.AppointmentManagement;
import my.gov.temujanji.catalogue.BranchSettings.OfferingSettings;
import my.gov.temujanji.catalogue.BranchSettings;
import my.gov.temujanji.catalogue.CatalogueChanges;
import my.gov.temujanji.platform.ApiProblem;
import my.gov.temujanji.platform.LocalizedText;
import my.gov.temujanji.platform.RetryOnConflict;
import my.gov.temujanji.schedule.Availability;
import my.gov.temujanji.schedule.ScheduleAdministration.Closure;
import my.gov.temujanji.schedule.ScheduleAdministration.SlotState;
import my.gov.temujanji.schedule.ScheduleAdministration;
import my.gov.temujanji.schedule.WeeklyHours;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changes to a branch's configuration, each in one transaction that never overbooks and never
 * cancels an appointment the administrator was not shown:
 * <ol>
 * <li>the branch's schedule lock is taken exclusively, so no place is taken at the branch meanwhile,
 * on any node;</li>
 * <li>the change is made and audited;</li>
 * <li>every future slot row with more places taken than the changed schedule allows is locked and
 * the excess freed: holds first, then appointments, latest booked first (each cancelled, e-mailed
 * through the outbox, audited);</li>
 * <li>the slot rows' capacity is lowered only then, so {@code taken <= capacity} always holds;</li>
 * <li>when an appointment had to be cancelled that is not among those the administrator confirmed,
 * everything is rolled back and the {@link Outcome} lists who would be affected, to be shown and
 * confirmed.</li>
 * </ol>
 * A first attempt confirms nothing, so it is the preview: it changes nothing when it would cancel
 * anyone, and the preview is exactly what the confirmation does.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class BranchChanges {

    /** An appointment a change cancels (or would): who, what and when. */
    public record Affected(String reference, String fullName, String serviceCode, LocalDate date, LocalTime start,
            LocalTime end) {

        static Affected of(Appointment a) {
            return new Affected(a.reference(), a.applicant().fullName(), a.serviceCode(), a.date(), a.start(), a.end());
        }
    }

    /** {@code applied}: committed; otherwise rolled back, and {@code affected} must be confirmed. */
    public record Outcome(boolean applied, List<Affected> affected) {

        List<String> references() {
            return affected.stream().map(Affected::reference).toList();
        }
    }

    private final ScheduleAdministration schedule;
    private final BranchSettings catalogue;
    private final CatalogueChanges catalogueChanges;
    private final AppointmentManagement cancellations;
    private final Availability availability;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    @RetryOnConflict
    Outcome changeHours(String branch, WeeklyHours hours, Set<String> confirmed, String staff) {
        return change(branch, confirmed, staff, "BRANCH_HOURS_CHANGED", () -> {
            Map<String, List<String>> before = describe(schedule.hours(branch));
            schedule.replaceHours(branch, hours);
            audit.record("BRANCH_HOURS_CHANGED", "branch", branch, branch, before, describe(hours));
        });
    }

    @RetryOnConflict
    Outcome changeOffering(String branch, OfferingSettings settings, Set<String> confirmed, String staff) {
        return change(branch, confirmed, staff, "OFFERING_CHANGED", () -> {
            OfferingSettings before = catalogue.settings(branch, settings.serviceCode()).orElseThrow();
            catalogue.update(branch, settings);
            audit.record("OFFERING_CHANGED", "offering", branch + "/" + settings.serviceCode(), branch,
                    offeringJson(before), offeringJson(settings));
        });
    }

    /**
     * The system administrator's form for an offering (a new one, or its slot length, places or switch):
     * the same one writer as the branch administrator's, so the slot rows already made follow the new
     * places and slot length, and appointments it would cancel are shown first.
     */
    @RetryOnConflict
    public Outcome saveOffering(CatalogueChanges.OfferingSettings settings, Set<String> confirmed, String staff) {
        String branch = settings.branchCode();
        return change(branch, confirmed, staff, "CATALOGUE_OFFERING_UPDATE", () -> {
            Optional<CatalogueChanges.OfferingSettings> before = catalogueChanges.save(settings);
            audit.record(before.isPresent() ? "CATALOGUE_OFFERING_UPDATE" : "CATALOGUE_OFFERING_CREATE", "offering",
                    branch + "/" + settings.serviceCode(), branch, before.orElse(null), settings);
        });
    }

    @RetryOnConflict
    Outcome addClosure(String branch, LocalDate day, LocalizedText name, Set<String> confirmed, String staff) {
        return change(branch, confirmed, staff, "CLOSURE_ADDED", () -> {
            Closure closure = schedule.addClosure(branch, day, name);
            audit.record("CLOSURE_ADDED", "closure", String.valueOf(closure.id()), branch, null, closureJson(closure));
        });
    }

    /** Removing a closure gives days back and cancels nothing; false when it is not the branch's. */
    @RetryOnConflict
    boolean removeClosure(String branch, long id) {
        boolean removed = Boolean.TRUE.equals(transactions.execute(status -> {
            schedule.lockBranch(branch);
            Optional<Closure> closure = schedule.removeClosure(branch, id);
            closure.ifPresent(c -> audit.record("CLOSURE_REMOVED", "closure", String.valueOf(c.id()), branch,
                    closureJson(c), null));
            return closure.isPresent();
        }));
        availability.forget(branch);
        if (removed) {
            events.publishEvent(new BranchScheduleChanged(branch));
        }
        return removed;
    }

    @RetryOnConflict
    void setLateGraceMinutes(String branch, int minutes) {
        transactions.executeWithoutResult(status -> {
            int before = catalogue.lateGraceMinutes(branch);
            catalogue.setLateGraceMinutes(branch, minutes);
            audit.record("BRANCH_LATE_GRACE_CHANGED", "branch", branch, branch, Map.of("lateGraceMinutes", before),
                    Map.of("lateGraceMinutes", minutes));
        });
    }

    private Outcome change(String branch, Set<String> confirmed, String staff, String cause, Runnable apply) {
        Outcome outcome = transactions.execute(status -> {
            schedule.lockBranch(branch);
            apply.run();
            List<Affected> affected = new ArrayList<>();
            List<Appointment> cancelled = new ArrayList<>();
            for (SlotState slot : schedule.futureSlots(branch)) {
                if (slot.excess() == 0) {
                    continue;
                }
                int excess = schedule.lockSlot(slot.id()) - slot.allowed();
                if (excess > 0) {
                    events.publishEvent(new SlotOverfilled(slot.id(), excess));
                    excess = schedule.lockSlot(slot.id()) - slot.allowed();
                }
                if (excess > 0) {
                    cancelled.addAll(cancellations.free(slot.id(), excess, staff));
                }
                if (schedule.lockSlot(slot.id()) > slot.allowed()) {
                    // What is left are applicants already checked in: they are served, never cancelled.
                    throw new ApiProblem(HttpStatus.CONFLICT, "CHECKED_IN_SLOT", slot.day(), slot.start());
                }
            }
            schedule.alignSlots(branch);
            cancelled.forEach(a -> affected.add(Affected.of(a)));
            if (!confirmed.containsAll(affected.stream().map(Affected::reference).toList())) {
                status.setRollbackOnly();
                return new Outcome(false, affected);
            }
            for (Appointment a : cancelled) {
                audit.record("APPOINTMENT_CANCELLED_BY_BRANCH", "appointment", a.reference(), branch,
                        Map.of("status", a.status().name(), "service", a.serviceCode(), "date", a.date().toString(),
                                "start", a.start().toString(), "end", a.end().toString()),
                        Map.of("status", "CANCELLED", "cause", cause));
            }
            return new Outcome(true, affected);
        });
        availability.forget(branch);
        if (outcome.applied()) {
            events.publishEvent(new BranchScheduleChanged(branch));
        }
        return outcome;
    }

    private static Map<String, List<String>> describe(WeeklyHours hours) {
        Map<String, List<String>> days = new LinkedHashMap<>();
        hours.intervals().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> days.put(
                e.getKey().name(), e.getValue().stream().map(i -> i.opens() + "-" + i.closes()).toList()));
        return days;
    }

    private static Map<String, Object> offeringJson(OfferingSettings s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("service", s.serviceCode());
        json.put("capacity", s.capacity());
        json.put("slotMinutes", s.slotMinutes());
        json.put("leadDays", s.leadDays());
        json.put("windowMonths", s.windowMonths());
        return json;
    }

    private static Map<String, Object> closureJson(Closure c) {
        return Map.of("day", c.day().toString(), "nameMs", c.name().ms(), "nameEn", c.name().en());
    }
}
