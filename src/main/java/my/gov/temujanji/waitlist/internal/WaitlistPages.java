package my.gov.temujanji.waitlist.internal;

import static my.gov.temujanji.platform.Pages.noStore;
import static my.gov.temujanji.platform.Pages.seeOther;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.catalogue.Offering;
import my.gov.temujanji.fairaccess.LimitedAction;
import my.gov.temujanji.fairaccess.RateLimits;
import my.gov.temujanji.platform.ApiProblem;
import my.gov.temujanji.platform.DocumentNumbers;
import my.gov.temujanji.platform.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The waitlist's pages, without JavaScript: join (from a full month or day), the code, the entry's
 * own page (its position, the place offered, leave) and the offer (take it: the booking's details
 * pages follow). The entry's and the offer's random ids in the address are the capability, as a
 * hold's is; only a POST changes anything, so a mail scanner following a link changes nothing.
 */
@Controller
@RequiredArgsConstructor
class WaitlistPages {

    /** One radio button of a question, as the shared {@code radios} fragment shows it. */
    record Option(String value, String label, String hint, boolean disabled) {
    }

    /** The join form as typed, shown again as typed when refused. */
    record JoinForm(String branch, String service, String from, String to, String partOfDay, String documentType,
            String documentNumber, String email) {
    }

    private static final List<String> FIELDS = List.of("from", "to", "partOfDay", "documentType", "documentNumber",
            "email");

    private final Joining joining;
    private final OfferAnswers answers;
    private final WaitlistStatus status;
    private final WaitlistRepository repository;
    private final Catalogue catalogue;
    private final RateLimits rateLimits;
    private final MessageSource messages;
    private final Clock clock;

    @GetMapping("/waitlist/join")
    String joinForm(@RequestParam String branch, @RequestParam String service,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model,
            Locale locale) {
        LocalDate tomorrow = LocalDate.now(clock).plusDays(1);
        LocalDate first = date(from);
        first = first == null || first.isBefore(tomorrow) ? tomorrow : first;
        LocalDate last = date(to);
        last = last == null || last.isBefore(first) ? first : last;
        return joinPage(new JoinForm(branch, service, first.toString(), last.toString(), "ANY", "MYKAD", "", ""),
                FormErrors.none(), model, locale);
    }

    @PostMapping("/waitlist/join")
    Object join(JoinForm form, Model model, Locale locale, HttpServletRequest request,
            HttpServletResponse response) {
        noStore(response);
        LocalDate from = date(form.from());
        LocalDate to = date(form.to());
        if (from == null || to == null) {
            return joinPage(form, FormErrors.one(from == null ? "from" : "to", text("waitlist.join.dateInvalid", locale)),
                    model, locale);
        }
        rateLimits.check(LimitedAction.HOLD, request, form.documentNumber());
        try {
            Entry entry = joining.join(new Joining.JoinRequest(form.branch(), form.service(), from, to,
                    form.partOfDay(), form.documentType(), form.documentNumber(), form.email()), locale);
            return seeOther("/waitlist/" + entry.id() + "/confirm");
        } catch (ApiProblem refused) {
            if (refused.status().value() == 404 || refused.status().value() == 400) {
                throw refused;
            }
            return joinPage(form, errors(refused, locale), model, locale);
        }
    }

    private String joinPage(JoinForm form, FormErrors errors, Model model, Locale locale) {
        Offering offering = catalogue.requireOffered(form.branch(), form.service());
        model.addAttribute("offering", offering);
        model.addAttribute("form", form);
        model.addAttribute("formErrors", errors);
        model.addAttribute("parts", List.of(PartOfDay.values()).stream()
                .map(p -> new Option(p.name(), text("waitlist.part." + p, locale), null, false)).toList());
        model.addAttribute("documentTypes", List.of("MYKAD", "PASSPORT").stream()
                .map(t -> new Option(t, text("details.documentType." + t, locale), null, false)).toList());
        model.addAttribute("open", repository.enabled(form.service()));
        return "waitlist/join";
    }

    /** A refusal at the field it is about; one without a field above the form. */
    private FormErrors errors(ApiProblem refused, Locale locale) {
        if (!refused.fieldProblems().isEmpty()) {
            return new FormErrors(refused.fieldProblems().stream()
                    .map(p -> new FormErrors.Entry(p.field(), p.message()))
                    .sorted(Comparator.comparingInt(e -> FIELDS.indexOf(e.field()))).toList());
        }
        String field = switch (refused.code()) {
            case "INVALID_RANGE", "RANGE_TOO_LONG", "WAITLIST_RANGE_PAST" -> "to";
            case "INVALID_PART_OF_DAY" -> "partOfDay";
            default -> "documentNumber";
        };
        return FormErrors.one(field, messages.getMessage("problem." + refused.code() + ".detail", refused.arguments(),
                refused.code(), locale));
    }

    /** An entry found from the manage page, with its offering for its names. */
    record Found(Entry entry, Offering offering) {
    }

