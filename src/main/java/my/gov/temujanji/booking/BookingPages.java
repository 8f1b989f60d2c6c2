package my.gov.temujanji.booking;

/** The addresses of booking's pages that other capabilities' pages lead to. */
public final class BookingPages {

    private BookingPages() {
    }

    /** "Check your e-mail": where a PENDING booking waits for its code. */
    public static String confirmation(String reference) {
        return "/book/appointments/" + reference + "/confirm";
    }
}
