package my.gov.temujanji.slip;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import my.gov.temujanji.booking.Appointment;
import my.gov.temujanji.booking.Reference;
import my.gov.temujanji.catalogue.Branch;
import my.gov.temujanji.catalogue.Catalogue;

/**
 * What a slip, a calendar entry and the verification page say about an appointment, in one language:
 * names from the catalogue (its codes if the catalogue no longer has them), the day and time as a
 * person reads them.
 */
record SlipDetails(String reference, String department, String branch, String address, String transactionType,
        String day, String time) {

    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

    static SlipDetails of(Appointment appointment, Catalogue catalogue, Locale locale) {
        Branch branch = catalogue.branch(appointment.branchCode()).orElse(null);
        String department = branch == null ? "" : catalogue.department(branch.departmentCode())
                .map(d -> d.name().in(locale)).orElse("");
        String transactionType = catalogue.offering(appointment.branchCode(), appointment.serviceCode())
                .map(o -> o.type().name().in(locale)).orElse(appointment.serviceCode());
        return new SlipDetails(Reference.display(appointment.reference()), department,
                branch == null ? appointment.branchCode() : branch.name().in(locale), branch == null ? "" : branch.address(),
                transactionType, day(appointment.date(), locale),
                time(appointment.start()) + "–" + time(appointment.end()));
    }

    static String branchName(String code, Catalogue catalogue, Locale locale) {
        return catalogue.branch(code).map(b -> b.name().in(locale)).orElse(code);
    }

    /** "Selasa, 22 September 2026" / "Tuesday, 22 September 2026". */
    static String day(LocalDate date, Locale locale) {
        return DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", locale).format(date);
    }

    static String time(LocalTime time) {
        return HOURS.format(time);
    }
}
