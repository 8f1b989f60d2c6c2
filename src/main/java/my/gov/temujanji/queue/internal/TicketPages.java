package my.gov.temujanji.queue.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.regex.Pattern;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.platform.ApiProblem;
import my.gov.temujanji.platform.Pages;
import my.gov.temujanji.slip.QrCode;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The applicant's ticket, printed at the counter or kiosk and opened from its QR code: the number,
 * where it stands, the estimate, and how to ask for priority. Its address is its only key (unguessable).
 */
@Controller
@RequiredArgsConstructor
class TicketPages {

    static final String ROOT = "/ticket";
    /** A ticket's token as made (24 random bytes, base64url): nothing else reaches the database. */
    static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{32}");

    private final Tickets tickets;
    private final Estimates estimates;
    private final Catalogue catalogue;
    private final QueueTexts texts;
    private final QrCode qr;

    @GetMapping(ROOT + "/{token}")
    String ticket(@PathVariable String token, @RequestParam(required = false) String kiosk, Model model,
            Locale locale, HttpServletResponse response) {
        Ticket ticket = find(token);
        model.addAttribute("ticket", ticket);
        model.addAttribute("standing", estimates.of(ticket));
        model.addAttribute("branch", catalogue.requireBranch(ticket.branchCode()));
        model.addAttribute("serviceName", texts.serviceNames(ticket.branchCode(), locale)
                .getOrDefault(ticket.serviceCode(), ticket.serviceCode()));
        model.addAttribute("fromKiosk", kiosk != null);
        Pages.noStore(response);
        return "queue/ticket";
    }

    /** The QR code of the ticket's own address, for a phone to follow it. */
    @GetMapping(value = ROOT + "/{token}/qr.svg", produces = "image/svg+xml")
    ResponseEntity<String> qr(@PathVariable String token) {
        Ticket ticket = find(token);
        String address = ServletUriComponentsBuilder.fromCurrentContextPath().path(ROOT + "/{token}")
                .buildAndExpand(ticket.token()).toUriString();
        return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml"))
                .cacheControl(CacheControl.noStore()).body(qr.svg(address));
    }

    private Ticket find(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "QUEUE_TICKET_NOT_FOUND");
        }
        return tickets.byToken(token).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "QUEUE_TICKET_NOT_FOUND"));
    }
}
