package my.gov.temujanji.opening.internal;

import static my.gov.temujanji.platform.Pages.seeOther;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.applicant.DocumentType;
import my.gov.temujanji.booking.HoldGate;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.catalogue.Offering;
import my.gov.temujanji.fairaccess.LimitedAction;
import my.gov.temujanji.fairaccess.RateLimits;
import my.gov.temujanji.opening.Opening;
import my.gov.temujanji.platform.ApiProblem;
import my.gov.temujanji.platform.FormErrors;
import my.gov.temujanji.platform.Pages;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The waiting room's pages (Bilik menunggu). They work without JavaScript: the ticket's page reloads
 * itself every few seconds ({@code Refresh}); with JavaScript it asks for the ticket's status and shows
 * the position and the estimate as they change. The browser's own token (a cookie) is what the ticket
 * and its pass are bound to.
 */
@Controller
@RequiredArgsConstructor
class WaitingRoomPages {

    private static final int REFRESH_SECONDS = 10;

    private final WaitingRoom room;
    private final WaitingRoomTickets tickets;
    private final TicketForm form;
    private final Catalogue catalogue;
    private final RateLimits rateLimits;
    private final MessageSource messages;
    private final Clock clock;

    @GetMapping("/menunggu")
    String join(@RequestParam String branch, @RequestParam String service,
            @CookieValue(name = HoldGate.Pass.CLIENT_COOKIE, required = false) String client, Model model,
            HttpServletResponse response) {
        ensureClient(client, response);
        return joinPage(branch, service, new TicketForm.Input(null, null, null), FormErrors.none(), model);
    }

    @PostMapping("/menunggu")
    Object take(@RequestParam String branch, @RequestParam String service,
            @RequestParam(required = false) String documentType, @RequestParam(required = false) String documentNumber,
            @RequestParam(required = false) String email,
            @CookieValue(name = HoldGate.Pass.CLIENT_COOKIE, required = false) String client, Model model,
            Locale locale, HttpServletRequest request, HttpServletResponse response) {
        TicketForm.Input input = new TicketForm.Input(documentType, documentNumber, email);
        rateLimits.check(LimitedAction.HOLD, request, documentNumber);
        TicketForm.Checked checked = form.check(input, locale);
        if (!checked.valid()) {
            return new ModelAndView(joinPage(branch, service, input, checked.errors(), model), model.asMap(),
                    HttpStatus.UNPROCESSABLE_CONTENT);
        }
        String token = ensureClient(client, response);
        try {
            WaitingRoomTickets.Joined joined = tickets.join(service, branch, checked.type(), checked.number(), checked.email(),
                    locale.getLanguage(), token);
            return seeOther("/menunggu/" + joined.ticket());
        } catch (ApiProblem problem) {
            if (problem.status() == HttpStatus.NOT_FOUND) {
                throw problem;
            }
            String text = messages.getMessage("problem." + problem.code() + ".detail", problem.arguments(), locale);
            return new ModelAndView(joinPage(branch, service, input, FormErrors.one("documentNumber", text), model),
                    model.asMap(), problem.status());
        }
    }

    private String joinPage(String branch, String service, TicketForm.Input input, FormErrors errors, Model model) {
        Offering offering = catalogue.requireOffered(branch, service);
        model.addAttribute("offering", offering);
        Releases.Release release = room.open(service).orElse(null);
        model.addAttribute("release", release);
        model.addAttribute("opensAt", release == null ? null : local(release.opensAt()));
        model.addAttribute("input", input);
        model.addAttribute("formErrors", errors);
        model.addAttribute("pageUrl", Opening.path(branch, service));
        model.addAttribute("calendarUrl", UriComponentsBuilder.fromPath("/book/date").queryParam("branch", branch)
                .queryParam("service", service).build().encode().toUriString());
        return "opening/join";
    }

