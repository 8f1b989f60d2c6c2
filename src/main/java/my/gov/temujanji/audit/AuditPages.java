package my.gov.temujanji.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import my.gov.temujanji.platform.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The audit log viewer for system administrators (the URL rule of {@code /staff/admin/**}): newest
 * first, filtered by actor, action and dates (branch time, both days included), 50 a page.
 */
@Controller
class AuditPages {

    static final String PATH = "/staff/admin/audit";

    private final AuditLog audit;
    private final MessageSource messages;
    private final ZoneId zone;

    AuditPages(AuditLog audit, MessageSource messages, Clock clock) {
        this.audit = audit;
        this.messages = messages;
        this.zone = clock.getZone();
    }

    @GetMapping(PATH)
    String entries(@RequestParam(defaultValue = "") String actor, @RequestParam(defaultValue = "") String action,
            @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
            @RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        List<FormErrors.Entry> errors = new ArrayList<>();
        LocalDate fromDay = day(from, "from", errors, locale);
        LocalDate toDay = day(to, "to", errors, locale);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            errors.add(new FormErrors.Entry("to", messages.getMessage("audit.error.range", null, locale)));
        }
        model.addAttribute("actor", actor.strip());
        model.addAttribute("action", action.strip());
        model.addAttribute("from", from.strip());
        model.addAttribute("to", to.strip());
        model.addAttribute("actions", audit.actions());
        model.addAttribute("formErrors", new FormErrors(errors));
        model.addAttribute("zone", zone);
        if (errors.isEmpty()) {
            Instant start = fromDay == null ? null : fromDay.atStartOfDay(zone).toInstant();
            Instant end = toDay == null ? null : toDay.plusDays(1).atStartOfDay(zone).toInstant();
            AuditLog.Page found = audit.search(new AuditLog.Filter(actor, action, start, end), Math.max(page, 0));
            model.addAttribute("found", found);
            model.addAttribute("newerUrl", found.number() > 0 ? pageUrl(actor, action, from, to, found.number() - 1) : null);
            model.addAttribute("olderUrl", found.more() ? pageUrl(actor, action, from, to, found.number() + 1) : null);
        }
        return "audit/entries";
    }

    private LocalDate day(String text, String field, List<FormErrors.Entry> errors, Locale locale) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FormErrors.Entry(field, messages.getMessage("audit.error.date", null, locale)));
            return null;
        }
    }

    private static String pageUrl(String actor, String action, String from, String to, int page) {
        return UriComponentsBuilder.fromPath(PATH).queryParam("actor", actor.strip()).queryParam("action", action.strip())
                .queryParam("from", from.strip()).queryParam("to", to.strip()).queryParam("page", page)
                .encode().build().toUriString();
    }
}
