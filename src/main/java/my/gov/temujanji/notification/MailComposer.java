package my.gov.temujanji.notification;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import my.gov.temujanji.booking.Appointment;
import my.gov.temujanji.booking.Booking;
import my.gov.temujanji.booking.BookingProperties;
import my.gov.temujanji.booking.GroupBooking;
import my.gov.temujanji.booking.Reference;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.catalogue.Offering;
import my.gov.temujanji.queue.QueueArrivals;
import my.gov.temujanji.queue.QueueArrivals.IssuedNumber;
import my.gov.temujanji.waitlist.WaitlistMail;
import my.gov.temujanji.waitlist.Waitlists;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Writes an applicant's e-mail, plain text and HTML, in the language they booked in, from the
 * templates under {@code templates/mail/} and the {@code mail} bundle.
 */
@Component
class MailComposer {

    /**
     * What the outbox keeps of one e-mail. {@code appointment}: null for a waitlist e-mail or a waiting-room
     * code; a waitlist e-mail is about an entry or an offer and says itself whether it went stale
     * ({@code waitlistStale}). {@code slips}: the appointments whose slips go with it, in one PDF (the
     * applicant's, then the rest of their group's people).
     */
    record Composed(MailKind kind, Appointment appointment, String recipient, String subject, String text,
            String html, String waitlistStale, List<Appointment> slips) {

        /** Why this e-mail, written earlier, would now mislead (see {@link MailKind#staleReason}), or null. */
        String staleReason(String secret, LocalDateTime now) {
            return kind.waitlist() ? waitlistStale : kind.staleReason(appointment, secret, now);
        }
    }

    private final SpringTemplateEngine templates = new SpringTemplateEngine();
    private final MessageSource messages;
    private final Catalogue catalogue;
    private final Booking booking;
    private final GroupBooking groups;
    private final NotificationProperties properties;
    private final BookingProperties bookingProperties;
    private final Waitlists waitlists;
    private final QueueArrivals queue;
    private final Clock clock;