    @GetMapping("/menunggu/{id}")
    String ticket(@PathVariable UUID id, @CookieValue(name = HoldGate.Pass.CLIENT_COOKIE, required = false) String client,
            Model model, HttpServletResponse response) {
        WaitingRoom.Status status = room.status(id, client);
        Pages.noStore(response);
        if (status.pass() != null) {
            long seconds = Duration.between(clock.instant(), status.passExpires()).toSeconds();
            response.addHeader(HttpHeaders.SET_COOKIE, cookie(HoldGate.Pass.PASS_COOKIE, status.pass(),
                    Duration.ofSeconds(Math.max(1, seconds))).toString());
        }
        boolean waiting = status.stage() == WaitingRoom.Stage.WAITING
                || status.stage() == WaitingRoom.Stage.WAITING_FOR_DRAW;
        if (waiting) {
            response.setHeader("Refresh", Integer.toString(REFRESH_SECONDS));
        }
        Offering offering = catalogue.requireOffering(status.ticket().branch(), status.release().service());
        model.addAttribute("status", status);
        model.addAttribute("offering", offering);
        model.addAttribute("waiting", waiting);
        model.addAttribute("refreshSeconds", REFRESH_SECONDS);
        model.addAttribute("opensAt", local(status.release().opensAt()));
        model.addAttribute("passExpiresAt", status.passExpires() == null ? null : local(status.passExpires()));
        model.addAttribute("pageUrl", "/menunggu/" + id);
        model.addAttribute("bookUrl", UriComponentsBuilder.fromPath("/book/slots")
                .queryParam("branch", offering.branch().code()).queryParam("service", offering.type().code())
                .queryParam("date", status.release().first()).build().encode().toUriString());
        model.addAttribute("formErrors", FormErrors.none());
        return "opening/ticket";
    }

    @PostMapping("/menunggu/{id}/confirm")
    Object confirm(@PathVariable UUID id, @RequestParam(required = false) String code,
            @CookieValue(name = HoldGate.Pass.CLIENT_COOKIE, required = false) String client, Model model,
            Locale locale, HttpServletResponse response) {
        try {
            tickets.confirm(id, code, client);
        } catch (ApiProblem problem) {
            if (problem.status() == HttpStatus.NOT_FOUND) {
                throw problem;
            }
            String page = ticket(id, client, model, response);
            model.addAttribute("formErrors", FormErrors.one("code",
                    messages.getMessage("problem." + problem.code() + ".detail", null, locale)));
            return new ModelAndView(page, model.asMap(), problem.status());
        }
        return seeOther("/menunggu/" + id);
    }

    @PostMapping("/menunggu/{id}/leave")
    Object leave(@PathVariable UUID id, @CookieValue(name = HoldGate.Pass.CLIENT_COOKIE, required = false) String client) {
        tickets.leave(id, client);
        return seeOther("/menunggu/" + id);
    }

    /** For the page's script: where the ticket stands now. */
    @GetMapping(path = "/menunggu/{id}/status", produces = "application/json")
    @ResponseBody
    Map<String, Object> status(@PathVariable UUID id,
            @CookieValue(name = HoldGate.Pass.CLIENT_COOKIE, required = false) String client, HttpServletResponse response) {
        WaitingRoom.Status status = room.status(id, client);
        Pages.noStore(response);
        return Map.of("stage", status.stage().name(), "ahead", status.ahead(), "waitSeconds", status.waitSeconds());
    }

    private LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, clock.getZone());
    }

    /** The browser's token, made now when it has none yet. */
    private static String ensureClient(String client, HttpServletResponse response) {
        if (client != null && client.matches("[A-Za-z0-9_-]{43}")) {
            return client;
        }
        String token = TicketForm.newClientToken();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(HoldGate.Pass.CLIENT_COOKIE, token, Duration.ofDays(2)).toString());
        return token;
    }

    private static ResponseCookie cookie(String name, String value, Duration maxAge) {
        return ResponseCookie.from(name, value).path("/").httpOnly(true).sameSite("Lax").maxAge(maxAge).build();
    }
}
