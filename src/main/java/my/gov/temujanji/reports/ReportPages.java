package my.gov.temujanji.reports;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import my.gov.temujanji.catalogue.Branch;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.platform.ApiProblem;
import my.gov.temujanji.platform.FormErrors;
import my.gov.temujanji.staff.CurrentStaff;
import my.gov.temujanji.staff.Role;
import my.gov.temujanji.staff.StaffBranches;
import my.gov.temujanji.staff.StaffLink;
import my.gov.temujanji.staff.StaffMember;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /staff/reports}: the figures of a period (by default the last 7 days and the next 7) for one
 * branch or every branch the reader may see, with a chart and a CSV export of the same figures
 * ({@code /staff/reports.csv}, same parameters). Another branch's code is a 403.
 */
@Controller
class ReportPages {

    static final String PATH = "/staff/reports";
    static final String CSV_PATH = "/staff/reports.csv";
    private static final int DEFAULT_DAYS_EACH_SIDE = 7;

    private final Reports reports;
    private final Catalogue catalogue;
    private final CurrentStaff current;
    private final StaffBranches branchesSeen;
    private final MessageSource messages;
    private final Clock clock;

    ReportPages(Reports reports, Catalogue catalogue, CurrentStaff current, StaffBranches branchesSeen,
            MessageSource messages, Clock clock) {
        this.reports = reports;
        this.catalogue = catalogue;
        this.current = current;
        this.branchesSeen = branchesSeen;
        this.messages = messages;
        this.clock = clock;
    }

    @Bean
    static StaffLink reportsLink() {
        return new StaffLink(PATH, "reports.nav", "reports.nav.hint", Role.OFFICER, 70);
    }

    /** What the reader asked for, checked: the branches in scope and the period. */
    private record Question(String branch, String from, String to, List<Branch> branches, LocalDate fromDay,
            LocalDate toDay, FormErrors errors) {
    }

    @GetMapping(PATH)
    String page(@RequestParam(defaultValue = "") String branch, @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to, Model model, Locale locale) {
        Question question = question(branch, from, to, locale);
        model.addAttribute("branch", question.branch());
        model.addAttribute("from", question.from());
        model.addAttribute("to", question.to());
        model.addAttribute("choices", branchesSeen.visible(current.get()));
        model.addAttribute("maxDays", Reports.MAX_DAYS);
        model.addAttribute("formErrors", question.errors());
        model.addAttribute("pageUrl", url(PATH, question));
        if (!question.errors().any()) {
            Report report = reports.of(question.branches(), question.fromDay(), question.toDay());
            model.addAttribute("report", report);
            model.addAttribute("chart", ReportChart.of(report.days()));
            model.addAttribute("csvUrl", url(CSV_PATH, question));
        }
        return "reports/report";
    }

    /**
     * The same figures as CSV, for Excel: UTF-8 with a byte order mark (without it, Excel on Windows in
     * Malaysia reads a CSV in the ANSI code page and garbles any character outside ASCII), comma
     * separated, CRLF lines, dates ISO 8601. Text cells that a spreadsheet would take for a formula
     * get a leading apostrophe.
     */
    @GetMapping(CSV_PATH)
    void csv(@RequestParam(defaultValue = "") String branch, @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to, Locale locale, HttpServletResponse response) throws IOException {
        Question question = question(branch, from, to, locale);
        if (question.errors().any()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "INVALID_REPORT", question.errors().entries().get(0).text());
        }
        Report report = reports.of(question.branches(), question.fromDay(), question.toDay());
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("temujanji-" + (question.branch().isEmpty() ? "all" : question.branch()) + "-"
                        + question.fromDay() + "-" + question.toDay() + ".csv")
                .build().toString());
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL)) {
            csv.printRecord(List.of("branch", "branchName", "date", "capacity", "booked", "checkedIn", "late", "noShow",
                    "cancelled").stream().map(k -> text("reports.column." + k, locale)).toList());
            for (Report.Row row : report.rows()) {
                Report.Figures f = row.figures();
                csv.printRecord(safe(row.branchCode()), safe(row.branchName().in(locale)), row.day().toString(),
                        f.capacity(), f.booked(), f.checkedIn(), f.late(), f.noShow(), f.cancelled());
            }
        }
    }

    /**
     * A text cell a spreadsheet will not run: one starting with {@code = + - @}, a tab or a carriage
     * return is prefixed with an apostrophe (OWASP's advice on CSV injection).
     */
    static String safe(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private Question question(String branch, String from, String to, Locale locale) {
        StaffMember member = current.get();
        String code = branch.strip();
        List<Branch> branches;
        if (code.isEmpty()) {
            branches = branchesSeen.visible(member);
        } else {
            member.requireBranch(code); // another branch's code is refused before anything is read
            branches = List.of(catalogue.branch(code).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "NOT_FOUND")));
        }
        LocalDate today = LocalDate.now(clock);
        List<FormErrors.Entry> errors = new ArrayList<>();
        LocalDate fromDay = day(from, today.minusDays(DEFAULT_DAYS_EACH_SIDE), "from", errors, locale);
        LocalDate toDay = day(to, today.plusDays(DEFAULT_DAYS_EACH_SIDE), "to", errors, locale);
        if (fromDay != null && toDay != null) {
            if (toDay.isBefore(fromDay)) {
                errors.add(new FormErrors.Entry("to", text("reports.error.order", locale)));
            } else if (ChronoUnit.DAYS.between(fromDay, toDay) + 1 > Reports.MAX_DAYS) {
                errors.add(new FormErrors.Entry("to", messages.getMessage("reports.error.long",
                        new Object[] {Reports.MAX_DAYS}, locale)));
            }
        }
        return new Question(code, from.isBlank() && fromDay != null ? fromDay.toString() : from.strip(),
                to.isBlank() && toDay != null ? toDay.toString() : to.strip(), branches, fromDay, toDay,
                new FormErrors(errors));
    }

    private LocalDate day(String text, LocalDate fallback, String field, List<FormErrors.Entry> errors, Locale locale) {
        if (text.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FormErrors.Entry(field, text("reports.error.date", locale)));
            return null;
        }
    }

    private static String url(String path, Question question) {
        return UriComponentsBuilder.fromPath(path).queryParam("branch", question.branch())
                .queryParam("from", question.from()).queryParam("to", question.to()).encode().build().toUriString();
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
