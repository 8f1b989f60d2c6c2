package my.gov.temujanji.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure into an answer the reader understands, in their language: RFC 9457 problem
 * details with a stable {@code code} under {@code /api/}, the error page elsewhere. Nothing leaks a
 * stack trace.
 */
@ControllerAdvice
@RequiredArgsConstructor
class WebErrors {

    private static final Logger log = LoggerFactory.getLogger(WebErrors.class);

    private final MessageSource messages;

    @ExceptionHandler(ApiProblem.class)
    Object apiProblem(ApiProblem problem, HttpServletRequest request, HttpServletResponse response) {
        problem.headers().forEach(response::setHeader);
        return answer(request, problem.status(), problem.code(), problem, problem.arguments());
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
            MissingRequestHeaderException.class, HttpMessageNotReadableException.class,
            HandlerMethodValidationException.class, InvalidParameterException.class, MultipartException.class})
    Object badRequest(Exception e, HttpServletRequest request) {
        return answer(request, HttpStatus.BAD_REQUEST, isUnstorableText(e) ? "INVALID_CHARACTERS" : "INVALID_REQUEST",
                null);
    }

    /**
     * Failures their status says all of, answered with its code ({@link #codeOf}, as after a container's
     * error): no such address, where a blank path segment for an id (converted to null) names nothing
     * either; a staff member outside their role or branch (e.g. {@code StaffMember.requireBranch}); a
     * method or a body type the address does not take.
     */
    @ExceptionHandler({NoResourceFoundException.class, MissingPathVariableException.class, AccessDeniedException.class,
            HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotSupportedException.class})
    Object statusOnly(Exception e, HttpServletRequest request) {
        HttpStatus status = e instanceof AccessDeniedException ? HttpStatus.FORBIDDEN
                : e instanceof HttpRequestMethodNotSupportedException ? HttpStatus.METHOD_NOT_ALLOWED
                : e instanceof HttpMediaTypeNotSupportedException ? HttpStatus.UNSUPPORTED_MEDIA_TYPE
                : HttpStatus.NOT_FOUND;
        return answer(request, status, codeOf(status), null);
    }

    /** An {@code Accept} the endpoint cannot produce: the status says it, and no body the client refused. */
    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    Object notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        if (isApi(request)) {
            return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).build();
        }
        return answer(request, HttpStatus.NOT_ACCEPTABLE, "NOT_ACCEPTABLE", null);
    }

    @ExceptionHandler(Exception.class)
    Object unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) {
        // A race PostgreSQL still lost after every retry (ConflictRetry) is as passing as an outage.
        if (DatabaseOutage.isCause(e) || ConflictRetry.isConflict(e)) {
            return unavailable(e, request, response);
        }
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return answer(request, HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", null);
    }

    /**
     * What the servlet container forwards to {@code /error} ({@link ErrorEndpoint}): the status it set, or
     * the failure of a filter, with the code a filter chose ({@link HostileInput#CODE_ATTRIBUTE}); and
     * what {@link DatabaseOutage}'s filter forwards there.
     */
    Object afterContainerError(HttpServletRequest request, HttpServletResponse response) {
        Object failure = request.getAttribute(DatabaseOutage.FAILURE_ATTRIBUTE);
        failure = failure != null ? failure : request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure instanceof Throwable t && DatabaseOutage.isCause(t)) {
            return unavailable(t, request, response);
        }
        Object code = request.getAttribute(HostileInput.CODE_ATTRIBUTE);
        Object statusCode = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = failure != null ? HttpStatus.INTERNAL_SERVER_ERROR
                // No status: someone opened /error itself, which is no page.
                : statusCode instanceof Integer s ? HttpStatus.resolve(s) : HttpStatus.NOT_FOUND;
        status = status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
        if (failure instanceof Throwable t) {
            log.error("Unexpected failure before any controller on {} {}", request.getMethod(), requestUri(request), t);
        }
        return answer(request, status, code instanceof String c ? c : codeOf(status), null);
    }

    private static String codeOf(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "NOT_FOUND";
            case FORBIDDEN -> "FORBIDDEN";
            case METHOD_NOT_ALLOWED -> "METHOD_NOT_ALLOWED";
            case NOT_ACCEPTABLE -> "NOT_ACCEPTABLE";
            case UNSUPPORTED_MEDIA_TYPE -> "UNSUPPORTED_MEDIA_TYPE";
            case SERVICE_UNAVAILABLE -> "SERVICE_UNAVAILABLE";
            default -> status.is4xxClientError() ? "INVALID_REQUEST" : "INTERNAL_ERROR";
        };
    }

    /** The database cannot be reached: the same request will work again shortly, so the client may retry. */
    private Object unavailable(Throwable failure, HttpServletRequest request, HttpServletResponse response) {
        log.warn("Database unavailable on {} {}: {}", request.getMethod(), requestUri(request), failure.toString());
        response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER_SECONDS);
        return answer(request, HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE", null);
    }

    private static boolean isUnstorableText(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HostileInput.UnstorableText) {
                return true;
            }
        }
        return false;
    }

    /** The address asked for, also when the request has been forwarded to {@code /error}. */
    private static String requestUri(HttpServletRequest request) {
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        original = original != null ? original : request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        return original instanceof String uri ? uri : request.getRequestURI();
    }

    private static boolean isApi(HttpServletRequest request) {
        return requestUri(request).startsWith("/api/");
    }

    /** The page the reader came from on this site, for a way back that keeps what they entered there. */
    static String sameSiteReferer(HttpServletRequest request) {
        try {
            String referer = request.getHeader("Referer");
            if (referer == null) {
                return null;
            }
            URI uri = URI.create(referer);
            String host = request.getHeader("Host");
            if (uri.getRawAuthority() == null || !uri.getRawAuthority().equals(host) || uri.getRawPath() == null
                    || !uri.getRawPath().startsWith("/") || uri.getRawPath().startsWith("//")
                    || uri.getRawPath().startsWith("/\\")) {
                // "//host" and "/\host" are other sites to a browser.
                return null;
            }
            return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (IllegalArgumentException | RequestRejectedException e) {
            // Not an address, or refused by Spring Security's firewall when read (in an error's dispatch).
            return null;
        }
    }

    private Object answer(HttpServletRequest request, HttpStatus status, String code, ApiProblem problem,
            Object... arguments) {
        Locale locale = LocaleContextHolder.getLocale();
        String title = messages.getMessage("problem." + code + ".title", null, code, locale);
        String detail = messages.getMessage("problem." + code + ".detail", arguments, title, locale);
        if (!isApi(request)) {
            ModelAndView page = new ModelAndView("error");
            page.setStatus(status);
            page.addObject("title", title);
            page.addObject("detail", detail);
            page.addObject("backUrl", sameSiteReferer(request));
            return page;
        }
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        try {
            body.setInstance(URI.create(requestUri(request)));
        } catch (IllegalArgumentException notAUri) {
            // An address with an invalid escape (a fuzzer's): the problem goes without its instance.
        }
        body.setProperty("code", code);
        if (problem != null && !problem.fieldProblems().isEmpty()) {
            body.setProperty("errors", problem.fieldProblems());
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
