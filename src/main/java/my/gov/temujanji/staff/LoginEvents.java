package my.gov.temujanji.staff;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;

/**
 * What happens after a login attempt and at logout. A refused login shows the login page again (a
 * forward, so no session is made for it) with the reason; a successful one goes to the page asked
 * for, or the staff home.
 */
@Component
class LoginEvents implements AuthenticationSuccessHandler, AuthenticationFailureHandler, LogoutHandler {

    /** Request attribute read by LoginPages: why the login was refused. */
    static final String REFUSAL = LoginEvents.class.getName() + ".refusal";

    /** Why a login was refused; {@code lockedUntil} is set for a locked account. */
    record Refusal(Instant lockedUntil) {
    }

    private final StaffLogins logins;
    private final SavedRequestAwareAuthenticationSuccessHandler toRequestedPage =
            new SavedRequestAwareAuthenticationSuccessHandler();

    LoginEvents(StaffLogins logins) {
        this.logins = logins;
        toRequestedPage.setDefaultTargetUrl("/staff");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException, ServletException {
        logins.succeeded(authentication.getName());
        // A staff member who must change their password is sent there by StaffRequestGuard.
        toRequestedPage.onAuthenticationSuccess(request, response, authentication);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException, ServletException {
        String username = request.getParameter("username");
        Optional<Instant> lockedUntil;
        if (exception instanceof LockedException) {
            lockedUntil = logins.refused(username, "LOCKED");
        } else if (exception instanceof DisabledException) {
            // Said like a wrong password: a stranger learns nothing about the account.
            logins.refused(username, "DISABLED");
            lockedUntil = Optional.empty();
        } else {
            lockedUntil = logins.failed(username);
        }
        request.setAttribute(REFUSAL, new Refusal(lockedUntil.orElse(null)));
        request.getRequestDispatcher(SecurityConfiguration.LOGIN).forward(request, response);
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication != null) {
            logins.loggedOut(authentication.getName());
        }
    }
}
