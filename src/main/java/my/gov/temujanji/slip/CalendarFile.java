package my.gov.temujanji.slip;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Locale;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.booking.Appointment;
import my.gov.temujanji.booking.BookingProperties;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.platform.BranchTime;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.Standard;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.TzName;
import net.fortuna.ical4j.model.property.TzOffsetFrom;
import net.fortuna.ical4j.model.property.TzOffsetTo;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableAction;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The appointment as an iCalendar file. Its times are the branch's local time with
 * TZID=Asia/Kuala_Lumpur and a VTIMEZONE for it, so every calendar app shows the right time wherever
 * the phone is; a "floating" time or a UTC time written as local is the classic way these files go
 * wrong.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CalendarFile {


    private final Catalogue catalogue;
    private final MessageSource messages;
    private final BookingProperties booking;

    public byte[] ics(Appointment appointment, Locale locale) {
        SlipDetails details = SlipDetails.of(appointment, catalogue, locale);
        VEvent event = new VEvent();
        event.add(branchTime(new DtStart<>(LocalDateTime.of(appointment.date(), appointment.start()))));
        event.add(branchTime(new DtEnd<>(LocalDateTime.of(appointment.date(), appointment.end()))));
        event.add(new Summary(text("slip.calendar.summary", locale, details.transactionType())));
        event.add(new Uid(appointment.reference() + "@temujanji"));
        event.add(new Location(details.branch() + ", " + details.address()));
        event.add(new Description(text("slip.calendar.description", locale, details.reference())
                + "\n" + text("slip.pdf.rule", locale, booking.arriveEarlyMinutes())
                + "\n" + text("slip.pdf.documents", locale)));
        event.add(appointment.cancelled()
                ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        VAlarm dayBefore = new VAlarm(Duration.ofDays(-1));
        dayBefore.add(ImmutableAction.DISPLAY);
        dayBefore.add(new Description(text("slip.calendar.alarm", locale, details.time(), details.branch())));
        event.add(dayBefore);

        Calendar calendar = new Calendar()
                .withProdId("-//Temujanji//MS")
                .withDefaults()
                .withProperty(ImmutableMethod.PUBLISH)
                .withComponent(branchZone())
                .withComponent(event)
                .getFluentTarget();
        StringWriter ics = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, ics);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ics.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static <T extends DateProperty<LocalDateTime>> T branchTime(T property) {
        property.add(new TzId(BranchTime.ZONE.getId()));
        return property;
    }

    /**
     * Asia/Kuala_Lumpur as one observance: UTC+8 without daylight saving, as it has been since 1982.
     * Exact for every appointment, and deliberately not ical4j's bundled definition: ical4j 4.1.1
     * turns that zone's history into +07:30, writing every time half an hour early.
     */
    private static VTimeZone branchZone() {
        Standard standard = new Standard();
        standard.add(new DtStart<>(LocalDateTime.of(1982, 1, 1, 0, 0)));
        standard.add(new TzOffsetFrom(BranchTime.OFFSET));
        standard.add(new TzOffsetTo(BranchTime.OFFSET));
        standard.add(new TzName("+08"));
        VTimeZone zone = new VTimeZone();
        zone.add(new net.fortuna.ical4j.model.property.TzId(BranchTime.ZONE.getId()));
        zone.add(standard);
        return zone;
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
