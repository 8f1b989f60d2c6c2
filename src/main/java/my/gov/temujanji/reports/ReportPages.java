package my.gov.temujanji.reports;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
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
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /staff/reports}: the figures of a period (by default the last 7 days and the next 7) for one
 * branch or every branch the reader may see, with a chart and a CSV export of the same figures
 * ({@code /staff/reports.csv}, same parameters). Another branch's code is a 403.
 */
@Controller
@RequiredArgsConstructor
class ReportPages {

    static final String PATH = "/staff/reports";
    static final String CSV_PATH = "/staff/reports.csv";

    private final Reports reports;
    private final Catalogue catalogue;
    private final CurrentStaff current;
    private final StaffBranches branchesSeen;
    private final MessageSource messages;
    private final Clock clock;

    @Bean
    static StaffLink reportsLink() {
        return new StaffLink(PATH, "reports.nav", "reports.nav.hint", Role.OFFICER, 70);
    }

    /** What the reader asked for, checked: the branches in scope and the period. */
    private record Question(String branch, String from, String to, List<Branch> branches, LocalDate fromDay,
            LocalDate toDay, FormErrors errors) {
    }

    @GetMapping(PATH)
    String page(@Valid @ModelAttribute ReportForm form, BindingResult binding, Model model, Locale locale) {
        Question question = question(form, binding, locale);
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
    void csv(@Valid @ModelAttribute ReportForm form, BindingResult binding, Locale locale,
            HttpServletResponse response) throws IOException {
        Question question = question(form, binding, locale);
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

    private Question question(ReportForm form, BindingResult binding, Locale locale) {
        StaffMember member = current.get();
        String code = form.branchTyped();
        List<Branch> branches;
        if (code.isEmpty()) {
            branches = branchesSeen.visible(member);
        } else {
            member.requireBranch(code); // another branch's code is refused before anything is read
            branches = List.of(catalogue.branch(code).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "NOT_FOUND")));
        }
        LocalDate today = LocalDate.now(clock);
        FormErrors errors = FormErrors.of(binding, messages, locale, ReportForm.FIELDS);
        LocalDate fromDay = form.firstDay(today);
        LocalDate toDay = form.lastDay(today);
        return new Question(code, ReportForm.shown(form.from(), fromDay), ReportForm.shown(form.to(), toDay), branches,
                fromDay, toDay, errors);
    }

    private static String url(String path, Question question) {
        return UriComponentsBuilder.fromPath(path).queryParam("branch", question.branch())
                .queryParam("from", question.from()).queryParam("to", question.to()).encode().build().toUriString();
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
