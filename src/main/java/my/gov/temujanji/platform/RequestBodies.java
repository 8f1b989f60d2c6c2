package my.gov.temujanji.platform;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;

/**
 * Request bodies are read off the request threads. A node has few request threads (sized to the
 * database), and Tomcat reads a body on the thread that asks for it: twelve clients sending a byte
 * every few seconds held them all and took the node offline. So every body is read first without
 * blocking, within a deadline and a size limit, and only a complete body is handed to a
 * request thread; a body too slow gets 408 and one too large 413, with the connection closed. What
 * came in with the headers is read at once, and a body that is all there (nearly every one) goes on
 * straight away; only the rest of one still arriving is waited for, off the request threads.
 * Tomcat already reads request lines and headers without holding a thread.
 */
@Configuration(proxyBeanMethods = false)
class RequestBodies {

    /** Where a body read in full waits for the dispatch that hands it on. */
    private static final String BODY = RequestBodies.class.getName() + ".body";
    private static final Set<String> WITHOUT_BODY = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /**
     * @param timeout how long a whole request body may take to arrive
     * @param maxSize the largest body accepted (every form and JSON request here is a few kilobytes)
     */
    @ConfigurationProperties("temujanji.http.request-body")
    record Limits(@DefaultValue("10s") Duration timeout, @DefaultValue("1MB") DataSize maxSize) {
    }

