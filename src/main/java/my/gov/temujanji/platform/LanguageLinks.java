package my.gov.temujanji.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The language switch of every page ({@code @languageLinks} in templates): the same page with
 * {@code lang} replaced, so switching never loses the applicant's place in the flow. Public because
 * templates call it.
 */
@Component("languageLinks")
public class LanguageLinks {

    /**
     * @param pageUrl the page's own GET address when it was rendered in answer to a POST (a form shown
     *                again with errors); null to use the current GET request's address
     */
    public String to(String language, String pageUrl) {
        String base = pageUrl != null ? pageUrl : currentGetAddress();
        try {
            return UriComponentsBuilder.fromUriString(base).replaceQueryParam("lang", language).build().toUriString();
        } catch (IllegalArgumentException unparseable) {
            // A hand-made address the parser refuses: the home page in that language is the safe answer.
            return "/?lang=" + language;
        }
    }

    private static String currentGetAddress() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return "/";
        }
        HttpServletRequest request = attributes.getRequest();
        if (!"GET".equals(request.getMethod())) {
            return "/";
        }
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query);
    }
}