    MailComposer(MessageSource messages, Catalogue catalogue, Booking booking, GroupBooking groups,
            NotificationProperties properties, BookingProperties bookingProperties, Waitlists waitlists,
            QueueArrivals queue, Clock clock) {
        this.groups = groups;
        this.queue = queue;
        this.waitlists = waitlists;
        this.clock = clock;
        this.messages = messages;
        this.catalogue = catalogue;
        this.booking = booking;
        this.properties = properties;
        this.bookingProperties = bookingProperties;
        templates.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 1));
        templates.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 2));
        templates.setTemplateEngineMessageSource(messages);
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setCharacterEncoding("UTF-8");
        resolver.setOrder(order);
        return resolver;
    }

    /**
     * The e-mail of an outbox message, about its appointment as it is now: a slip or calendar file sent
     * with it always matches what the counter will find.
     */
    Composed compose(OutboxMessage message) {
        if (message.kind().waitlist()) {
            return composeWaitlist(message);
        }
        if (message.kind() == MailKind.TICKET_CODE) {
            return ticketCode(message);
        }
        Appointment appointment = booking.findByReference(message.appointmentReference()).orElseThrow();
        return compose(message.kind(), appointment, message.previous(), message.secret());
    }

    /**
     * {@code previous}: where a moved appointment was, otherwise null; {@code code}: the confirmation
     * code, null once it is used or dead.
     */
    private Composed compose(MailKind kind, Appointment appointment, LocalDateTime previous, String code) {
        Locale locale = Locale.forLanguageTag(appointment.language());
        Offering offering = catalogue.requireOffering(appointment.branchCode(), appointment.serviceCode());
        DateTimeFormatter day = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", locale);
        Context context = new Context(locale);
        context.setVariable("kind", kind.name());
        context.setVariable("withSlip", kind.withSlip);
        context.setVariable("appointment", appointment);
        context.setVariable("reference", Reference.display(appointment.reference()));
        context.setVariable("branchName", offering.branch().name().in(locale));
        context.setVariable("branchAddress", offering.branch().address());
        context.setVariable("serviceName", offering.type().name().in(locale));
        context.setVariable("date", day.format(appointment.date()));
        context.setVariable("time", appointment.start() + "–" + appointment.end());
        context.setVariable("previousDate", previous == null ? null
                : day.format(previous.toLocalDate()) + ", " + previous.toLocalTime());
        context.setVariable("arriveEarlyMinutes", bookingProperties.arriveEarlyMinutes());
        context.setVariable("slipUrl", properties.publicUrl() + "/slip/" + appointment.reference());
        context.setVariable("code", code);
        context.setVariable("confirmUrl", properties.publicUrl() + "/book/appointments/" + appointment.reference()
                + "/confirm" + (code == null ? "" : "?code=" + code));
        context.setVariable("manageUrl", properties.publicUrl() + "/appointments/manage?reference="
                + appointment.reference());
        // Choosing a new slot starts at the date question of the same branch and transaction type.
        context.setVariable("rebookUrl", kind == MailKind.CANCELLED_BY_BRANCH
                ? UriComponentsBuilder.fromUriString(properties.publicUrl()).path("/book/date")
                        .queryParam("branch", appointment.branchCode()).queryParam("service", appointment.serviceCode())
                        .queryParam("lang", appointment.language()).build().encode().toUriString()
                : null);
        IssuedNumber number = kind == MailKind.QUEUE_NUMBER
                ? queue.numberOf(appointment.reference()).orElseThrow() : null;
        context.setVariable("queueNumber", number == null ? null : number.number());
        context.setVariable("ticketUrl", number == null ? null
                : properties.publicUrl() + "/ticket/" + number.token() + "?lang=" + appointment.language());
        String subject = messages.getMessage("mail." + kind + ".subject", new Object[] {
                Reference.display(appointment.reference()), number == null ? null : number.number()}, locale);
        context.setVariable("subject", subject);
        // A queue number is one person's: the e-mail of a check-in lists no one else.
        List<Appointment> slips = number != null ? List.of(appointment) : slips(appointment);
        context.setVariable("others", slips.subList(1, slips.size()).stream().map(a -> new Person(
                a.applicant().fullName(), a.applicant().maskedDocumentNumber(), Reference.display(a.reference()),
                a.start() + "–" + a.end())).toList());
        return new Composed(kind, appointment, appointment.applicant().email(), subject,
                templates.process("appointment.txt", context), templates.process("appointment.html", context), null,
                slips);
    }

    /** Another person of the applicant's group, as the e-mail lists them. */
    record Person(String name, String document, String reference, String time) {
    }

    /**
     * The appointment, and when it is the applicant's of a group booking, the group's people in the same
     * state (holding a place, or not): an e-mail to the applicant is about all of them, one slip each.
     */
    private List<Appointment> slips(Appointment appointment) {
        return groups.groupOf(appointment.reference())
                .filter(group -> group.applicant().reference().equals(appointment.reference()))
                .map(group -> group.appointments().stream().filter(a -> a.active() == appointment.active()).toList())
                .orElse(List.of(appointment));
    }

    /** A waitlist e-mail: its code, or the place held with the link to take it and its deadline (branch time). */
    private Composed composeWaitlist(OutboxMessage message) {
        WaitlistMail mail = waitlists.mail(message.waitlistSubject()).orElseThrow();
        Locale locale = Locale.forLanguageTag(message.language());
        Offering offering = catalogue.requireOffering(mail.branchCode(), mail.serviceCode());
        DateTimeFormatter day = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", locale);
        Context context = new Context(locale);
        context.setVariable("kind", message.kind().name());
        context.setVariable("language", message.language());
        context.setVariable("branchName", offering.branch().name().in(locale));
        context.setVariable("branchAddress", offering.branch().address());
        context.setVariable("serviceName", offering.type().name().in(locale));
        context.setVariable("range", day.format(mail.firstDay()) + " – " + day.format(mail.lastDay()));
        context.setVariable("date", mail.day() == null ? null : day.format(mail.day()));
        context.setVariable("time", mail.day() == null ? null : mail.start() + "–" + mail.end());
        context.setVariable("deadline", day.format(mail.deadline().atZone(clock.getZone())) + ", "
                + DateTimeFormatter.ofPattern("HH:mm").format(mail.deadline().atZone(clock.getZone())));
        context.setVariable("code", message.secret());
        String link = properties.publicUrl() + mail.path() + "?lang=" + message.language();
        context.setVariable("link", message.secret() == null ? link : link + "&code=" + message.secret());
        String subject = messages.getMessage("mail." + message.kind() + ".subject",
                new Object[] {offering.type().name().in(locale)}, locale);
        context.setVariable("subject", subject);
        return new Composed(message.kind(), null, message.recipient(), subject,
                templates.process("waitlist.txt", context), templates.process("waitlist.html", context),
                mail.staleReason(), List.of());
    }

    /** The code that confirms a waiting-room ticket: no appointment yet, only the code and its page. */
    private Composed ticketCode(OutboxMessage message) {
        Locale locale = Locale.forLanguageTag(message.language());
        Context context = new Context(locale);
        context.setVariable("code", message.secret());
        String subject = messages.getMessage("mail.TICKET_CODE.subject", null, locale);
        context.setVariable("subject", subject);
        return new Composed(MailKind.TICKET_CODE, null, message.recipient(), subject,
                templates.process("ticket-code.txt", context), templates.process("ticket-code.html", context), null,
                List.of());
    }
}
