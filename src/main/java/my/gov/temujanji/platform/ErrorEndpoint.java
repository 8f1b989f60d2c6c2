package my.gov.temujanji.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * {@code /error}, where the servlet container sends what no controller answered: a failure in a filter
 * (the session lookup during a database outage, before any controller runs), a refusal by
 * {@link HostileInput}, any {@code sendError}. Answered as {@link WebErrors} answers everything else,
 * in place of Spring Boot's page and JSON, which carry no problem code.
 */
@Controller
@RequiredArgsConstructor
class ErrorEndpoint implements ErrorController {

    private final WebErrors errors;

    @RequestMapping("/error")
    Object error(HttpServletRequest request, HttpServletResponse response) {
        return errors.afterContainerError(request, response);
    }
}
