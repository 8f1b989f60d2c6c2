package my.gov.temujanji.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Text PostgreSQL cannot store, and headers no client of ours sends, are refused with 400 at the door,
 * before any filter, controller or query sees them: a NUL or a lone surrogate in a parameter (query or
 * form) or in a JSON string, control or non-ASCII characters in the headers the application reads, and
 * a body whose {@code Content-Type} is a wildcard or unreadable (415). The answer is the usual one: a
 * problem with a code under {@code /api/}, the error page in the reader's language elsewhere
 * ({@link ErrorEndpoint}).
 */
@Configuration(proxyBeanMethods = false)
class HostileInput {

    /** The request attribute by which a filter tells {@link ErrorEndpoint} which problem code to answer. */
    static final String CODE_ATTRIBUTE = HostileInput.class.getName() + ".code";

    /** Headers the application (or Spring, for it) reads: what they carry is ASCII by definition. */
    private static final List<String> READ_HEADERS = List.of("Accept", "Accept-Language", "Content-Type",
            "Idempotency-Key", "Altcha", "Opening-Pass", "Ticket-Token", "X-Forwarded-For", "Referer", "Origin", "Host", "If-Modified-Since");

    /** Whether PostgreSQL can store the text: no NUL, and every surrogate in a pair. */
    static boolean storable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** Refused before PostgreSQL sees it; the API and the pages answer it as 400 INVALID_CHARACTERS. */
    static final class UnstorableText extends RuntimeException {
        UnstorableText() {
            super("Text with NUL or a lone surrogate", null, false, false);
        }
    }

    /** JSON strings (request bodies) get the same check as parameters. */
    @Bean
    SimpleModule storableJsonStrings() {
        return new SimpleModule("storable-json-strings").addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser parser, DeserializationContext context) {
                String text = super.deserialize(parser, context);
                if (text != null && !storable(text)) {
                    throw new UnstorableText();
                }
                return text;
            }
        });
    }

    /** Just after the character encoding is set, before sessions, security and everything else. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 1;

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> hostileInputFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String refusal = refusal(request);
                if (refusal == null) {
                    chain.doFilter(request, response);
                    return;
                }
                request.setAttribute(CODE_ATTRIBUTE, refusal);
                response.sendError(refusal.equals("UNSUPPORTED_MEDIA_TYPE") ? 415 : 400);
            }
        });
        registration.setOrder(ORDER);
        return registration;
    }

    /** The problem code to answer, or null when the request may go on. */
    private static String refusal(HttpServletRequest request) {
        for (String name : READ_HEADERS) {
            for (var values = request.getHeaders(name); values.hasMoreElements(); ) {
                if (!visibleAscii(values.nextElement())) {
                    return "INVALID_HEADER";
                }
            }
        }
        String contentType = request.getContentType();
        if (contentType != null && (request.getContentLengthLong() != 0 || request.getHeader("Transfer-Encoding") != null)) {
            try {
                MediaType type = MediaType.parseMediaType(contentType);
                if (type.isWildcardType() || type.isWildcardSubtype()) {
                    return "UNSUPPORTED_MEDIA_TYPE";
                }
            } catch (InvalidMediaTypeException unreadable) {
                return "UNSUPPORTED_MEDIA_TYPE";
            }
        }
        if (request.getRequestURI().toLowerCase(Locale.ROOT).contains("%00")) {
            return "INVALID_CHARACTERS";
        }
        try {
            for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
                if (!storable(parameter.getKey())) {
                    return "INVALID_CHARACTERS";
                }
                for (String value : parameter.getValue()) {
                    if (!storable(value)) {
                        return "INVALID_CHARACTERS";
                    }
                }
            }
        } catch (InvalidParameterException | IllegalArgumentException unreadable) {
            return "INVALID_REQUEST";
        }
        return null;
    }

    private static boolean visibleAscii(String value) {
        return value.chars().allMatch(c -> (c >= 0x20 && c < 0x7f) || c == '\t');
    }
}
