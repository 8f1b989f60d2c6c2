package my.gov.temujanji.staff;

import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Who is signed in: inject it into a controller or service and call {@link #get()}. Templates reach it
 * as {@code @currentStaff.get()}. The member is read from the database once per request.
 */
@Component("currentStaff")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CurrentStaff {

    private static final String CACHE = CurrentStaff.class.getName();

    private final StaffAccounts accounts;

    /** The signed-in, enabled staff member; {@link AccessDeniedException} (403) when there is none. */
    public StaffMember get() {
        return find().orElseThrow(() -> new AccessDeniedException("No signed-in staff member"));
    }

    /** The signed-in, enabled staff member, if any. */
    public Optional<StaffMember> find() {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (who == null || !who.isAuthenticated() || who instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(CACHE, RequestAttributes.SCOPE_REQUEST) instanceof StaffMember m
                && m.username().equals(who.getName())) {
            return Optional.of(m);
        }
        Optional<StaffMember> member = accounts.find(who.getName()).filter(StaffAccounts.Account::enabled)
                .map(StaffAccounts.Account::member);
        if (request != null) {
            member.ifPresent(m -> request.setAttribute(CACHE, m, RequestAttributes.SCOPE_REQUEST));
        }
        return member;
    }
}