    /** On unless a proxy in front already buffers bodies (such as nginx's proxy_request_buffering). */
    @Bean
    @ConditionalOnBooleanProperty(name = "temujanji.http.request-body.read-first", matchIfMissing = true)
    FilterRegistrationBean<OncePerRequestFilter> requestBodyFilter(Limits limits, MessageSource messages,
            LocaleResolver locales) {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new BodyFirst(limits, messages, locales));
        // First of all filters: none of them may read a body before it is complete.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
        registration.setAsyncSupported(true);
        return registration;
    }

    @RequiredArgsConstructor(access = AccessLevel.PACKAGE)
    private static final class BodyFirst extends OncePerRequestFilter {

        private final Limits limits;
        private final MessageSource messages;
        private final LocaleResolver locales;

        @Override
        protected boolean shouldNotFilterAsyncDispatch() {
            return false;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getDispatcherType() == DispatcherType.ASYNC) {
                Object body = request.getAttribute(BODY);
                if (body instanceof byte[] bytes) {
                    request.removeAttribute(BODY);
                    chain.doFilter(new BufferedBodyRequest(request, bytes), response);
                } else {
                    chain.doFilter(request, response);
                }
                return;
            }
            if (WITHOUT_BODY.contains(request.getMethod()) || !hasBody(request)) {
                chain.doFilter(request, response);
                return;
            }
            long declared = request.getContentLengthLong();
            long max = limits.maxSize().toBytes();
            ByteArrayOutputStream body = new ByteArrayOutputStream(declared > 0 ? (int) Math.min(declared, max) : 1024);
            if (declared > 0 && declared <= max) {
                // Almost every body came in with its headers: read what is here already, which cannot block,
                // and hand a complete one on at once, without the async dispatch (an eighth of a booking's CPU).
                readBuffered(request.getInputStream(), body, declared);
                if (body.size() == declared) {
                    chain.doFilter(new BufferedBodyRequest(request, body.toByteArray()), response);
                    return;
                }
            }
            AsyncContext async = request.startAsync();
            async.setTimeout(limits.timeout().toMillis());
            Reader reader = new Reader(request, response, async, body);
            async.addListener(reader);
            request.getInputStream().setReadListener(reader);
            if (declared > max) {
                // Refused in non-blocking mode too: Tomcat would otherwise wait on this thread to swallow the body.
                reader.fail(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "PAYLOAD_TOO_LARGE");
            }
        }

        /** Reads the body's bytes the container holds already, up to its declared length, without waiting for more. */
        private static void readBuffered(ServletInputStream in, ByteArrayOutputStream body, long declared)
                throws IOException {
            byte[] chunk = new byte[(int) Math.min(declared, 8192)];
            while (body.size() < declared && in.available() > 0) {
                int read = in.read(chunk, 0, (int) Math.min(chunk.length, declared - body.size()));
                if (read < 0) {
                    return;
                }
                body.write(chunk, 0, read);
            }
        }

        private static boolean hasBody(HttpServletRequest request) {
            return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
        }

        /** A problem answer written here, before Spring MVC: RFC 9457 under /api/, a short page elsewhere. */
        private void refuse(HttpServletRequest request, HttpServletResponse response, int status, String code)
                throws IOException {
            if (response.isCommitted()) {
                return;
            }
            Locale locale = locales.resolveLocale(request);
            String title = messages.getMessage("problem." + code + ".title", null, code, locale);
            String detail = messages.getMessage("problem." + code + ".detail", null, title, locale);
            response.reset();
            response.setStatus(status);
            response.setHeader("Connection", "close");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            if (request.getRequestURI().startsWith("/api/")) {
                response.setContentType("application/problem+json");
                response.getWriter().write("{\"type\":\"about:blank\",\"title\":" + json(title) + ",\"status\":" + status
                        + ",\"detail\":" + json(detail) + ",\"code\":\"" + code + "\"}");
            } else {
                response.setContentType("text/html");
                response.getWriter().write("<!DOCTYPE html><html lang=\"" + locale.getLanguage()
                        + "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>"
                        + HtmlUtils.htmlEscape(title) + "</title></head><body><main><h1>" + HtmlUtils.htmlEscape(title)
                        + "</h1><p>" + HtmlUtils.htmlEscape(detail) + "</p><p><a href=\"/\">"
                        + HtmlUtils.htmlEscape(messages.getMessage("error.home", null, locale)) + "</a></p></main></body></html>");
            }
            response.flushBuffer();
        }

        private static String json(String text) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : text.toCharArray()) {
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            return out.append('"').toString();
        }

        /** Reads one body as it arrives; settles the request once: handed on, or refused. */
        private final class Reader implements ReadListener, AsyncListener {

            private final HttpServletRequest request;
            private final HttpServletResponse response;
            private final AsyncContext async;
            private final ByteArrayOutputStream body;
            private final AtomicBoolean settled = new AtomicBoolean();

            /** {@code body}: what was read before the request went async. */
            Reader(HttpServletRequest request, HttpServletResponse response, AsyncContext async,
                    ByteArrayOutputStream body) {
                this.request = request;
                this.response = response;
                this.async = async;
                this.body = body;
            }

            @Override
            public void onDataAvailable() throws IOException {
                ServletInputStream in = request.getInputStream();
                byte[] chunk = new byte[8192];
                while (!settled.get() && in.isReady()) {
                    int read = in.read(chunk);
                    if (read < 0) {
                        return;
                    }
                    body.write(chunk, 0, read);
                    if (body.size() > limits.maxSize().toBytes()) {
                        fail(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "PAYLOAD_TOO_LARGE");
                        return;
                    }
                }
            }

            @Override
            public void onAllDataRead() {
                if (settled.compareAndSet(false, true)) {
                    request.setAttribute(BODY, body.toByteArray());
                    async.dispatch();
                }
            }

            @Override
            public void onError(Throwable failure) {
                fail(HttpServletResponse.SC_BAD_REQUEST, "INVALID_REQUEST");
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                fail(HttpServletResponse.SC_REQUEST_TIMEOUT, "REQUEST_TIMEOUT");
            }

            @Override
            public void onComplete(AsyncEvent event) {
            }

            @Override
            public void onError(AsyncEvent event) {
                fail(HttpServletResponse.SC_BAD_REQUEST, "INVALID_REQUEST");
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
            }

            private void fail(int status, String code) {
                if (!settled.compareAndSet(false, true)) {
                    return;
                }
                try {
                    refuse(request, response, status, code);
                } catch (IOException | IllegalStateException gone) {
                    // The client has gone: nothing to tell it.
                } finally {
                    async.complete();
                }
            }
        }
    }
}