    /** From the manage page: the open entries of a document and an address, each linking to its own page. */
    @PostMapping("/waitlist/find")
    String find(@RequestParam(defaultValue = "") String documentNumber, @RequestParam(defaultValue = "") String email,
            Model model, HttpServletRequest request, HttpServletResponse response) {
        noStore(response);
        rateLimits.check(LimitedAction.LOOKUP, request, documentNumber);
        model.addAttribute("entries", repository.findOpen(DocumentNumbers.normalise(documentNumber), email.strip())
                .stream().map(e -> new Found(e, catalogue.requireOffering(e.branchCode(), e.serviceCode()))).toList());
        return "waitlist/found";
    }

    @GetMapping("/waitlist/{id}/confirm")
    Object codeForm(@PathVariable UUID id, @RequestParam(required = false) String code, Model model,
            HttpServletResponse response) {
        noStore(response);
        WaitlistStatus.Seen seen = status.entry(id);
        if (!"UNCONFIRMED".equals(seen.entry().state())) {
            return seeOther("/waitlist/" + id);
        }
        return codePage(seen.entry(), code == null ? "" : clip(code), FormErrors.none(), model);
    }

    @PostMapping("/waitlist/{id}/confirm")
    Object confirm(@PathVariable UUID id, @RequestParam(required = false) String code, Model model, Locale locale,
            HttpServletRequest request, HttpServletResponse response) {
        noStore(response);
        rateLimits.check(LimitedAction.LOOKUP, request, null);
        Entry entry = status.entry(id).entry();
        try {
            joining.confirm(id, clip(code));
            return seeOther("/waitlist/" + id);
        } catch (ApiProblem refused) {
            if ("WAITLIST_ALREADY_CONFIRMED".equals(refused.code())) {
                return seeOther("/waitlist/" + id);
            }
            return codePage(entry, clip(code), FormErrors.one("code", messages.getMessage("problem." + refused.code()
                    + ".detail", refused.arguments(), refused.code(), locale)), model);
        }
    }

    private String codePage(Entry entry, String code, FormErrors errors, Model model) {
        model.addAttribute("entry", entry);
        model.addAttribute("offering", catalogue.requireOffering(entry.branchCode(), entry.serviceCode()));
        model.addAttribute("code", code);
        model.addAttribute("formErrors", errors);
        model.addAttribute("deadline", entry.codeExpiresAt().atZone(clock.getZone()).toLocalTime().withNano(0));
        return "waitlist/confirm";
    }

    @GetMapping("/waitlist/{id}")
    String entry(@PathVariable UUID id, Model model, HttpServletResponse response) {
        noStore(response);
        WaitlistStatus.Seen seen = status.entry(id);
        model.addAttribute("seen", seen);
        model.addAttribute("offering", catalogue.requireOffering(seen.entry().branchCode(), seen.entry().serviceCode()));
        model.addAttribute("deadline", seen.offer() == null ? null
                : seen.offer().deadline().atZone(clock.getZone()).toLocalDateTime());
        model.addAttribute("leavable", List.of("UNCONFIRMED", "WAITING", "OFFERED").contains(seen.entry().state()));
        return "waitlist/entry";
    }

    @PostMapping("/waitlist/{id}/leave")
    Object leave(@PathVariable UUID id, HttpServletRequest request, HttpServletResponse response) {
        noStore(response);
        rateLimits.check(LimitedAction.LOOKUP, request, null);
        try {
            answers.leave(id);
        } catch (ApiProblem refused) {
            if (!"WAITLIST_ENTRY_CLOSED".equals(refused.code())) {
                throw refused;
            }
        }
        return seeOther("/waitlist/" + id);
    }

    @GetMapping("/waitlist/offers/{id}")
    String offer(@PathVariable UUID id, @RequestParam(required = false) String refused, Model model,
            HttpServletResponse response) {
        noStore(response);
        Offer offer = repository.findOffer(id)
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "WAITLIST_OFFER_NOT_FOUND"));
        boolean live = "LIVE".equals(offer.state()) && offer.deadline().isAfter(clock.instant());
        model.addAttribute("offer", offer);
        model.addAttribute("live", live);
        model.addAttribute("offering", catalogue.requireOffering(offer.place().branchCode(), offer.place().serviceCode()));
        model.addAttribute("deadline", offer.deadline().atZone(clock.getZone()).toLocalDateTime());
        model.addAttribute("hold", repository.holdOf(id).orElse(null));
        return "waitlist/offer";
    }

    @PostMapping("/waitlist/offers/{id}/accept")
    Object accept(@PathVariable UUID id, HttpServletRequest request, HttpServletResponse response) {
        noStore(response);
        rateLimits.check(LimitedAction.HOLD, request, null);
        try {
            return seeOther("/book/holds/" + answers.accept(id) + "/details");
        } catch (ApiProblem refused) {
            if (refused.status().value() == 404) {
                throw refused;
            }
            return seeOther("/waitlist/offers/" + id); // the page says why: over, or passed on
        }
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static LocalDate date(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String clip(String text) {
        if (text == null) {
            return "";
        }
        String trimmed = text.strip();
        return trimmed.length() > 20 ? trimmed.substring(0, 20) : trimmed;
    }
}
