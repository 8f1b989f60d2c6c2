package my.gov.temujanji.staff;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Before every back-office page: a member whose account was disabled (or removed) since they signed in
 * is signed out; a member who must change their password goes to that page first.
 */
@Configuration(proxyBeanMethods = false)
@RequiredArgsConstructor
class StaffRequestGuard implements WebMvcConfigurer, HandlerInterceptor {

    private final CurrentStaff current;

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/staff", "/staff/**")
                .excludePathPatterns(SecurityConfiguration.LOGIN, SecurityConfiguration.LOGOUT);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (SecurityContextHolder.getContext().getAuthentication() == null) {
            return true; // the security filters already decided
        }
        Optional<StaffMember> member = current.find();
        if (member.isEmpty()) {
            new SecurityContextLogoutHandler().logout(request, response, null);
            response.sendRedirect(SecurityConfiguration.LOGIN);
            return false;
        }
        if (member.get().mustChangePassword() && !request.getRequestURI().equals(SecurityConfiguration.PASSWORD)) {
            response.sendRedirect(SecurityConfiguration.PASSWORD);
            return false;
        }
        return true;
    }
}
