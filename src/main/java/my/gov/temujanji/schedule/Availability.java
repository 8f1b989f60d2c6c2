package my.gov.temujanji.schedule;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.catalogue.Offering;
import my.gov.temujanji.platform.ApiProblem;
import my.gov.temujanji.platform.LocalizedText;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Live availability of a branch's transaction type, computed from the branch's own hours, its
 * state's weekend and its closures, and the places taken in the slot inventory.
 *
 * <p>What applicants are shown is kept for a moment ({@code temujanji.availability.cache-ttl},
 * default one second) because thousands ask for the same days when a date opens, and the branch data
 * it is computed from (hours, closures, the offering) for a minute
 * ({@code temujanji.availability.reference-cache-ttl}), so a new closure shows within a minute. It only informs:
 * whether a place can be taken is decided by PostgreSQL in {@link SlotInventory}, which never reads
 * this cache, so a node's cache can be a second stale but never gives a place twice. The same holds
 * for the replicas the days and slots are read from when configured ({@link my.gov.temujanji.platform.ReplicaReads}).
 */
@Service
public class Availability {

    /** The longest range one request may ask for. */
    public static final int MAX_RANGE_DAYS = 100;

    /**
     * A question asked at one minute: answers change with the minute (slots that began, the window).
     * {@code group}: how many people must fit (issue 19), 1 for one person.
     */
    private record Question(String branch, String service, LocalDate from, LocalDate to, long minute, int group) {
    }

    private final Catalogue catalogue;
    private final ScheduleRepository repository;
    private final MessageSource messages;
    private final Clock clock;
    private final LocalTime openingTime;
    private final Cache<Question, List<DayAvailability>> dayAnswers;
    private final Cache<Question, List<SlotAvailability>> slotAnswers;
    private final Cache<Question, Offering> offerings;
    private final Cache<Question, BranchCalendar> calendars;

    Availability(Catalogue catalogue, ScheduleRepository repository, MessageSource messages, Clock clock,
            @Value("${temujanji.availability.cache-ttl:1s}") Duration cacheTtl,
            @Value("${temujanji.availability.reference-cache-ttl:1m}") Duration referenceTtl,
            @Value("${temujanji.booking.opening-time:08:00}") LocalTime openingTime) {
        this.openingTime = openingTime;
        this.catalogue = catalogue;
        this.repository = repository;
        this.messages = messages;
        this.clock = clock;
        this.dayAnswers = answers(cacheTtl, clock);
        this.slotAnswers = answers(cacheTtl, clock);
        this.offerings = answers(referenceTtl, clock);
        this.calendars = answers(referenceTtl, clock);
    }

    private static <V> Cache<Question, V> answers(Duration ttl, Clock clock) {
        return Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumSize(ttl.isZero() ? 0 : 20_000)
                .ticker(() -> clock.millis() * 1_000_000)
                .executor(Runnable::run) // evict in the caller's thread: a zero TTL then never serves an old answer
                .build();
    }

    /**
     * Forgets what this node keeps of a branch, after its schedule changed: its pages show the change at
     * once; other nodes within their cache times. Bookings never depend on it ({@link SlotInventory}).
     */
    public void forget(String branchCode) {
        for (Cache<Question, ?> cache : List.of(dayAnswers, slotAnswers, offerings, calendars)) {
            cache.asMap().keySet().removeIf(q -> q.branch().equals(branchCode));
        }
    }

    public List<DayAvailability> days(String branchCode, String serviceCode, LocalDate from, LocalDate to) {
        return days(branchCode, serviceCode, from, to, 1);
    }

