package my.gov.temujanji.platform;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request whose body {@link RequestBodies} has already read: the body comes from memory, a form's
 * fields join the address's parameters (as Tomcat would merge them), and the request passes for the
 * original one, not for the dispatch that handed it on, so every filter after it works as usual.
 */
final class BufferedBodyRequest extends HttpServletRequestWrapper {

    private final byte[] body;
    private Map<String, String[]> parameters;

    BufferedBodyRequest(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body;
    }

    @Override
    public DispatcherType getDispatcherType() {
        return DispatcherType.REQUEST;
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                return in.read(buffer, offset, length);
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new IllegalStateException("The body was already read in full");
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        return new BufferedReader(new InputStreamReader(getInputStream(), charset()));
    }

    @Override
    public String getParameter(String name) {
        String[] values = parameters().get(name);
        return values == null ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return parameters();
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(parameters().keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
        String[] values = parameters().get(name);
        return values == null ? null : values.clone();
    }

    /** The address's parameters (Tomcat's, which no longer sees the body), then a POSTed form's fields. */
    private Map<String, String[]> parameters() {
        if (parameters == null) {
            Map<String, List<String>> merged = new LinkedHashMap<>();
            super.getParameterMap().forEach((name, values) -> merged.put(name, new ArrayList<>(List.of(values))));
            if ("POST".equals(getMethod()) && isForm()) {
                addForm(new String(body, charset()), merged);
            }
            Map<String, String[]> result = new LinkedHashMap<>();
            merged.forEach((name, values) -> result.put(name, values.toArray(String[]::new)));
            parameters = Collections.unmodifiableMap(result);
        }
        return parameters;
    }

    private boolean isForm() {
        String type = getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    /** Fields that cannot be decoded are left out, as Tomcat leaves them out of the address's parameters. */
    private void addForm(String form, Map<String, List<String>> into) {
        Charset charset = charset();
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), charset);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), charset);
                into.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            } catch (IllegalArgumentException malformed) {
                // skipped, as above
            }
        }
    }

    private Charset charset() {
        String name = getCharacterEncoding();
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
            return StandardCharsets.UTF_8;
        }
    }
}
