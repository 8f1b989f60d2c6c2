package my.gov.temujanji.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.Locale;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure into an answer the reader understands, in their language: RFC 9457 problem
 * details with a stable {@code code} under {@code /api/}, the error page elsewhere. Nothing leaks a
 * stack trace.
 */
@ControllerAdvice
class WebErrors {

    private static final Logger log = LoggerFactory.getLogger(WebErrors.class);

    private final MessageSource messages;

    WebErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ApiProblem.class)
    Object apiProblem(ApiProblem problem, HttpServletRequest request, HttpServletResponse response) {
        problem.headers().forEach(response::setHeader);
        return answer(request, problem.status(), problem.code(), problem, problem.arguments());
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
            MissingRequestHeaderException.class, HttpMessageNotReadableException.class,
            HandlerMethodValidationException.class, InvalidParameterException.class})
    Object badRequest(Exception e, HttpServletRequest request) {
        return answer(request, HttpStatus.BAD_REQUEST, "INVALID_REQUEST", null);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    Object notFound(NoResourceFoundException e, HttpServletRequest request) {
        return answer(request, HttpStatus.NOT_FOUND, "NOT_FOUND", null);
    }

    /** A staff member outside their role or branch (e.g. {@code StaffMember.requireBranch}). */
    @ExceptionHandler(AccessDeniedException.class)
    Object forbidden(AccessDeniedException e, HttpServletRequest request) {
        return answer(request, HttpStatus.FORBIDDEN, "FORBIDDEN", null);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object methodNotAllowed(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return answer(request, HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", null);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    Object unsupportedMediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return answer(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", null);
    }

    @ExceptionHandler(Exception.class)
    Object unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return answer(request, HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", null);
    }

    /** The page the reader came from on this site, for a way back that keeps what they entered there. */
    static String sameSiteReferer(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer == null) {
            return null;
        }
        try {
            URI uri = URI.create(referer);
            String host = request.getHeader("Host");
            if (uri.getRawAuthority() == null || !uri.getRawAuthority().equals(host) || uri.getRawPath() == null
                    || !uri.getRawPath().startsWith("/") || uri.getRawPath().startsWith("//")
                    || uri.getRawPath().startsWith("/\\")) {
                // "//host" and "/\host" are other sites to a browser.
                return null;
            }
            return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Object answer(HttpServletRequest request, HttpStatus status, String code, ApiProblem problem,
            Object... arguments) {
        Locale locale = LocaleContextHolder.getLocale();
        String title = messages.getMessage("problem." + code + ".title", null, code, locale);
        String detail = messages.getMessage("problem." + code + ".detail", arguments, title, locale);
        if (!request.getRequestURI().startsWith("/api/")) {
            ModelAndView page = new ModelAndView("error");
            page.setStatus(status);
            page.addObject("title", title);
            page.addObject("detail", detail);
            page.addObject("backUrl", sameSiteReferer(request));
            return page;
        }
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        body.setInstance(URI.create(request.getRequestURI()));
        body.setProperty("code", code);
        if (problem != null && !problem.fieldProblems().isEmpty()) {
            body.setProperty("errors", problem.fieldProblems());
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
