package my.gov.temujanji.platform;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.view.RedirectView;

/** What every page flow answers the same way: Post/Redirect/Get and pages a shared computer must not keep. */
public final class Pages {

    private Pages() {
    }

    /** 303 See Other, so that a reload or Back after a POST asks with GET and never sends the form again. */
    public static RedirectView seeOther(String url) {
        RedirectView view = new RedirectView(url, true);
        view.setStatusCode(HttpStatus.SEE_OTHER);
        return view;
    }

    /** A page carrying personal data or a one-time step: no cache, not even the browser's Back cache, keeps it. */
    public static void noStore(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
    }
}
