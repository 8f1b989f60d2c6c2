package my.gov.temujanji.schedule;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.platform.LocalizedText;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/branches/{branch}/services/{service}")
@Tag(name = "Availability", description = "Days and time slots (Tarikh temujanji, slot masa) that can be booked")
@RequiredArgsConstructor
class AvailabilityApiController {

    private final Availability availability;

    record DayView(LocalDate date, DayStatus status, LocalizedText reason, int placesLeft) {
    }

    record SlotView(@JsonFormat(pattern = "HH:mm") LocalTime start, @JsonFormat(pattern = "HH:mm") LocalTime end,
            int capacity, int placesLeft) {
    }

    @GetMapping("/days")
    @Operation(summary = "Each day of a range (at most 100 days): OPEN, FULL, CLOSED or NOT_BOOKABLE",
            description = "With groupSize (1 to 6, the applicant and the people they add), a day is OPEN only where "
                    + "the whole group fits in one slot or in slots right after one another; 400 INVALID_GROUP_SIZE.")
    List<DayView> days(@PathVariable String branch, @PathVariable String service,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "How many people book together (1 to 6)")
            @RequestParam(defaultValue = "1") int groupSize) {
        return availability.days(branch, service, from, to, groupSize).stream()
                .map(d -> new DayView(d.date(), d.status(), d.reason(), d.placesLeft()))
                .toList();
    }

    @GetMapping("/slots")
    @Operation(summary = "The time slots of one day with their capacity and places left; empty when the day cannot be booked",
            description = "With groupSize (1 to 6), only the slots a group of that size can start at: it fits in the "
                    + "slot, or in it and the slots right after it (POST /api/v1/groups seats it so); 400 INVALID_GROUP_SIZE.")
    List<SlotView> slots(@PathVariable String branch, @PathVariable String service,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @Parameter(description = "How many people book together (1 to 6)")
            @RequestParam(defaultValue = "1") int groupSize) {
        return availability.slots(branch, service, date, groupSize).stream()
                .map(s -> new SlotView(s.start(), s.end(), s.capacity(), s.placesLeft()))
                .toList();
    }
}
