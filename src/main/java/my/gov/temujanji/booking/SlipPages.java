package my.gov.temujanji.booking;

import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.platform.ApiProblem;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The Slip Temu Janji: what the applicant prints or screenshots and shows at the counter. The
 * reference is unguessable (2^50), so knowing it is what lets one see the slip; the document number
 * on it is masked.
 */
@Controller
class SlipPages {

    private final Booking booking;
    private final Catalogue catalogue;

    SlipPages(Booking booking, Catalogue catalogue) {
        this.booking = booking;
        this.catalogue = catalogue;
    }

    @GetMapping("/slip/{reference}")
    String slip(@PathVariable String reference, Model model) {
        Appointment appointment = requireAppointment(reference);
        model.addAttribute("appointment", appointment);
        model.addAttribute("reference", Reference.display(appointment.reference()));
        model.addAttribute("offering",
                catalogue.requireOffering(appointment.branchCode(), appointment.serviceCode()));
        return "booking/slip";
    }

    @GetMapping("/slip/{reference}/qr.svg")
    ResponseEntity<String> qrCode(@PathVariable String reference) {
        Appointment appointment = requireAppointment(reference);
        return ResponseEntity.ok()
                .contentType(MediaType.valueOf("image/svg+xml"))
                .cacheControl(CacheControl.noStore())
                .body(QrCodeSvg.of(Reference.display(appointment.reference())));
    }

    private Appointment requireAppointment(String reference) {
        return booking.findByReference(reference)
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "SLIP_NOT_FOUND"));
    }
}
