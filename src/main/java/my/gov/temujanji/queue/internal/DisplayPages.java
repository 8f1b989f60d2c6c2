package my.gov.temujanji.queue.internal;

import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.platform.LocalizedText;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The hall's call display, open to all (a TV shows it). With JavaScript it follows the branch's event
 * stream; without, it reloads itself every {@value #RELOAD_SECONDS} seconds.
 */
@Controller
@RequiredArgsConstructor
class DisplayPages {

    static final String ROOT = "/display";
    static final int RELOAD_SECONDS = 5;

    private final Catalogue catalogue;
    private final DisplayStates states;
    private final Displays displays;
    private final MessageSource messages;

    @GetMapping(ROOT + "/{branch}")
    String display(@PathVariable String branch, Model model, HttpServletResponse response) {
        model.addAttribute("branch", catalogue.requireBranch(branch));
        model.addAttribute("state", states.of(branch));
        model.addAttribute("reloadSeconds", RELOAD_SECONDS);
        // Spoken in both languages whatever the page's: the hall hears Malay, then English.
        model.addAttribute("say", LocalizedText.of(messages, "queue.display.say"));
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        return "queue/display";
    }

    @GetMapping(value = ROOT + "/{branch}/events", produces = "text/event-stream")
    SseEmitter events(@PathVariable String branch, HttpServletResponse response) {
        catalogue.requireBranch(branch);
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        // A proxy must pass each event on at once.
        response.setHeader("X-Accel-Buffering", "no");
        return displays.open(branch);
    }
}