    /**
     * The days of a range as a group of {@code group} people sees them: a day is OPEN only where the whole
     * group fits in one slot or in slots right after one another ({@link GroupSeating}), else FULL; its
     * places left are the day's, as for one person. 400 {@code INVALID_GROUP_SIZE} outside 1 to 6.
     */
    public List<DayAvailability> days(String branchCode, String serviceCode, LocalDate from, LocalDate to, int group) {
        requireGroupSize(group);
        if (to.isBefore(from)) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "INVALID_RANGE", from, to);
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_RANGE_DAYS) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "RANGE_TOO_LONG", MAX_RANGE_DAYS);
        }
        return dayAnswers.get(question(branchCode, serviceCode, from, to, group),
                q -> computeDays(branchCode, serviceCode, from, to, group));
    }

    private static void requireGroupSize(int group) {
        if (group < 1 || group > GroupSeating.MAX_GROUP) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "INVALID_GROUP_SIZE", GroupSeating.MAX_GROUP);
        }
    }

    private List<DayAvailability> computeDays(String branchCode, String serviceCode, LocalDate from, LocalDate to,
            int group) {
        Offering offering = shownOffering(branchCode, serviceCode);
        BookingWindow window = BookingWindow.of(offering.type(), clock, openingTime);
        BranchCalendar calendar = shownCalendar(branchCode, from, to);
        Map<LocalDate, Map<LocalTime, ScheduleRepository.SlotRow>> rows =
                repository.shownSlotRows(branchCode, serviceCode, from, to, clock.instant());
        List<DayAvailability> days = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            days.add(day(offering, window, calendar, date, rows.getOrDefault(date, Map.of()), group));
        }
        return days;
    }

    public DayAvailability day(String branchCode, String serviceCode, LocalDate date) {
        return day(branchCode, serviceCode, date, 1);
    }

    /** One day as a group of {@code group} people sees it ({@link #days(String, String, LocalDate, LocalDate, int)}). */
    public DayAvailability day(String branchCode, String serviceCode, LocalDate date, int group) {
        return days(branchCode, serviceCode, date, date, group).get(0);
    }

    /** The slots of one day; none when the day is closed or not bookable. */
    public List<SlotAvailability> slots(String branchCode, String serviceCode, LocalDate date) {
        return slots(branchCode, serviceCode, date, 1);
    }

    /**
     * The slots of one day a group of {@code group} people can start at: the whole group fits in it, or
     * in it and the slots right after it ({@link GroupSeating}). 400 {@code INVALID_GROUP_SIZE} outside 1 to 6.
     */
    public List<SlotAvailability> slots(String branchCode, String serviceCode, LocalDate date, int group) {
        requireGroupSize(group);
        return slotAnswers.get(question(branchCode, serviceCode, date, date, group), q -> {
            List<SlotAvailability> day = computeSlots(branchCode, serviceCode, date);
            return group == 1 ? day : day.stream().filter(slot -> GroupSeating.fits(day, slot.start(), group)).toList();
        });
    }

    /**
     * The offering as shown to applicants: one deactivated meanwhile may still be shown for the
     * reference cache's time, but {@link SlotInventory#take} reads it fresh and refuses it.
     */
    private Offering shownOffering(String branchCode, String serviceCode) {
        return offerings.get(new Question(branchCode, serviceCode, null, null, 0, 1),
                q -> catalogue.requireOffered(branchCode, serviceCode));
    }

    private BranchCalendar shownCalendar(String branchCode, LocalDate from, LocalDate to) {
        return calendars.get(new Question(branchCode, null, from, to, 0, 1), q -> repository.shownCalendar(branchCode, from, to));
    }

    private Question question(String branchCode, String serviceCode, LocalDate from, LocalDate to, int group) {
        return new Question(branchCode, serviceCode, from, to, clock.millis() / 60_000, group);
    }

    private List<SlotAvailability> computeSlots(String branchCode, String serviceCode, LocalDate date) {
        Offering offering = shownOffering(branchCode, serviceCode);
        BookingWindow window = BookingWindow.of(offering.type(), clock, openingTime);
        BranchCalendar calendar = shownCalendar(branchCode, date, date);
        if (closedOrNotBookable(offering, window, calendar, date) != null) {
            return List.of();
        }
        return slotsOf(offering, window, calendar, date, repository.shownSlotRows(branchCode, serviceCode, date, date, clock.instant())
                .getOrDefault(date, Map.of()));
    }

    /** The slot of the schedule that starts at {@code start}, if that day and slot can be booked now. */
    SlotAvailability bookableSlot(Offering offering, LocalDate date, LocalTime start) {
        return bookableSlots(offering, date).stream()
                .filter(slot -> slot.start().equals(start))
                .findFirst()
                .orElse(null);
    }

    /** The slots of the schedule that can be booked now on that day, read fresh, in time order. */
    List<SlotAvailability> bookableSlots(Offering offering, LocalDate date) {
        BookingWindow window = BookingWindow.of(offering.type(), clock, openingTime);
        BranchCalendar calendar = repository.calendar(offering.branch().code(), date, date);
        if (closedOrNotBookable(offering, window, calendar, date) != null) {
            return List.of();
        }
        return slotsOf(offering, window, calendar, date, Map.of());
    }

    private DayAvailability day(Offering offering, BookingWindow window, BranchCalendar calendar, LocalDate date,
            Map<LocalTime, ScheduleRepository.SlotRow> rows, int group) {
        DayAvailability unavailable = closedOrNotBookable(offering, window, calendar, date);
        if (unavailable != null) {
            return unavailable;
        }
        List<SlotAvailability> slots = slotsOf(offering, window, calendar, date, rows);
        int placesLeft = slots.stream().mapToInt(SlotAvailability::placesLeft).sum();
        if (slots.isEmpty()) {
            return new DayAvailability(date, DayStatus.NOT_BOOKABLE, reason("day.reason.tooLate"), 0);
        }
        boolean fits = group == 1 ? placesLeft > 0 : slots.stream().anyMatch(s -> GroupSeating.fits(slots, s.start(), group));
        return new DayAvailability(date, fits ? DayStatus.OPEN : DayStatus.FULL, null, placesLeft);
    }

    /** The day's status when no slot of it can be offered, or null when it has slots. */
    private DayAvailability closedOrNotBookable(Offering offering, BookingWindow window, BranchCalendar calendar,
            LocalDate date) {
        if (window.tooSoon(date)) {
            return new DayAvailability(date, DayStatus.NOT_BOOKABLE, date.isBefore(window.now().toLocalDate())
                    ? reason("day.reason.past")
                    : reason("day.reason.tooSoon", offering.type().leadDays()), 0);
        }
        if (window.opensLaterToday(date)) {
            return new DayAvailability(date, DayStatus.NOT_BOOKABLE, opensAt(window.now().toLocalDate()), 0);
        }
        if (window.tooFar(date)) {
            return new DayAvailability(date, DayStatus.NOT_BOOKABLE,
                    reason("day.reason.tooFar", offering.type().windowMonths()), 0);
        }
        LocalizedText closure = calendar.closures().get(date);
        if (closure != null) {
            return new DayAvailability(date, DayStatus.CLOSED, closure, 0);
        }
        DayOfWeek weekday = date.getDayOfWeek();
        if (!calendar.hours().opensOn(weekday) || calendar.hours().slotsOn(weekday, offering.slotMinutes()).isEmpty()) {
            return new DayAvailability(date, DayStatus.CLOSED, calendar.weekend().contains(weekday)
                    ? reason("day.reason.weekend")
                    : reason("day.reason.noHours"), 0);
        }
        return null;
    }

    private List<SlotAvailability> slotsOf(Offering offering, BookingWindow window, BranchCalendar calendar,
            LocalDate date, Map<LocalTime, ScheduleRepository.SlotRow> rows) {
        boolean today = date.equals(window.now().toLocalDate());
        LocalTime now = window.now().toLocalTime();
        List<SlotAvailability> slots = new ArrayList<>();
        for (WeeklyHours.Interval slot : calendar.hours().slotsOn(date.getDayOfWeek(), offering.slotMinutes())) {
            if (today && !slot.opens().isAfter(now)) {
                continue; // a slot that has begun can no longer be booked
            }
            ScheduleRepository.SlotRow row = rows.get(slot.opens());
            int capacity = row != null ? row.capacity() : offering.capacity();
            int taken = row != null ? row.taken() : 0;
            slots.add(new SlotAvailability(slot.opens(), slot.closes(), capacity, Math.max(0, capacity - taken)));
        }
        return slots;
    }

    /** "Opens at 08:00 on 13 July 2026", in both languages. */
    private LocalizedText opensAt(LocalDate day) {
        return new LocalizedText(opensAt(day, LocalizedText.MALAY), opensAt(day, Locale.ENGLISH));
    }

    private String opensAt(LocalDate day, Locale locale) {
        return messages.getMessage("day.reason.opensAt",
                new Object[] {openingTime.toString(), DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(day)},
                locale);
    }

    /** When, each day, the booking window moves one day forward (branch time). */
    public LocalTime openingTime() {
        return openingTime;
    }

    private LocalizedText reason(String key, Object... arguments) {
        return LocalizedText.of(messages, key, arguments);
    }
}
