package my.gov.temujanji.staff;

import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import my.gov.temujanji.platform.ApiProblem;
import my.gov.temujanji.platform.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The staff login page, and the 403 page every refusal of the security filters is forwarded to. The
 * login form itself is processed by Spring Security (POST {@code /staff/login}); a refused login is
 * forwarded here with its reason (LoginEvents).
 */
@Controller
class LoginPages {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final MessageSource messages;
    private final ZoneId zone;

    LoginPages(MessageSource messages, java.time.Clock clock) {
        this.messages = messages;
        this.zone = clock.getZone();
    }

    @GetMapping(SecurityConfiguration.LOGIN)
    String login(@RequestParam(required = false) String signedOut, Model model) {
        model.addAttribute("signedOut", signedOut != null);
        return page("", FormErrors.none(), model);
    }

    /** Reached only by LoginEvents' forward after a refused login. */
    @PostMapping(SecurityConfiguration.LOGIN)
    String refused(HttpServletRequest request, Model model, Locale locale) {
        if (!(request.getAttribute(LoginEvents.REFUSAL) instanceof LoginEvents.Refusal refusal)) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "NOT_FOUND");
        }
        String text = refusal.lockedUntil() != null
                ? messages.getMessage("staff.login.error.locked",
                        new Object[] {TIME.format(refusal.lockedUntil().atZone(zone))}, locale)
                : messages.getMessage("staff.login.error.wrong", null, locale);
        String username = request.getParameter("username");
        model.addAttribute("signedOut", false);
        return page(username == null ? "" : username.strip(), FormErrors.one("username", text), model);
    }

    private String page(String username, FormErrors errors, Model model) {
        model.addAttribute("username", username);
        model.addAttribute("formErrors", errors);
        model.addAttribute("pageUrl", SecurityConfiguration.LOGIN);
        return "staff/login";
    }

    /**
     * Where Spring Security forwards a refusal (wrong role, missing or stale CSRF token): shown by the
     * error page of platform.WebErrors, in the reader's language, with status 403.
     */
    @RequestMapping(SecurityConfiguration.ACCESS_DENIED)
    void accessDenied(HttpServletRequest request) {
        if (request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "FORM_EXPIRED");
        }
        throw new ApiProblem(HttpStatus.FORBIDDEN, "FORBIDDEN");
    }
}
