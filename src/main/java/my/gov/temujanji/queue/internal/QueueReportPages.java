package my.gov.temujanji.queue.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.platform.ApiProblem;
import my.gov.temujanji.platform.Pages;
import my.gov.temujanji.staff.CurrentStaff;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The queue report of a branch: waiting and service times per type, counter and hour, on a page and as CSV. */
@Controller
@RequiredArgsConstructor
class QueueReportPages {

    static final String PATH = QueuePages.ROOT + "/{branch}/report";
    /** The longest period one report covers. */
    static final int MAX_DAYS = 92;

    private final CurrentStaff current;
    private final Catalogue catalogue;
    private final QueueReports reports;
    private final QueueTexts texts;
    private final Clock clock;

    @GetMapping(PATH)
    String report(@PathVariable String branch, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, Model model, Locale locale, HttpServletResponse response) {
        current.get().requireBranch(branch);
        LocalDate[] period = period(from, to);
        model.addAttribute("branch", catalogue.requireBranch(branch));
        model.addAttribute("from", period[0]);
        model.addAttribute("to", period[1]);
        model.addAttribute("rows", reports.of(branch, period[0], period[1]));
        model.addAttribute("names", texts.serviceNames(branch, locale));
        Pages.noStore(response);
        return "queue/report";
    }

    @GetMapping(PATH + ".csv")
    ResponseEntity<byte[]> csv(@PathVariable String branch, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        current.get().requireBranch(branch);
        catalogue.requireBranch(branch);
        LocalDate[] period = period(from, to);
        StringBuilder csv = new StringBuilder(
                "group,key,numbers,served,absent,mean_wait_minutes,longest_wait_minutes,mean_service_minutes\r\n");
        for (QueueReports.Row row : reports.of(branch, period[0], period[1])) {
            csv.append(String.join(",", List.of(row.by().name(), row.key(), Integer.toString(row.numbers()),
                    Integer.toString(row.served()), Integer.toString(row.absent()), number(row.meanWaitMinutes()),
                    number(row.longestWaitMinutes()), number(row.meanServiceMinutes())))).append("\r\n");
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("queue-" + branch + "-" + period[0] + "-" + period[1] + ".csv").build().toString())
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private LocalDate[] period(String from, String to) {
        LocalDate today = LocalDate.now(clock);
        try {
            LocalDate start = from == null || from.isBlank() ? today : LocalDate.parse(from);
            LocalDate end = to == null || to.isBlank() ? start : LocalDate.parse(to);
            if (end.isBefore(start) || start.plusDays(MAX_DAYS).isBefore(end)) {
                throw new ApiProblem(HttpStatus.BAD_REQUEST, "QUEUE_REPORT_PERIOD");
            }
            return new LocalDate[] {start, end};
        } catch (DateTimeParseException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "QUEUE_REPORT_PERIOD");
        }
    }

    private static String number(Double value) {
        return value == null ? "" : value.toString();
    }
}
