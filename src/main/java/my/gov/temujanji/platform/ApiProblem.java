package my.gov.temujanji.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A refusal the JSON API reports as RFC 9457 problem details. {@code code} is stable for clients;
 * the title and detail are read from the message bundles ({@code problem.CODE.title},
 * {@code problem.CODE.detail}) in the language asked for.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final Object[] arguments;
    private final List<FieldProblem> fieldProblems;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ApiProblem(HttpStatus status, String code, Object... arguments) {
        this(status, code, List.of(), arguments);
    }

    public ApiProblem(HttpStatus status, String code, List<FieldProblem> fieldProblems, Object... arguments) {
        super(code, null, false, false);
        this.status = status;
        this.code = code;
        this.arguments = arguments;
        this.fieldProblems = List.copyOf(fieldProblems);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }

    /** Adds a response header to the answer (such as {@code Retry-After}), on pages and in the API alike. */
    public ApiProblem withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }

    /** One invalid field of a request: {@code message} is already in the reader's language. */
    public record FieldProblem(String field, String code, String message) {
    }
}
