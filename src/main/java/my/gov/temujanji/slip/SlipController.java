package my.gov.temujanji.slip;

import static my.gov.temujanji.platform.Pages.noStore;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.booking.Appointment;
import my.gov.temujanji.booking.AppointmentStatus;
import my.gov.temujanji.booking.Booking;
import my.gov.temujanji.booking.BookingProperties;
import my.gov.temujanji.booking.Reference;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.platform.ApiProblem;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The Slip Temu Janji (the page the applicant prints or screenshots and shows at the counter), its
 * downloads and its verification page. The reference in these URLs is the capability: 50 random
 * bits, given only to the applicant; the document number on the slip is masked. The QR code carries
 * the signed token, so the counter can tell a genuine slip from an altered one.
 */
@Controller
@RequiredArgsConstructor
class SlipController {

    private static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final Booking booking;
    private final Catalogue catalogue;
    private final SlipToken tokens;
    private final SlipPdf pdf;
    private final CalendarFile calendar;
    private final QrCode qr;
    private final BookingProperties properties;

    @GetMapping("/slip/{reference}")
    String slip(@PathVariable String reference, Model model, HttpServletResponse response) {
        // Personal data: no cache on the way, nor the browser's history, keeps the page.
        noStore(response);
        Appointment appointment = appointment(reference);
        if (neverConfirmed(appointment)) {
            // No slip before the e-mailed code is entered: its page instead (which says when it is too late).
            return "redirect:/book/appointments/" + appointment.reference() + "/confirm";
        }
        model.addAttribute("appointment", appointment);
        model.addAttribute("reference", Reference.display(appointment.reference()));
        model.addAttribute("offering", catalogue.requireOffering(appointment.branchCode(), appointment.serviceCode()));
        model.addAttribute("arriveEarlyMinutes", properties.arriveEarlyMinutes());
        return "slip/slip";
    }

    @GetMapping("/slip/{reference}/qr.svg")
    ResponseEntity<String> qrCode(@PathVariable String reference) {
        return ResponseEntity.ok()
                .contentType(MediaType.valueOf("image/svg+xml"))
                .cacheControl(CacheControl.noStore())
                .body(qr.svg(tokens.link(withSlip(reference))));
    }

    @GetMapping("/slip/{reference}/slip.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String reference, Locale locale) {
        Appointment appointment = withSlip(reference);
        return download(pdf.render(appointment, locale), MediaType.APPLICATION_PDF,
                "slip-" + appointment.reference() + ".pdf");
    }

    @GetMapping("/slip/{reference}/temujanji.ics")
    ResponseEntity<byte[]> ics(@PathVariable String reference, Locale locale) {
        Appointment appointment = withSlip(reference);
        return download(calendar.ics(appointment, locale), CALENDAR, "temujanji-" + appointment.reference() + ".ics");
    }

    @GetMapping("/verify/{token}")
    String verify(@PathVariable String token, Locale locale, Model model, HttpServletResponse response) {
        Verification verification = tokens.verify(token);
        model.addAttribute("verification", verification);
        if (verification.genuine()) {
            model.addAttribute("reference", Reference.display(verification.reference()));
            model.addAttribute("branch", SlipDetails.branchName(verification.branchCode(), catalogue, locale));
            model.addAttribute("day", SlipDetails.day(verification.date(), locale));
            model.addAttribute("time", SlipDetails.time(verification.start()));
        } else if (verification.replaced()) {
            model.addAttribute("reference", Reference.display(verification.reference()));
        }
        noStore(response);
        return "slip/verify";
    }

    private Appointment appointment(String reference) {
        return booking.findByReference(reference)
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "SLIP_NOT_FOUND"));
    }

    /** Waiting for its code, or expired unconfirmed: such an appointment never had a slip. */
    private static boolean neverConfirmed(Appointment appointment) {
        return appointment.status() == AppointmentStatus.PENDING || appointment.status() == AppointmentStatus.EXPIRED;
    }

    /** What is downloaded or scanned needs an appointment that was confirmed (maybe cancelled since). */
    private Appointment withSlip(String reference) {
        Appointment appointment = appointment(reference);
        if (neverConfirmed(appointment)) {
            throw new ApiProblem(HttpStatus.CONFLICT, "APPOINTMENT_NOT_CONFIRMED");
        }
        return appointment;
    }

    /** Personal data: the downloads are kept by no cache on the way. */
    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok()
                .contentType(type)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .body(body);
    }
}
