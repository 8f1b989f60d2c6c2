package my.gov.temujanji.audit;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import my.gov.temujanji.platform.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
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
    String entries(@Valid @ModelAttribute AuditFilterForm filter, BindingResult binding,
            @RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        String actor = filter.actorTyped();
        String action = filter.actionTyped();
        String from = filter.fromTyped();
        String to = filter.toTyped();
        FormErrors errors = FormErrors.of(binding, messages, locale, AuditFilterForm.FIELDS);
        model.addAttribute("actor", actor);
        model.addAttribute("action", action);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("actions", audit.actions());
        model.addAttribute("formErrors", errors);
        model.addAttribute("zone", zone);
        if (!errors.any()) {
            LocalDate fromDay = filter.firstDay(null);
            LocalDate toDay = filter.lastDay(null);
            Instant start = fromDay == null ? null : fromDay.atStartOfDay(zone).toInstant();
            Instant end = toDay == null ? null : toDay.plusDays(1).atStartOfDay(zone).toInstant();
            AuditLog.Page found = audit.search(new AuditLog.Filter(actor, action, start, end), Math.max(page, 0));
            model.addAttribute("found", found);
            model.addAttribute("newerUrl", found.number() > 0 ? pageUrl(actor, action, from, to, found.number() - 1) : null);
            model.addAttribute("olderUrl", found.more() ? pageUrl(actor, action, from, to, found.number() + 1) : null);
        }
        return "audit/entries";
    }

    private static String pageUrl(String actor, String action, String from, String to, int page) {
        return UriComponentsBuilder.fromPath(PATH).queryParam("actor", actor).queryParam("action", action)
                .queryParam("from", from).queryParam("to", to).queryParam("page", page)
                .encode().build().toUriString();
    }
}
